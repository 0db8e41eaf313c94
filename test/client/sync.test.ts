/** Incremental sync by lastmodifieddate against the sandbox, on its controllable clock. */
import type { NetSuiteClient, SyncCursor, SyncItem } from '../../lib/client';
import { startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let client: NetSuiteClient;

async function collect(items: AsyncIterable<SyncItem>): Promise<{ ids: string[]; cursor: SyncCursor | null }> {
  const ids: string[] = [];
  let cursor: SyncCursor | null = null;
  for await (const item of items) {
    ids.push(String(item.record.id));
    cursor = item.cursor;
  }
  return { ids, cursor };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.account.seedEmployees(40);
  client = sandbox.client('m2m');
});
afterAll(() => sandbox.close());

it('exports everything, then only what changed since', async () => {
  await sandbox.account.advance(10_000);
  const all = sandbox.account.db.prepare('SELECT COUNT(*) FROM employee').pluck().get();
  const full = await collect(client.sync({ pageSize: 7 }));
  expect(full.ids).toHaveLength(all as number);
  expect(new Set(full.ids).size).toBe(full.ids.length);
  expect(full.cursor?.after).not.toBeNull();

  await client.employees.update('12', { title: 'Changed' });
  await sandbox.account.advance(5_000);
  await client.employees.update('5', { title: 'Changed too' });
  await sandbox.account.advance(10_000);
  const next = await collect(client.sync({ cursor: full.cursor, pageSize: 7 }));
  expect(next.ids).toEqual(['12', '5']); // in modification order

  await sandbox.account.advance(10_000);
  const idle = await collect(client.sync({ cursor: next.cursor }));
  expect(idle.ids).toEqual([]);
  expect(idle.cursor).toBeNull(); // nothing read: the caller keeps its cursor
});

it('does not advance the cursor over rows still inside the settle window', async () => {
  await sandbox.account.advance(10_000);
  const before = await collect(client.sync());
  await client.employees.update('7', { title: 'Just now' });
  const run = await collect(client.sync({ cursor: before.cursor }));
  expect(run.ids).toEqual(['7']);
  expect(run.cursor).toEqual(before.cursor); // 7 changed less than 2 s ago: it comes again next time
  await sandbox.account.advance(10_000);
  const again = await collect(client.sync({ cursor: run.cursor }));
  expect(again.ids).toEqual(['7']);
  expect(again.cursor?.after?.[1]).toBe('7');
});

it('resumes an interrupted run after the last handled row without losing any', async () => {
  await sandbox.account.advance(10_000);
  const seen: string[] = [];
  let cursor: SyncCursor | null = null;
  for await (const item of client.sync({ pageSize: 5 })) {
    seen.push(String(item.record.id));
    cursor = item.cursor;
    if (seen.length === 13) break; // crash
  }
  const rest = await collect(client.sync({ cursor, pageSize: 5 }));
  const full = await collect(client.sync());
  expect([...seen, ...rest.ids]).toEqual(full.ids);
});

/**
 * The mirror's database layer on both dialects — an embedded SQLite file and a real Postgres started
 * for this file (test/setup/postgres.ts) — : versioned migrations, events applied once and in record
 * order, access changes and views, the receiver stores; and, on Postgres, two processes (two pools)
 * applying the same events in different orders at once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  applyEvent,
  databaseSeenStore,
  databaseSequenceStore,
  migrate,
  openMirrorStore,
  schemaVersion,
  type SqlStore,
} from '../../lib/client/mirror';
import type { WebhookEvent } from '../../lib/core';
import { startPostgres, type TestPostgres } from '../setup/postgres';
import { ADMIN, mirrorRows, recordEvent, SALES, viewIds } from './events';

jest.setTimeout(60_000);

let pg: TestPostgres;
let tmp: string;
let databases = 0;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-mirror-'));
  pg = await startPostgres();
});

afterAll(async () => {
  await pg?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Dialect = 'sqlite' | 'postgres';

/** A fresh, migrated database of the dialect. */
async function freshDatabase(dialect: Dialect): Promise<string> {
  const n = ++databases;
  return dialect === 'sqlite' ? path.join(tmp, `m${n}.db`) : pg.createDatabase(`m${n}`);
}

const open: SqlStore[] = [];
async function openStore(database: string): Promise<SqlStore> {
  const store = await openMirrorStore(database);
  open.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const person = (over: Record<string, unknown> = {}) => ({
  entityId: 'Jane Doe',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@example.com',
  title: 'Engineer',
  isInactive: false,
  giveAccess: true,
  department: { id: '1', refName: 'Engineering' },
  roles: [ADMIN],
  ...over,
});

describe.each<Dialect>(['sqlite', 'postgres'])('%s', (dialect) => {
  test('migrations are versioned: applied once, recorded in schema_migrations, a second run applies nothing', async () => {
    const store = await openStore(await freshDatabase(dialect));
    expect(await schemaVersion(store)).toBe(1);
    expect(await migrate(store)).toEqual([]);
    const { rows } = await store.query<{ version: unknown }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => Number(r.version))).toEqual([1]);
  });

  test('a database migrated by a newer suitehooks is refused, not written', async () => {
    const database = await freshDatabase(dialect);
    const store = await openStore(database);
    await store.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')");
    await expect(openMirrorStore(database)).rejects.toThrow(/schema version 99; this suitehooks knows up to 1/);
  });

  test('events apply once, in record order: a duplicate and a stale event change nothing, a delete is not undone', async () => {
    const store = await openStore(await freshDatabase(dialect));
    const created = recordEvent('10', 1000, 'create', person());
    const promoted = recordEvent('10', 3000, 'update', person({ title: 'Lead' }));
    const older = recordEvent('10', 2000, 'update', person({ title: 'Senior' }));
    expect(await applyEvent(store, created)).toBe('applied');
    expect(await applyEvent(store, promoted)).toBe('applied');
    expect(await applyEvent(store, older)).toBe('stale');
    expect(await applyEvent(store, promoted)).toBe('duplicate');
    let row = (await mirrorRows(store)).get('10')!;
    expect(row).toMatchObject({ fields: { title: 'Lead' }, sequence: 3000, deleted: false, roles: ['3'] });

    expect(await applyEvent(store, recordEvent('10', 4000, 'delete', person({ title: 'Lead' })))).toBe('applied');
    expect(await applyEvent(store, recordEvent('10', 3500, 'update', person({ title: 'Ghost' })))).toBe('stale');
    row = (await mirrorRows(store)).get('10')!;
    expect(row).toMatchObject({ deleted: true, roles: [], sequence: 4000 });
    const outcomes = await store.query<{ outcome: string }>('SELECT outcome FROM mirror_event ORDER BY sequence');
    expect(outcomes.rows.map((r) => r.outcome)).toEqual(['applied', 'stale', 'applied', 'stale', 'applied']);
  });

  test('an event without `record` (payload mode "changes") is overlaid on the stored record', async () => {
    const store = await openStore(await freshDatabase(dialect));
    await applyEvent(store, recordEvent('11', 1000, 'create', person()));
    await applyEvent(
      store,
      recordEvent('11', 2000, 'update', undefined, {
        title: { old: 'Engineer', new: 'Manager' },
        roles: { added: [SALES], removed: [ADMIN] },
      }),
    );
    expect((await mirrorRows(store)).get('11')).toMatchObject({
      fields: { title: 'Manager', firstName: 'Jane', email: 'jane@example.com' },
      roles: ['15'],
    });
  });

  test('the views answer who can log in, who has a role, who is inactive with access, and what changed when', async () => {
    const store = await openStore(await freshDatabase(dialect));
    await applyEvent(store, recordEvent('1', 1000, 'create', person()));
    await applyEvent(store, recordEvent('2', 1000, 'create', person({ giveAccess: false, roles: [] })));
    await applyEvent(store, recordEvent('3', 1000, 'create', person({ roles: [SALES] })));
    expect(await viewIds(store, 'mirror_can_log_in')).toEqual(['1', '3']);
    expect(await viewIds(store, 'mirror_role_members', 'WHERE role_name = ?', ['Sales Rep'])).toEqual(['3']);

    // Deactivated, access left on: still able to log in as far as NetSuite's flags go.
    await applyEvent(store, recordEvent('3', 5000, 'update', person({ roles: [SALES], isInactive: true })));
    expect(await viewIds(store, 'mirror_inactive_with_access')).toEqual(['3']);
    expect(await viewIds(store, 'mirror_can_log_in')).toEqual(['1']);
    await applyEvent(store, recordEvent('1', 6000, 'update', person({ roles: [SALES] })));

    const { rows } = await store.query<{ record_id: string; change: string; role_id: string | null }>(
      'SELECT record_id, change, role_id FROM mirror_access_changes WHERE at >= ? AND at < ? ORDER BY record_id, change',
      [new Date(4000).toISOString(), new Date(7000).toISOString()],
    );
    expect(rows).toEqual([
      { record_id: '1', change: 'role_added', role_id: '15' },
      { record_id: '1', change: 'role_removed', role_id: '3' },
      { record_id: '3', change: 'deactivated', role_id: null },
    ]);
  });

  test("createWebhookHandler's stores: seen ids are shared, a record's sequence only grows", async () => {
    const database = await freshDatabase(dialect);
    const [a, b] = [await openStore(database), await openStore(database)];
    const seenA = databaseSeenStore(a);
    const seenB = databaseSeenStore(b);
    expect(await seenB.has('evt_1')).toBe(false);
    await seenA.add('evt_1');
    await seenA.add('evt_1');
    expect(await seenB.has('evt_1')).toBe(true);
    const seqA = databaseSequenceStore(a);
    const seqB = databaseSequenceStore(b);
    expect(await seqA.get('employee:1')).toBeUndefined();
    await seqA.set('employee:1', 1_741_264_496_789);
    await seqB.set('employee:1', 5);
    expect(await seqB.get('employee:1')).toBe(1_741_264_496_789);
  });
});

test('Postgres: processes starting at once on an empty database migrate it exactly once', async () => {
  const database = await pg.createDatabase('together');
  const stores = await Promise.all([0, 1, 2].map(() => openStore(database)));
  const { rows } = await stores[0]!.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM schema_migrations');
  expect(Number(rows[0]!.n)).toBe(1);
});

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test('Postgres: two processes applying the same events (duplicates included) in different orders at once end with the newest state of every record, each event applied once', async () => {
  const database = await pg.createDatabase('race');
  const [a, b] = [await openStore(database), await openStore(database)];
  const events: WebhookEvent[] = [];
  for (let r = 1; r <= 20; r++) {
    events.push(recordEvent(String(r), 1000, 'create', person({ title: 'v1' })));
    for (let v = 2; v <= 6; v++) events.push(recordEvent(String(r), v * 1000, 'update', person({ title: `v${v}` })));
    if (r % 5 === 0) events.push(recordEvent(String(r), 9000, 'delete', person({ title: 'v6' })));
  }
  const run = (store: SqlStore, seed: number) =>
    // Each process handles several deliveries at once, as a server does.
    Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        const mine = shuffled([...events, ...events.slice(0, 30)], seed).filter((_, i) => i % 4 === lane);
        for (const e of mine) await applyEvent(store, e);
      }),
    );
  await Promise.all([run(a, 1), run(b, 2)]);

  const rows = await mirrorRows(a);
  for (let r = 1; r <= 20; r++) {
    const row = rows.get(String(r))!;
    if (r % 5 === 0) expect(row).toMatchObject({ deleted: true, sequence: 9000 });
    else expect(row).toMatchObject({ deleted: false, sequence: 6000, fields: { title: 'v6' } });
  }
  const applied = await a.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM mirror_event');
  expect(Number(applied.rows[0]!.n)).toBe(events.length);
  // A create is logged once per record however the deliveries raced.
  const creates = await a.query<{ n: unknown }>(
    "SELECT COUNT(*) AS n FROM mirror_access_change WHERE change = 'created'",
  );
  expect(Number(creates.rows[0]!.n)).toBe(20);
});

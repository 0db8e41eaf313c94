/**
 * The mirror for every record type that can log in (employee, vendor, partner, customer), end to end on
 * the REAL bundle (src/): each type's deployment posts to the mirror; while the mirror misses events
 * (answered 410: lost for good, and a receiver outage) a vendor, a partner and a customer are created,
 * changed and deleted; then one reconcile makes the mirror equal the account row by row for all four
 * types, on SQLite and on a Postgres loaded by reconcile alone, and "who can log in" lists them.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PARAM, USER_RECORD_TYPES, type Ref, type UserRecordType } from '../../lib/core';
import { openMirrorStore, reconcile, type SqlStore } from '../../lib/client/mirror';
import type { NetSuiteClient } from '../../lib/client';
import { defaultProjectDir } from '../../lib/sandbox/paths';
import { startSandbox, type Sandbox } from '../client/harness';
import { REST, UI } from '../sandbox/helpers';
import { startPostgres, type TestPostgres } from '../setup/postgres';
import { differences, serveMirror, written, type MirrorServer } from './harness';
import { mirrorRows, viewIds } from './events';
import { writeCursor } from '../../lib/client/mirror/cursor-store';

jest.setTimeout(120_000);

const SECRET_ID = 'custsecret_mirror_signing';
const SECRET = randomBytes(32).toString('base64');

let pg: TestPostgres;
let tmp: string;
let sandbox: Sandbox;
let client: NetSuiteClient;
let store: SqlStore;
let postgres: SqlStore | undefined;
let mirror: MirrorServer;

const account = () => sandbox.account;
const ref = (id: string): Ref => ({ id, refName: null });
const type = (id: string): UserRecordType => USER_RECORD_TYPES.find((t) => t.id === id)!;
/** The type's way of holding a login role: `roles` lines, or the one `accessRole`. */
const withRole = (t: UserRecordType, id: string | null) =>
  t.roles.kind === 'sublist' ? { roles: id ? [ref(id)] : [] } : { accessRole: id ? ref(id) : null };

/** Every type's differences, sorted (employees by id, others as `vendor:12`); empty when equal. */
async function drift(of: SqlStore): Promise<string[]> {
  const out: string[] = [];
  for (const t of USER_RECORD_TYPES) out.push(...(await differences(of, account(), t)));
  return out.sort();
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-mirror-types-'));
  store = await openMirrorStore(path.join(tmp, 'mirror.db'));
  mirror = await serveMirror(store, `whsec_${SECRET}`, () => sandbox.account.clock.now());
  const own = { [PARAM.endpointUrl]: mirror.url, [PARAM.secretId]: SECRET_ID };
  sandbox = await startSandbox({
    account: {
      projectDir: defaultProjectDir(),
      secrets: { [SECRET_ID]: SECRET },
      // Script parameters belong to each deployment: every record type's deployment posts to the mirror.
      params: Object.fromEntries(USER_RECORD_TYPES.map((t) => [t.deploymentId, own])),
      http: { trustedCertificates: [mirror.cert], connectTimeoutMs: 2_000, responseTimeoutMs: 2_000 },
    },
  });
  client = sandbox.client();
  pg = await startPostgres();
});

afterAll(async () => {
  await mirror?.close();
  await store?.close();
  await postgres?.close();
  await sandbox?.close();
  await pg?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const created: Record<string, string[]> = { vendor: [], partner: [], customer: [] };

test('events of vendors, partners and customers are applied as they happen', async () => {
  account().clock.advance(5_000);
  expect(await reconcile(store, client)).toMatchObject({ complete: true }); // the account's seeded employees
  for (const t of ['vendor', 'partner', 'customer'].map(type)) {
    for (const n of [1, 2, 3]) {
      const values = { companyName: `Mirror ${t.id} ${n}`, subsidiary: ref('1'), email: `m${n}@${t.id}.test` };
      created[t.id]!.push(await written(account(), () => account().createRecord(t.id, { values }, REST)));
    }
    const [first] = created[t.id]!;
    await written(account(), () =>
      account().updateRecord(t.id, first!, { values: { giveAccess: true, ...withRole(t, '15') } }, UI),
    );
  }
  expect(await drift(store)).toEqual([]);
  expect(await viewIds(store, 'mirror_can_log_in', 'WHERE record_type <> ?', ['employee'])).toEqual(
    [created.vendor![0], created.partner![0], created.customer![0]].sort(),
  );
});

test('changes, creations and deletions the mirror missed (lost events, an outage) are repaired by one reconcile for every type', async () => {
  mirror.mode = 'gone'; // every delivery answered 410: given up by the sender, lost for good
  const added: Record<string, string> = {};
  for (const t of ['vendor', 'partner', 'customer'].map(type)) {
    const [withAccess, plain, doomed] = created[t.id]!;
    await written(account(), () =>
      account().updateRecord(t.id, withAccess!, { values: withRole(t, '30'), replaceRoles: true }, REST),
    );
    await written(account(), () =>
      account().updateRecord(t.id, plain!, { values: { email: `changed@${t.id}.test`, phone: '555-0100' } }, UI),
    );
    await written(account(), () => account().deleteRecord(t.id, doomed!, UI));
    const values = {
      companyName: `Hired ${t.id}`,
      subsidiary: ref('1'),
      email: `hired@${t.id}.test`,
      giveAccess: true,
      ...withRole(t, '3'),
    };
    added[t.id] = await written(account(), () => account().createRecord(t.id, { values }, REST));
  }
  mirror.mode = 'apply';
  await mirror.down(); // and an outage while an employee and a vendor change: nothing reaches the mirror
  const [employee] = account().listEmployees(1, 0).ids;
  await written(account(), () => account().updateEmployee(employee!, { values: { title: 'Missed' } }, UI));
  await written(account(), () =>
    account().updateRecord('vendor', created.vendor![0]!, { values: { isInactive: true } }, UI),
  );
  await mirror.up();
  // What the mirror missed (the modification time aside: the account's clock decides whether it moved a second).
  const missed = ['vendor', 'partner', 'customer'].flatMap((t) => {
    const [withAccess, plain, doomed] = created[t]!.map((id) => `${t}:${id}`);
    return [
      ...(t === 'vendor' ? [`${withAccess}: isInactive differ`] : []),
      `${withAccess}: roles 15 ≠ 30`,
      `${plain}: email, phone differ`,
      `${doomed}: deleted in NetSuite`,
      `${t}:${added[t]}: missing from the mirror`,
    ];
  });
  const seen = (await drift(store))
    .map((d) => d.replace(', lastModifiedDate differ', ' differ'))
    .filter((d) => !d.endsWith(': lastModifiedDate differ'));
  expect(seen).toEqual([`${employee}: title differ`, ...missed].sort());

  account().clock.advance(5_000); // past reconcile's settle window on NetSuite's clock
  const report = await reconcile(store, client, { pageSize: 2 });
  expect(report).toMatchObject({ complete: true, counts: { created: 3, deleted: 3 } });
  expect(report.ids.created.sort()).toEqual(['vendor', 'partner', 'customer'].map((t) => `${t}:${added[t]}`).sort());
  expect(report.ids.deleted.sort()).toEqual(
    ['vendor', 'partner', 'customer'].map((t) => `${t}:${created[t]![2]}`).sort(),
  );
  expect(report.ids.updated).toContain(employee);
  expect(await drift(store)).toEqual([]);

  const canLogIn = await store.query<{ record_type: string; record_id: string }>(
    "SELECT record_type, record_id FROM mirror_can_log_in WHERE record_type <> 'employee' ORDER BY record_type, record_id",
  );
  expect(canLogIn.rows.map((r) => `${r.record_type}:${r.record_id}`).sort()).toEqual(
    [
      `vendor:${added.vendor}`,
      `partner:${created.partner![0]}`,
      `partner:${added.partner}`,
      `customer:${created.customer![0]}`,
      `customer:${added.customer}`,
    ].sort(),
  );
  const again = await reconcile(store, client);
  expect(again).toMatchObject({ complete: true, counts: { created: 0, updated: 0, deleted: 0 } });
});

test('a Postgres mirror loaded by reconcile alone equals the account for every type', async () => {
  postgres = await openMirrorStore(await pg.createDatabase('record_types'));
  account().clock.advance(5_000);
  expect(await reconcile(postgres, client, { pageSize: 3 })).toMatchObject({ complete: true });
  expect(await drift(postgres)).toEqual([]);
  const cursors = await postgres.query<{ name: string }>('SELECT name FROM mirror_cursor ORDER BY name');
  expect(cursors.rows.map((r) => r.name)).toEqual(USER_RECORD_TYPES.map((t) => `reconcile:${t.id}:sync`).sort());
});

test('a database of the version that reconciled employees only: its reconcile:employee:* cursors keep their meaning', async () => {
  const old = await openMirrorStore(path.join(tmp, 'previous-version.db'));
  try {
    const [lastEmployee] = account().listEmployees(1, account().listEmployees(1, 0).totalResults - 1).ids;
    const nowText = new Date(account().clock.now()).toISOString().slice(0, 19);
    // Left by the previous version: employees synced up to now, and a key scan past every employee, interrupted before its sweep.
    await old.transaction(async (q) => {
      await writeCursor(q, 'reconcile:employee:sync', { version: 1, after: [nowText, lastEmployee] });
      await writeCursor(q, 'reconcile:employee:scan', { run: 'previous', after: lastEmployee, startedMs: 0 });
    });
    account().clock.advance(5_000);
    const others = ['vendor', 'partner', 'customer'].reduce(
      (n, t) => n + account().listRecords(t, 1, 0).totalResults,
      0,
    );
    const report = await reconcile(old, client);
    // Employees: nothing after the sync cursor, the scan resumed past the last id; the other types from scratch.
    expect(report).toMatchObject({ complete: true, resumed: true, read: others, scanned: others });
    expect(await mirrorRows(old, 'employee')).toEqual(new Map());
    for (const t of USER_RECORD_TYPES.filter((x) => x.id !== 'employee'))
      expect(await differences(old, account(), t)).toEqual([]);
    const cursors = await old.query<{ name: string }>('SELECT name FROM mirror_cursor ORDER BY name');
    expect(cursors.rows.map((r) => r.name)).toEqual(USER_RECORD_TYPES.map((t) => `reconcile:${t.id}:sync`).sort());
  } finally {
    await old.close();
  }
});

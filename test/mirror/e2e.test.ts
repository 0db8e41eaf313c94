/**
 * The mirror end to end on the REAL bundle (src/) in the sandbox: NetSuite writes fire the built user
 * event, which signs and posts over https to the mirror's handler; reconcile reads the account through
 * the client (REST SuiteQL). After every step the mirror equals the account, row by row. The mirror
 * verifies on the account's clock, so retries after the clock moves on still pass the 5-minute tolerance.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEPLOYMENT, PARAM, SCRIPT } from '../../lib/core';
import { openMirrorStore, reconcile, type SqlStore } from '../../lib/client/mirror';
import type { NetSuiteClient } from '../../lib/client';
import { defaultProjectDir } from '../../lib/sandbox/paths';
import { startSandbox, type Sandbox } from '../client/harness';
import { REST, UI } from '../sandbox/helpers';
import { startPostgres, type TestPostgres } from '../setup/postgres';
import { differences, postSigned, serveMirror, written, type MirrorServer } from './harness';

jest.setTimeout(120_000);

const SECRET_ID = 'custsecret_mirror_signing';
const SECRET = randomBytes(32).toString('base64');
const WHSEC = `whsec_${SECRET}`;
const MINUTE = 60_000;

let pg: TestPostgres;
let tmp: string;
let sandbox: Sandbox;
let client: NetSuiteClient;
let store: SqlStore;
let mirror: MirrorServer;
const stores: SqlStore[] = [];
const servers: MirrorServer[] = [];

const now = () => sandbox.account.clock.now();
/** Past reconcile's settle window (2 s on NetSuite's clock). */
const settle = () => sandbox.account.clock.advance(5_000);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-mirror-e2e-'));
  store = await openMirrorStore(path.join(tmp, 'mirror.db'));
  stores.push(store);
  mirror = await serveMirror(store, WHSEC, now);
  servers.push(mirror);
  sandbox = await startSandbox({
    account: {
      projectDir: defaultProjectDir(), // the real bundle from src/
      secrets: { [SECRET_ID]: SECRET },
      params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: mirror.url, [PARAM.secretId]: SECRET_ID } },
      http: { trustedCertificates: [mirror.cert], connectTimeoutMs: 2_000, responseTimeoutMs: 2_000 },
    },
  });
  client = sandbox.client();
  pg = await startPostgres();
});

afterAll(async () => {
  for (const s of servers) await s.close();
  for (const s of stores) await s.close();
  await sandbox?.close();
  await pg?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const person = (n: number) => ({
  firstName: 'Mirror',
  lastName: `Person${n}`,
  email: `mirror${n}@example.com`,
  subsidiary: { id: '1', refName: null },
  giveAccess: true,
  roles: [{ id: '15', refName: null }],
});

test('a first reconcile loads the account; hire, edit, role change, deactivate and delete are applied as they happen', async () => {
  settle();
  const first = await reconcile(store, client, { pageSize: 3 });
  expect(first).toMatchObject({
    complete: true,
    counts: { created: sandbox.account.listEmployees(1000, 0).totalResults },
  });
  expect(await differences(store, sandbox.account)).toEqual([]);

  const id = await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(1) }, REST));
  expect(await differences(store, sandbox.account)).toEqual([]);
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(id, { values: { title: 'Analyst', department: { id: '2', refName: null } } }, UI),
  );
  expect(await differences(store, sandbox.account)).toEqual([]);
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(id, { values: { roles: [{ id: '3', refName: null }] }, replaceRoles: true }, UI),
  );
  expect(await differences(store, sandbox.account)).toEqual([]);
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(id, { values: { isInactive: true } }, UI, 'xedit'),
  );
  expect(await differences(store, sandbox.account)).toEqual([]);
  const inactive = await store.query<{ record_id: string }>('SELECT record_id FROM mirror_inactive_with_access');
  expect(inactive.rows.map((r) => r.record_id)).toEqual([id]);
  await written(sandbox.account, () => sandbox.account.deleteEmployee(id, UI));
  expect(await differences(store, sandbox.account)).toEqual([]);
});

test("a receiver outage: the events wait in NetSuite and arrive through the bundle's retries", async () => {
  const id = await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(2) }, REST));
  await mirror.down();
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(id, { values: { title: 'During the outage' } }, UI),
  );
  await written(sandbox.account, () => sandbox.account.updateEmployee(id, { values: { giveAccess: false } }, UI));
  expect(await differences(store, sandbox.account)).toEqual([
    expect.stringMatching(`^${id}: giveAccess,.* title differ$`),
  ]);
  await mirror.up();
  sandbox.account.clock.advance(6 * MINUTE);
  await sandbox.account.runScheduled(SCRIPT.retry);
  expect(await differences(store, sandbox.account)).toEqual([]);
});

test('events lost for good (the receiver answered 410) are repaired by reconcile: a change and a deletion', async () => {
  const kept = await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(3) }, REST));
  const gone = await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(4) }, REST));
  mirror.mode = 'gone';
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(kept, { values: { title: 'Never delivered' } }, UI),
  );
  await written(sandbox.account, () => sandbox.account.deleteEmployee(gone, UI));
  mirror.mode = 'apply';
  const drift = await differences(store, sandbox.account);
  expect(drift).toHaveLength(2);
  expect(drift).toEqual(
    expect.arrayContaining([expect.stringMatching(`^${kept}: .*title differ$`), `${gone}: deleted in NetSuite`]),
  );
  settle();
  const report = await reconcile(store, client);
  expect(report).toMatchObject({ complete: true, ids: { updated: [kept], deleted: [gone], created: [] } });
  expect(await differences(store, sandbox.account)).toEqual([]);
  const repaired = await store.query<{ change: string; source: string }>(
    'SELECT change, source FROM mirror_access_change WHERE record_id = ? ORDER BY id',
    [gone],
  );
  expect(repaired.rows.slice(-3)).toEqual([
    { change: 'deleted', source: 'reconcile' },
    { change: 'access_revoked', source: 'reconcile' },
    { change: 'role_removed', source: 'reconcile' },
  ]);
});

test('a reconcile stopped after its first batch leaves a consistent database; the next run resumes and finishes', async () => {
  mirror.mode = 'gone';
  const ids: string[] = [];
  for (const n of [5, 6, 7, 8])
    ids.push(await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(n) }, REST)));
  mirror.mode = 'apply';
  settle();
  const stop = new AbortController();
  const transaction = store.transaction.bind(store);
  const stopping: SqlStore = {
    ...store,
    transaction: async (fn) => {
      const result = await transaction(fn);
      stop.abort(); // after the first committed batch
      return result;
    },
  };
  const first = await reconcile(stopping, client, { pageSize: 2, signal: stop.signal });
  expect(first).toMatchObject({ complete: false, counts: { created: 2 } });
  expect(await differences(store, sandbox.account)).toHaveLength(2);
  const second = await reconcile(store, client, { pageSize: 2 });
  expect(second).toMatchObject({ complete: true, counts: { created: 2 } });
  expect(await differences(store, sandbox.account)).toEqual([]);
});

test('two mirror processes on one Postgres, receiving the same events (and duplicates) in different orders, equal the account', async () => {
  const database = await pg.createDatabase('two_processes');
  const [a, b] = [await openMirrorStore(database), await openMirrorStore(database)];
  stores.push(a, b);
  settle();
  expect(await reconcile(a, client)).toMatchObject({ complete: true });
  const [serverA, serverB] = [await serveMirror(a, WHSEC, now), await serveMirror(b, WHSEC, now)];
  servers.push(serverA, serverB);

  mirror.mode = 'record'; // the sandbox's deliveries are captured, then replayed to both processes
  const hired = [
    await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(10) }, REST)),
    await written(sandbox.account, () => sandbox.account.createEmployee({ values: person(11) }, REST)),
  ];
  await written(sandbox.account, () => sandbox.account.updateEmployee(hired[0]!, { values: { title: 'First' } }, UI));
  await written(sandbox.account, () => sandbox.account.updateEmployee(hired[0]!, { values: { title: 'Second' } }, UI));
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(hired[1]!, { values: { roles: [{ id: '3', refName: null }] } }, UI),
  );
  await written(sandbox.account, () =>
    sandbox.account.updateEmployee(hired[1]!, { values: { isInactive: true, giveAccess: false } }, UI),
  );
  await written(sandbox.account, () => sandbox.account.deleteEmployee(hired[0]!, UI));
  mirror.mode = 'apply';
  const deliveries = mirror.recorded.splice(0);
  expect(deliveries).toHaveLength(7);

  // As the sender does: a delivery answered 409 (the same id in progress on that process) is sent again.
  const deliver = async (server: MirrorServer, d: (typeof deliveries)[number]): Promise<void> => {
    const status = await postSigned(server.url, server.cert, d, WHSEC, now());
    if (status === 409) return deliver(server, d);
    expect(status).toBe(200);
  };
  await Promise.all([
    ...[...deliveries, ...deliveries.slice(0, 3)].map((d) => deliver(serverA, d)),
    ...[...deliveries].reverse().map((d) => deliver(serverB, d)),
  ]);
  expect(await differences(a, sandbox.account)).toEqual([]);
  const logged = await a.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM mirror_event');
  expect(Number(logged.rows[0]!.n)).toBe(7);
});

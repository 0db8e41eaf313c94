/**
 * End to end on the REAL bundle in the sandbox: the user event's circuit breaker (N/cache, shared by
 * every user's saves) while the receiver does not answer, and the host allow-list on the retry worker's
 * fallback path (the user event deployment deleted or renamed, as an attacker would).
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { CSV, REST, UI } from './helpers';
import {
  BREAKER_COOL_DOWN_MS,
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DEPLOYMENT,
  HTTPS_TIMEOUT,
  NO_ANSWER_LIMIT,
  PARAM,
  SCRIPT,
} from '../../lib/core';

const UE_DEPLOY = DEPLOYMENT.userEvent;
const SECRET_ID = 'custsecret_suitehooks_signing';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let account: SandboxAccount;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: { [UE_DEPLOY]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID } },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
});

beforeEach(() => {
  receiver.setDefault({ kind: 'ok' });
  account.evictCache();
});

type Delivery = Record<string, unknown>;
const deliveries = (): Delivery[] => account.customRecords(DELIVERY_RECORD);
const newest = () => deliveries().at(-1)!;

test('a receiver that hangs: five saves a minute apart spend one N/https timeout (45 s of account time) in all, keep every event, and inline delivery resumes within the cool-down of recovery', async () => {
  receiver.setDefault({ kind: 'hang' });
  const before = receiver.attempts.length;
  const kept: string[] = [];
  const start = account.clock.now();
  for (let n = 0; n < 5; n++) {
    await account.updateEmployee('2', { values: { title: `Outage ${n}` } }, n % 2 ? UI : REST);
    kept.push(String(newest()[F.eventId]));
    account.clock.advance(MINUTE);
  }
  // Account time the saves spent, beyond the four minutes between them: one 45 s timeout (plus real time).
  const spent = account.clock.now() - start - 5 * MINUTE;
  expect(spent).toBeGreaterThanOrEqual(HTTPS_TIMEOUT.responseSeconds * 1000);
  expect(spent).toBeLessThan((HTTPS_TIMEOUT.responseSeconds + 5) * 1000);
  expect(receiver.attempts.length - before).toBe(1);
  expect(new Set(kept).size).toBe(5);
  expect(String(deliveries().find((d) => d[F.eventId] === kept[0])![F.lastError])).toMatch(/SSS_REQUEST_TIME_EXCEEDED/);
  for (const id of kept.slice(1)) {
    const d = deliveries().find((x) => x[F.eventId] === id)!;
    expect(d).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
  }

  // The receiver recovers; saves keep going a minute apart until one is posted inline again.
  receiver.setDefault({ kind: 'ok' });
  const recovered = account.clock.now();
  const delivered = receiver.events.size;
  while (receiver.events.size === delivered) {
    await account.updateEmployee('2', { values: { title: `After ${account.clock.now()}` } }, UI);
    account.clock.advance(MINUTE);
    expect(account.clock.now() - recovered).toBeLessThanOrEqual(BREAKER_COOL_DOWN_MS + MINUTE);
  }
  const stored = deliveries().length;
  await account.updateEmployee('2', { values: { title: 'Back to normal' } }, UI);
  expect(deliveries()).toHaveLength(stored); // delivered inline, nothing kept
  expect(receiver.events.size).toBe(delivered + 2);
}, 60_000);

test.each([
  [
    'deleted',
    (db: SandboxAccount['db']) => db.prepare('DELETE FROM scriptdeployment WHERE scriptid = ?').run(UE_DEPLOY),
  ],
  [
    'renamed',
    (db: SandboxAccount['db']) =>
      db.prepare('UPDATE scriptdeployment SET scriptid = ? WHERE scriptid = ?').run('customdeploy_renamed', UE_DEPLOY),
  ],
])('user event deployment %s: a held delivery for a host off the allow-list is still not sent', async (_how, lose) => {
  const fresh = await Receiver.start({ now: () => account.clock.now() });
  const other = await SandboxAccount.create({
    secrets: { [SECRET_ID]: fresh.apiSecretValue },
    params: {
      // A mistyped host: the allow-list names the receiver's address, the endpoint another name for it.
      [UE_DEPLOY]: {
        [PARAM.endpointUrl]: fresh.url.replace('127.0.0.1', 'localhost'),
        [PARAM.secretId]: SECRET_ID,
        [PARAM.allowedHosts]: '127.0.0.1',
      },
    },
    http: { trustedCertificates: [fresh.certificatePem!] },
  });
  try {
    await other.updateEmployee('3', { values: { title: 'Held' } }, REST);
    const [held] = other.customRecords(DELIVERY_RECORD);
    expect(held).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
    expect(String(held![F.lastError])).toMatch(/host localhost is not in custscript_suitehooks_allowed_hosts/);
    lose(other.db);
    await other.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
    expect(fresh.attempts).toHaveLength(0);
    expect(other.customRecords(DELIVERY_RECORD)[0]).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
  } finally {
    await other.close();
    await fresh.close();
  }
});

test('the retry worker against a hanging receiver: three timeouts a run, never killed, attempts kept; the backlog drains once it answers', async () => {
  // Earlier tests' kept events go out first, so this run's worker sees only this test's backlog.
  for (let i = 0; i < 12 && deliveries().some((d) => d[F.status] === 'pending'); i++) await account.advance(HOUR);
  const writes: Promise<string>[] = [];
  for (let i = 0; i < 20; i++) {
    const values = { firstName: 'Queued', lastName: `Hang ${i}`, subsidiary: { id: '1', refName: null } };
    writes.push(account.createEmployee({ values, replaceRoles: true }, CSV));
  }
  const ids = await Promise.all(writes);
  const mine = () => deliveries().filter((d) => ids.includes(String(d[F.recordId])));
  receiver.setDefault({ kind: 'hang' });
  const before = receiver.attempts.length;
  const executions = account.executions({ script: SCRIPT.retry }).length;
  for (let slot = 0; slot < 3; slot++) await account.advance(16 * MINUTE);
  const runs = account.executions({ script: SCRIPT.retry }).slice(executions);
  expect(runs.filter((e) => e.error?.startsWith('SSS_TIME_LIMIT_EXCEEDED'))).toEqual([]);
  const workerRuns = runs.filter((e) => e.deployment === DEPLOYMENT.retryWorker);
  expect(workerRuns).toHaveLength(3); // one a timer slot: no self-restart while the endpoint is down
  expect(receiver.attempts.length - before).toBe(3 * NO_ANSWER_LIMIT);
  // No attempt is counted without a POST: the deliveries not tried keep their counts (retries go first, so
  // the same few may be tried again).
  expect(mine().reduce((sum, d) => sum + Number(d[F.attempts]), 0)).toBe(3 * NO_ANSWER_LIMIT);
  expect(mine().filter((d) => d[F.attempts] === 0).length).toBeGreaterThanOrEqual(20 - 3 * NO_ANSWER_LIMIT);

  receiver.setDefault({ kind: 'ok' });
  for (let slot = 0; slot < 12 && mine().some((d) => d[F.status] === 'pending'); slot++) await account.advance(HOUR);
  expect(mine().every((d) => d[F.status] === 'delivered')).toBe(true);
  const arrivals = receiver.deliveriesById();
  expect(mine().every((d) => (arrivals.get(String(d[F.eventId])) ?? 0) >= 1)).toBe(true);
}, 120_000);

test("a RESTlet's save under a role without the delivery record, outbox mode: one inline attempt delivers it, and an error names the role and the fix", async () => {
  account.setParameter(UE_DEPLOY, PARAM.deliveryMode, 'outbox');
  const restlet = { executionContext: 'RESTLET', userId: '7', roleId: '15' }; // Sales Person: no access
  const before = {
    events: receiver.events.size,
    stored: deliveries().length,
    errors: account.logs({ level: 'ERROR' }).length,
  };
  try {
    await account.updateEmployee('5', { values: { title: 'Set by a RESTlet' } }, restlet);
  } finally {
    account.setParameter(UE_DEPLOY, PARAM.deliveryMode, null);
  }
  expect(deliveries()).toHaveLength(before.stored); // the role could not store it
  expect(receiver.events.size).toBe(before.events + 1); // the one inline attempt delivered it
  const [endpoints, error] = account.logs({ level: 'ERROR' }).slice(before.errors);
  // The role cannot read the endpoint records either: the parameters' endpoint alone, said once with the fix.
  expect(endpoints).toMatchObject({ title: 'suitehooks: endpoints' });
  expect(endpoints!.details).toMatch(
    /\(INSUFFICIENT_PERMISSION\) by role 15: .*Fix: give role 15 the View permission on the record type customrecord_suitehooks_endpoint/,
  );
  expect(error).toMatchObject({ title: 'suitehooks: event not stored' });
  expect(error!.details).toMatch(
    /\(INSUFFICIENT_PERMISSION\) by role 15; it was delivered by one inline attempt instead/,
  );
  expect(error!.details).toMatch(
    /Fix: give role 15 the Create permission on the record type customrecord_suitehooks_delivery/,
  );
});

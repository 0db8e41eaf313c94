/**
 * End to end on the REAL bundle (src/, built by `npm run build:bundle`): writes through the account fire
 * the built user event, which signs and posts to a local https receiver verifying with standardwebhooks;
 * failed or queued events become deliveries that the built retry script sends as the clock advances.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { REST, UI, CSV } from './helpers';
import {
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DEPLOYMENT,
  FAN_OUT,
  PARAM,
  SCRIPT,
  RETRY_UNITS,
  UNIT_COST,
  USAGE_LIMIT,
} from '../../lib/core';

const UE_DEPLOY = DEPLOYMENT.userEvent;
const RETRY = SCRIPT.retry;
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
    // NetSuite's 5 s / 45 s limits, shortened so a "too slow" receiver costs the test seconds, not a minute.
    http: { trustedCertificates: [receiver.certificatePem!], connectTimeoutMs: 2_000, responseTimeoutMs: 2_000 },
  });
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
});

beforeEach(() => {
  receiver.setDefault({ kind: 'ok' });
  // Each test starts with the circuit breaker closed: an earlier test's outage does not carry over.
  account.evictCache();
});

type Delivery = Record<string, unknown>;
const deliveries = (): Delivery[] => account.customRecords(DELIVERY_RECORD);
const deliveryOf = (eventId: string) => deliveries().find((d) => d[F.eventId] === eventId);
const newest = () => deliveries().at(-1)!;
const employee = (n: number) => ({
  firstName: 'Test',
  lastName: `Person${n}`,
  subsidiary: { id: '1', refName: null },
  email: `t${n}@example.com`,
});

/** Runs the retry script after moving the clock, as its 15-minute schedule would. */
async function retryAfter(ms: number) {
  account.clock.advance(ms);
  return account.runScheduled(RETRY);
}

test('a REST create arrives signed and verified as employee.created, inline, with the REST origin', async () => {
  const id = await account.createEmployee({ values: { ...employee(1), title: 'Analyst' } }, REST);
  const event = [...receiver.events.values()].find((e) => e.data.recordId === id)!;
  expect(event).toMatchObject({
    type: 'employee.created',
    data: {
      changeType: 'create',
      eventType: 'create',
      origin: { executionContext: 'RESTWEBSERVICES', user: { id: '7' } },
    },
  });
  expect(event.data.changes.title).toEqual({ old: null, new: 'Analyst' });
  expect(deliveries()).toHaveLength(0); // delivered inline: nothing kept
  expect(account.executions({ script: SCRIPT.userEvent }).at(-1)).toMatchObject({
    ok: true,
    // The endpoint configuration's cache read (a miss here: its loader's search, once until an endpoint
    // record changes), the breakers' read and the POST.
    usage: FAN_OUT.overhead + UNIT_COST.cacheLoad - UNIT_COST.cacheGet + UNIT_COST.resultSetPage + UNIT_COST.https,
    limit: USAGE_LIMIT.userEvent,
  });
  // The next save finds the configuration cached: 10 units per inline POST plus 2 of overhead.
  await account.updateEmployee(id, { values: { title: 'Senior Analyst' } }, REST);
  expect(account.executions({ script: SCRIPT.userEvent }).at(-1)).toMatchObject({
    ok: true,
    usage: FAN_OUT.overhead + UNIT_COST.https,
  });
});

test('an inline edit (xedit) reports only the edited fields', async () => {
  const before = receiver.events.size;
  await account.updateEmployee('5', { values: { title: 'Finance Director', phone: '555-0100' } }, UI, 'xedit');
  const event = [...receiver.events.values()].at(-1)!;
  expect(receiver.events.size).toBe(before + 1);
  expect(event.data).toMatchObject({
    recordId: '5',
    eventType: 'xedit',
    changedFields: ['phone', 'title'],
    origin: { executionContext: 'USERINTERFACE' },
  });
  expect(event.data.changes).toEqual({
    phone: { old: null, new: '555-0100' },
    title: { old: 'Controller', new: 'Finance Director' },
  });
});

test('a CSV import queues (auto mode) and the scheduled script delivers each event once', async () => {
  const before = receiver.events.size;
  await account.updateEmployee('6', { values: { title: 'Head of People' } }, CSV, 'edit');
  expect(receiver.events.size).toBe(before);
  const queued = newest();
  expect(queued).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
  // The deployment's own 15-minute schedule picks it up.
  await account.advance(16 * MINUTE);
  expect(deliveryOf(String(queued[F.eventId]))).toMatchObject({ [F.status]: 'delivered', [F.attempts]: 1 });
  expect(receiver.deliveriesById().get(String(queued[F.eventId]))).toBe(1);
  expect(account.executions({ script: RETRY }).length).toBeGreaterThan(0);
});

test('500 then recovery: retried on schedule, delivered, same webhook-id', async () => {
  receiver.behave({ kind: 'status', status: 500 });
  await account.updateEmployee('7', { values: { title: 'Staff Engineer' } }, REST);
  const d = newest();
  expect(d).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1, [F.lastHttpStatus]: 500 });
  const id = String(d[F.eventId]);
  await retryAfter(MINUTE); // not due yet (5 min ± jitter)
  expect(deliveryOf(id)![F.status]).toBe('pending');
  await retryAfter(6 * MINUTE);
  expect(deliveryOf(id)).toMatchObject({ [F.status]: 'delivered', [F.attempts]: 2 });
  expect(receiver.attempts.filter((a) => a.webhookId === id).map((a) => a.status)).toEqual([500, 200]);
});

test('429 with retry-after later than the schedule is honoured', async () => {
  receiver.behave({ kind: 'status', status: 429, retryAfter: '7200' });
  await account.updateEmployee('8', { values: { title: 'Regional Sales Manager' } }, REST);
  const id = String(newest()[F.eventId]);
  await retryAfter(30 * MINUTE);
  expect(deliveryOf(id)![F.status]).toBe('pending');
  await retryAfter(2 * HOUR);
  expect(deliveryOf(id)![F.status]).toBe('delivered');
  expect(receiver.deliveriesById().get(id)).toBe(1);
});

test('410 Gone dead-letters at once; nothing is retried', async () => {
  receiver.behave({ kind: 'status', status: 410 });
  await account.updateEmployee('2', { values: { title: 'VP Platform' } }, REST);
  const id = String(newest()[F.eventId]);
  expect(deliveryOf(id)).toMatchObject({ [F.status]: 'dead', [F.lastHttpStatus]: 410 });
  await retryAfter(3 * HOUR);
  expect(receiver.attempts.filter((a) => a.webhookId === id)).toHaveLength(1);
});

test('a receiver slower than the response limit times out (SSS_REQUEST_TIME_EXCEEDED) and is retried', async () => {
  receiver.behave({ kind: 'slow', delayMs: 3_000 });
  await account.updateEmployee('3', { values: { title: 'Principal Engineer' } }, REST);
  const d = newest();
  const id = String(d[F.eventId]);
  expect(d[F.status]).toBe('pending');
  expect(String(d[F.lastError])).toContain('SSS_REQUEST_TIME_EXCEEDED');
  await retryAfter(6 * MINUTE);
  expect(deliveryOf(id)![F.status]).toBe('delivered');
  expect(receiver.events.has(id)).toBe(true); // de-duplicated however often it arrived
});

test('receiver down, closing mid-response and redirecting: nothing lost, each event once per webhook-id', async () => {
  await receiver.down();
  const ids: string[] = [];
  for (let n = 0; n < 3; n++) {
    await account.updateEmployee('1', { values: { title: `CEO ${n}` } }, REST);
    ids.push(String(newest()[F.eventId]));
  }
  // The first save tried and opened the breaker; the next two kept their events without trying.
  expect(String(deliveryOf(ids[0]!)?.[F.lastError])).toContain('SSS_CONNECTION_CLOSED');
  for (const id of ids.slice(1)) expect(String(deliveryOf(id)?.[F.lastError])).toMatch(/^not sent inline/);
  await receiver.up();
  receiver.behave({ kind: 'close' }, { kind: 'status', status: 302, location: 'https://example.com/' });
  for (let i = 0; i < 12 && ids.some((id) => deliveryOf(id)![F.status] !== 'delivered'); i++) await retryAfter(HOUR);
  for (const id of ids) {
    expect(deliveryOf(id)![F.status]).toBe('delivered');
    expect(receiver.events.get(id)?.data.recordId).toBe('1');
  }
  // The closed connection (no status) and the redirect (not followed) were retried like any failure.
  const answers = receiver.attempts.filter((a) => ids.includes(a.webhookId ?? '')).map((a) => a.status);
  expect(answers.slice(0, 2)).toEqual([null, 302]);
});

test('after the last scheduled attempt a delivery ends dead, kept for replay', async () => {
  receiver.setDefault({ kind: 'status', status: 503 });
  await account.updateEmployee('4', { values: { title: 'Enterprise AE' } }, REST);
  const id = String(newest()[F.eventId]);
  for (let i = 0; i < 12 && deliveryOf(id)![F.status] === 'pending'; i++) await retryAfter(27 * HOUR);
  expect(deliveryOf(id)).toMatchObject({ [F.status]: 'dead', [F.attempts]: 9 });
  expect(String(deliveryOf(id)![F.body])).toContain(id);
});

test('a misconfigured deployment (http endpoint, missing secret) logs a clear error and keeps the events', async () => {
  account.setParameter(UE_DEPLOY, PARAM.endpointUrl, receiver.url.replace('https:', 'http:'));
  await account.updateEmployee('6', { values: { title: 'CPO' } }, REST);
  const first = newest();
  expect(first[F.status]).toBe('pending');
  expect(String(first[F.lastError])).toMatch(/https/);
  account.setParameter(UE_DEPLOY, PARAM.endpointUrl, receiver.url);
  account.setParameter(UE_DEPLOY, PARAM.secretId, 'custsecret_missing');
  await account.updateEmployee('6', { values: { title: 'Chief People Officer' } }, REST);
  const second = newest();
  expect(second[F.status]).toBe('pending');
  expect(String(second[F.lastError])).toMatch(/secret/i);
  await retryAfter(20 * MINUTE);
  expect(account.logs({ script: RETRY, level: 'ERROR' }).at(-1)!.details).toMatch(/secret/i);
  // The administrator fixes the deployment: both kept events go out.
  account.setParameter(UE_DEPLOY, PARAM.secretId, SECRET_ID);
  await retryAfter(20 * MINUTE);
  for (const d of [first, second]) expect(deliveryOf(String(d[F.eventId]))![F.status]).toBe('delivered');
});

test('a body longer than a search column holds (4,000 bytes) is sent whole by the retry worker, which loads it', async () => {
  await receiver.down();
  const long = (c: string) => c.repeat(300);
  await account.updateEmployee('2', { values: { title: long('é'), firstName: long('ß'), lastName: long('Ω') } }, REST);
  const kept = newest();
  const id = String(kept[F.eventId]);
  expect(Buffer.byteLength(String(kept[F.body]))).toBeGreaterThan(4000);
  await receiver.up();
  const before = account.executions({ script: RETRY }).length;
  await retryAfter(6 * MINUTE);
  expect(deliveryOf(id)).toMatchObject({ [F.status]: 'delivered' });
  const title = receiver.events.get(id)?.data.changes.title;
  expect(title).toHaveProperty('old', expect.anything());
  expect(title).toHaveProperty('new', long('é'));
  // The worker's run: setup 35, the delivery 12, and 2 for loading the body the search cut short.
  const worker = account
    .executions({ script: RETRY })
    .slice(before)
    .filter((e) => e.deployment === DEPLOYMENT.retryWorker);
  expect(worker.map((e) => e.usage)).toEqual([
    RETRY_UNITS.setup + RETRY_UNITS.delivery + RETRY_UNITS.bodyLoad + RETRY_UNITS.breaker,
  ]);
});

test('the timer sends nothing: it starts the worker, which sends', async () => {
  await account.updateEmployee('6', { values: { title: 'Head of Talent' } }, CSV, 'edit');
  const id = String(newest()[F.eventId]);
  const runs = await account.advance(16 * MINUTE);
  expect(runs.map((r) => r.deploymentId)).toEqual([DEPLOYMENT.retryTimer, DEPLOYMENT.retryWorker]);
  expect(deliveryOf(id)![F.status]).toBe('delivered');
  expect(
    account
      .executions({ script: RETRY })
      .slice(-2)
      .map((e) => [e.deployment, e.usage]),
  ).toEqual([
    // The endpoint records' search (failing ones are disabled), one search found it due, one task submit started the worker.
    [DEPLOYMENT.retryTimer, 2 * UNIT_COST.resultSetPage + RETRY_UNITS.resubmit],
    [DEPLOYMENT.retryWorker, RETRY_UNITS.setup + RETRY_UNITS.delivery + RETRY_UNITS.breaker], // + closing the breaker
  ]);
});

// NetSuite sorts empty values last; the worker must send a delivery with an empty Next Attempt either way.
describe.each([
  ['last (as NetSuite)', 'last' as const],
  ['first', 'first' as const],
])('empty values sorted %s', (_order, searchEmptyValues) => {
  let other: SandboxAccount;
  let hooks: Receiver;
  beforeAll(async () => {
    hooks = await Receiver.start({ now: () => other.clock.now() });
    other = await SandboxAccount.create({
      workers: 1,
      searchEmptyValues,
      secrets: { [SECRET_ID]: hooks.apiSecretValue },
      params: { [UE_DEPLOY]: { [PARAM.endpointUrl]: hooks.url, [PARAM.secretId]: SECRET_ID } },
      http: { trustedCertificates: [hooks.certificatePem!] },
    });
  });
  afterAll(async () => {
    await other?.close();
    await hooks?.close();
  });

  test('a new delivery (empty Next Attempt) is sent at once, though a later retry is pending', async () => {
    hooks.behave({ kind: 'status', status: 503 });
    await other.updateEmployee('7', { values: { title: 'Retried later' } }, REST); // fails inline: next attempt in ~5 minutes
    await other.updateEmployee('8', { values: { title: 'Queued now' } }, CSV); // outbox: empty next attempt
    const [later, now] = other.customRecords(DELIVERY_RECORD).slice(-2);
    expect(later![F.nextAttempt]).not.toBeNull();
    expect(now![F.nextAttempt]).toBeNull();
    await other.runScheduled(RETRY);
    const after = new Map(other.customRecords(DELIVERY_RECORD).map((d) => [d[F.eventId], d]));
    expect(after.get(now![F.eventId])![F.status]).toBe('delivered');
    expect(after.get(later![F.eventId])).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1 });
  });
});

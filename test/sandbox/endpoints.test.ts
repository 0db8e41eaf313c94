/**
 * End to end on the REAL bundle in the sandbox: endpoints as records. Two receivers, each with its own
 * Standard Webhooks secret, filters and payload mode, verify what they get with the `standardwebhooks`
 * package (lib/sandbox/receiver); a delivery only ever goes to its own endpoint, signed with its secret,
 * even when the configuration changes while it is pending; a save's governance with 1, 2 and 5
 * endpoints; an endpoint failing for the configured time is disabled with one alert and drained when
 * enabled again.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { CSV, UI } from './helpers';
import { ALERT_PARAM } from '../../lib/core/alert-config';
import {
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DEPLOYMENT,
  ENDPOINT_FIELD as EP,
  ENDPOINT_RECORD,
  FAN_OUT,
  PARAM,
  PARAMETERS_ENDPOINT,
  RETRY_UNITS,
  SCRIPT,
  UNIT_COST,
} from '../../lib/core';

const SECRET_A = 'custsecret_suitehooks_a';
const SECRET_B = 'custsecret_suitehooks_b';
const SECRET_C = 'custsecret_suitehooks_c';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let account: SandboxAccount;
let a: Receiver;
let b: Receiver;
let c: Receiver;
const endpointIds: string[] = [];

beforeAll(async () => {
  const now = () => account.clock.now();
  [a, b, c] = await Promise.all([Receiver.start({ now }), Receiver.start({ now }), Receiver.start({ now })]);
  account = await SandboxAccount.create({
    secrets: { [SECRET_A]: a.apiSecretValue, [SECRET_B]: b.apiSecretValue, [SECRET_C]: c.apiSecretValue },
    http: { trustedCertificates: [a.certificatePem!, b.certificatePem!, c.certificatePem!] },
  });
});

afterAll(async () => {
  await account?.close();
  await Promise.all([a?.close(), b?.close(), c?.close()]);
});

afterEach(async () => {
  // Each test adds its own endpoints; later tests must not fan out to them (an inactive endpoint gets no
  // new event and its pending deliveries are kept).
  for (const id of endpointIds.splice(0)) await account.saveCustomRecord(ENDPOINT_RECORD, id, { isinactive: true });
  account.setParameter(DEPLOYMENT.userEvent, PARAM.endpointUrl, null);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, null);
  for (const r of [a, b, c]) r.setDefault({ kind: 'ok' });
  account.evictCache();
});

async function addEndpoint(name: string, values: Record<string, unknown>): Promise<string> {
  const id = await account.saveCustomRecord(ENDPOINT_RECORD, null, { name, [EP.enabled]: true, ...values });
  endpointIds.push(id);
  return id;
}

type Row = Record<string, unknown>;
const deliveries = (): Row[] => account.customRecords(DELIVERY_RECORD);
const lastUsage = () => account.executions({ script: SCRIPT.userEvent }).at(-1)!;
const eventsOf = (r: Receiver) => [...r.events.values()];
const title = (n: string) => ({ values: { title: n } });

test('two endpoints with different secrets, filters and payload modes each receive exactly their events, verified with their own secret', async () => {
  const idA = await addEndpoint('identity sync', {
    [EP.url]: a.url,
    [EP.secretId]: SECRET_A,
    [EP.eventTypes]: 'edit',
    [EP.fields]: 'title',
    [EP.payloadMode]: 'changes',
  });
  const idB = await addEndpoint('siem', { [EP.url]: b.url, [EP.secretId]: SECRET_B, [EP.payloadMode]: 'full' });
  const [beforeA, beforeB] = [a.attempts.length, b.attempts.length];

  await account.updateEmployee('2', title('Staff Engineer'), UI, 'edit'); // both
  await account.updateEmployee('2', { values: { phone: '555-0142' } }, UI, 'edit'); // B only: A tracks title
  const created = await account.createEmployee(
    { values: { firstName: 'Nia', lastName: 'Okafor', subsidiary: { id: '1', refName: null }, title: 'Intern' } },
    UI,
  ); // B only: A wants edits

  const gotA = eventsOf(a).slice(-1);
  expect(a.attempts.slice(beforeA).map((t) => [t.verified, t.status])).toEqual([[true, 200]]);
  expect(gotA[0]!.data).toMatchObject({ recordId: '2', changedFields: ['title'] });
  expect(gotA[0]!.data.record).toBeUndefined(); // payload mode `changes`

  const gotB = b.attempts.slice(beforeB);
  expect(gotB.map((t) => [t.verified, t.status])).toEqual([
    [true, 200],
    [true, 200],
    [true, 200],
  ]);
  const eventsB = gotB.map((t) => b.events.get(t.webhookId!)!);
  expect(eventsB.map((e) => e.type)).toEqual(['employee.updated', 'employee.updated', 'employee.created']);
  expect(eventsB[2]!.data.recordId).toBe(created);
  expect(eventsB[0]!.data.record).toBeDefined(); // payload mode `full`
  // One save, one event: both endpoints got the same webhook-id for the title change.
  expect(gotA.map((e) => e.data.id)).toEqual([eventsB[0]!.data.id]);
  expect(deliveries().filter((d) => [idA, idB].includes(String(d[F.endpoint])))).toEqual([]); // all inline
});

test('a delivery goes only to its own endpoint, signed with its secret, after the configuration changed while it was pending', async () => {
  // The parameters endpoint (an account upgraded from script parameters) and two endpoint records, all queued.
  account.setParameter(DEPLOYMENT.userEvent, PARAM.endpointUrl, c.url);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, SECRET_C);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.deliveryMode, 'outbox');
  const idA = await addEndpoint('a', { [EP.url]: a.url, [EP.secretId]: SECRET_A, [EP.deliveryMode]: 'outbox' });
  const idB = await addEndpoint('b', { [EP.url]: b.url, [EP.secretId]: SECRET_B, [EP.deliveryMode]: 'outbox' });
  await account.updateEmployee('3', title('Pending 1'), CSV, 'edit');
  await account.updateEmployee('3', title('Pending 2'), CSV, 'edit');
  const pending = deliveries().filter((d) => d[F.status] === 'pending');
  const byEndpoint = (id: string) => pending.filter((d) => d[F.endpoint] === id).map((d) => String(d[F.eventId]));
  expect(byEndpoint(idA)).toHaveLength(2);
  expect(byEndpoint(idB)).toHaveLength(2);
  expect(byEndpoint(PARAMETERS_ENDPOINT)).toHaveLength(2);

  // While they are pending, the parameters now point at A's receiver with A's secret (an administrator's
  // mistake, or a re-pointed endpoint): the old worker sent every delivery to the parameters' target.
  account.setParameter(DEPLOYMENT.userEvent, PARAM.endpointUrl, a.url);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, SECRET_A);
  const [beforeA, beforeB] = [a.attempts.length, b.attempts.length];
  await account.advance(16 * MINUTE);

  const idsAt = (r: Receiver, from: number) => r.attempts.slice(from).map((t) => t.webhookId!);
  expect(idsAt(b, beforeB).sort()).toEqual(byEndpoint(idB).sort());
  // A receives A's own deliveries and the parameters endpoint's (it is the parameters' target now),
  // never B's; every attempt verified with A's secret.
  expect(idsAt(a, beforeA).sort()).toEqual([...byEndpoint(idA), ...byEndpoint(PARAMETERS_ENDPOINT)].sort());
  expect([...a.attempts.slice(beforeA), ...b.attempts.slice(beforeB)].every((t) => t.verified)).toBe(true);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.deliveryMode, null);
});

test('governance per save: 10 units per inline POST plus 2 of overhead with 1 and 2 endpoints; 5 endpoints post 3 inline and keep 2', async () => {
  const usage: number[] = [];
  for (let n = 1; n <= 5; n++) {
    await addEndpoint(`e${n}`, { [EP.url]: a.url, [EP.secretId]: SECRET_A });
    if (n !== 1 && n !== 2 && n !== 5) continue;
    await account.updateEmployee('4', title(`Warm ${n}`), UI, 'edit'); // the endpoint record's change dropped the cache
    await account.updateEmployee('4', title(`Count ${n}`), UI, 'edit');
    usage.push(lastUsage().usage);
  }
  const inline = (n: number) => FAN_OUT.overhead + n * UNIT_COST.https;
  expect(usage).toEqual([
    inline(1),
    inline(2),
    inline(FAN_OUT.inlinePosts) + (5 - FAN_OUT.inlinePosts) * FAN_OUT.outboxDelivery,
  ]);
  const kept = deliveries().filter((d) =>
    String(d[F.lastError]).startsWith('not sent inline: a save posts to at most'),
  );
  expect(kept.length).toBeGreaterThanOrEqual(5 - FAN_OUT.inlinePosts);
});

test('an endpoint record change drops the cached configuration (1 unit in its user event): the next save sees it', async () => {
  await addEndpoint('a', { [EP.url]: a.url, [EP.secretId]: SECRET_A });
  await account.updateEmployee('5', title('Before'), UI, 'edit');
  const beforeB = b.attempts.length;
  await addEndpoint('b', { [EP.url]: b.url, [EP.secretId]: SECRET_B });
  const ue = account.executions({ script: SCRIPT.endpointUserEvent }).at(-1)!;
  expect(ue).toMatchObject({ ok: true, usage: UNIT_COST.cacheRemove });
  await account.updateEmployee('5', title('After'), UI, 'edit');
  expect(b.attempts.length).toBe(beforeB + 1);
});

test('the worker still spends 12 units per delivery with mixed endpoints (plus one health write per endpoint record a run)', async () => {
  const idA = await addEndpoint('a', { [EP.url]: a.url, [EP.secretId]: SECRET_A, [EP.deliveryMode]: 'outbox' });
  await addEndpoint('b', { [EP.url]: b.url, [EP.secretId]: SECRET_B, [EP.deliveryMode]: 'outbox' });
  account.setParameter(DEPLOYMENT.userEvent, PARAM.endpointUrl, c.url);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, SECRET_C);
  account.setParameter(DEPLOYMENT.userEvent, PARAM.deliveryMode, 'outbox');
  for (let n = 0; n < 3; n++) await account.updateEmployee('6', title(`Mixed ${n}`), CSV, 'edit');
  const before = account.executions({ script: SCRIPT.retry }).length;
  await account.advance(16 * MINUTE);
  const worker = account
    .executions({ script: SCRIPT.retry })
    .slice(before)
    .filter((e) => e.deployment === DEPLOYMENT.retryWorker);
  // 9 deliveries to 3 endpoints: setup, 12 each, one breaker close per endpoint, one health write per record.
  expect(worker.map((e) => e.usage)).toEqual([
    RETRY_UNITS.setup + 9 * RETRY_UNITS.delivery + 3 * RETRY_UNITS.breaker + 2 * RETRY_UNITS.health,
  ]);
  const health = account.customRecords(ENDPOINT_RECORD).find((r) => String(r.id) === idA)!;
  expect(health[EP.lastSuccess]).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(health[EP.failingSince] ?? '').toBe('');
  account.setParameter(DEPLOYMENT.userEvent, PARAM.deliveryMode, null);
});

test('an endpoint failing for the configured time is disabled with one alert; nothing is lost; enabling it again drains its deliveries', async () => {
  account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.recipients, 'ops@example.com');
  account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.author, '1');
  account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.disableAfterDays, '1');
  const idA = await addEndpoint('hr system', { [EP.url]: a.url, [EP.secretId]: SECRET_A });
  await addEndpoint('siem', { [EP.url]: b.url, [EP.secretId]: SECRET_B });
  a.setDefault({ kind: 'status', status: 503 });
  const from = a.attempts.length;
  // A save every 3 hours for 30 hours of account time while A answers 503 (the timer runs every 15 minutes).
  for (let n = 0; n < 10; n++) {
    await account.updateEmployee('7', title(`Outage ${n}`), UI, 'edit');
    await account.advance(3 * HOUR);
  }
  const row = () => account.customRecords(ENDPOINT_RECORD).find((r) => String(r.id) === idA)!;
  expect(row()[EP.enabled]).toBe('F');
  expect(String(row()[EP.disabledReason])).toMatch(/failed continuously since/);
  const alerts = account.sentEmails().filter((e) => e.subject.includes('was disabled'));
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.subject).toContain('"hr system"');
  expect(alerts[0]!.body).not.toMatch(/Outage|evt_/); // names the endpoint, never a payload or an event

  // While disabled: new events are kept, nothing is sent to A, nothing of A's goes dead.
  await account.updateEmployee('7', title('While disabled'), UI, 'edit');
  const beforeA = a.attempts.length;
  await account.advance(2 * DAY);
  expect(a.attempts.length).toBe(beforeA);
  const ofA = () => deliveries().filter((d) => d[F.endpoint] === idA);
  expect(ofA().filter((d) => d[F.status] === 'dead')).toEqual([]);
  const kept = ofA().filter((d) => d[F.status] === 'pending');
  expect(kept.length).toBeGreaterThan(0);

  // The receiver is fixed and an administrator enables the endpoint: its deliveries are sent.
  a.setDefault({ kind: 'ok' });
  await account.saveCustomRecord(ENDPOINT_RECORD, idA, { [EP.enabled]: true, [EP.disabledReason]: '' });
  for (let n = 0; n < 4 && ofA().some((d) => d[F.status] === 'pending'); n++) await account.advance(HOUR);
  expect(ofA().filter((d) => d[F.status] !== 'delivered')).toEqual([]);
  for (const d of kept) expect(a.events.has(String(d[F.eventId]))).toBe(true);
  expect(a.attempts.slice(from).filter((t) => t.duplicate)).toEqual([]);
  account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.recipients, null);
}, 120_000);

/**
 * The BUILT retry script (src/FileCabinet/…/suitehooks_retry_ss.js) under Oracle's stubs, as its two
 * deployments run it: the timer (Scheduled) only starts the worker; the worker (Not Scheduled) sends.
 */
jest.mock('N/https');
jest.mock('N/crypto');
jest.mock('N/runtime');
jest.mock('N/record');
jest.mock('N/search');
jest.mock('N/task');
jest.mock('N/log');
jest.mock('N/cache');

import { Webhook } from 'standardwebhooks';
import { PARAM } from '../../lib/core/config';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { RETRY_UNITS, UNIT_COST, USAGE_LIMIT } from '../../lib/core/governance';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../lib/core/retry-schedule';
import {
  installFakes,
  PREV_SECRET_ID,
  SECRET_ID,
  suiteScriptError,
  type DeliveryRow,
  type FakeAccount,
} from './fake-netsuite';

const { execute } = require('SuiteScripts/suitehooks/suitehooks_retry_ss.js') as { execute: (ctx: unknown) => void };

const ENDPOINT = 'https://hooks.example.com/netsuite';
const STORED_ENDPOINT = 'https://old.example.com/hooks';
const HOUR = 3_600_000;
/** Deployment search 10 + deployment load 5 + the two delivery searches 10 each. */
const SETUP_UNITS = RETRY_UNITS.setup;
/** https.post 10 + the result's submitFields 2. */
const DELIVERY_UNITS = RETRY_UNITS.delivery;
/** Starting the worker again. */
const RESUBMIT_UNITS = RETRY_UNITS.resubmit;
const WORKER = { id: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker };
const TIMER = { id: SCRIPT.retry, deploymentId: DEPLOYMENT.retryTimer };
const iso = (ms: number) => new Date(ms).toISOString();

let account: FakeAccount;
beforeEach(() => {
  account = installFakes({
    params: { [PARAM.endpointUrl]: ENDPOINT, [PARAM.secretId]: SECRET_ID },
    executionContext: 'SCHEDULED',
    script: WORKER,
    remainingUsage: USAGE_LIMIT.scheduled,
  });
});

/** A stored delivery as the user event leaves it (a failed first attempt, due a minute ago); returns its id. */
function seed(fields: DeliveryRow = {}, extraBody = ''): string {
  const id = String(account.deliveries.size + 1);
  const eventId = `evt_456_m${id}_abc`;
  const body = JSON.stringify({
    type: 'employee.updated',
    timestamp: '2026-03-06T12:34:56.789Z',
    data: { id: eventId, recordId: '456', note: extraBody },
  });
  account.deliveries.set(id, {
    [F.eventId]: eventId,
    [F.eventType]: 'employee.updated',
    [F.body]: body,
    [F.bodyLength]: body.length,
    [F.status]: 'pending',
    [F.attempts]: 1,
    [F.nextAttempt]: iso(Date.now() - 60_000),
    [F.endpointUrl]: STORED_ENDPOINT,
    [F.secretId]: SECRET_ID,
    [F.allowedHosts]: '*',
    [F.recordType]: 'employee',
    [F.recordId]: '456',
    ...fields,
  });
  return id;
}

const row = (id: string) => account.deliveries.get(id)!;
const nextIn = (id: string) => Date.parse(String(row(id)[F.nextAttempt])) - Date.now();
const sentIds = () => account.posts.map((p) => p.headers['webhook-id']);
/** N/record's automocked load, as installFakes drives it. */
const recordLoad = () =>
  jest.requireMock<{ load: jest.Mock<unknown, [{ type: string; id: string }]> }>('N/record').load;
const loads = () => recordLoad().mock.calls.filter(([o]) => o.type !== 'scriptdeployment').length;

describe('the worker: status rules', () => {
  test('2xx: delivered, re-signed with a fresh timestamp and the same id, verified by standardwebhooks; 12 units, no load', () => {
    const id = seed();
    execute({ type: 'ONDEMAND' });
    const post = account.posts[0]!;
    expect(account.posts).toHaveLength(1);
    expect(post.url).toBe(ENDPOINT);
    expect(post.body).toBe(row(id)[F.body]);
    expect(post.headers['webhook-id']).toBe(row(id)[F.eventId]);
    expect(Math.abs(Number(post.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(() => new Webhook(`whsec_${account.secrets[SECRET_ID]}`).verify(post.body, post.headers)).not.toThrow();
    expect(row(id)).toMatchObject({
      [F.status]: 'delivered',
      [F.attempts]: 2,
      [F.nextAttempt]: '',
      [F.lastHttpStatus]: 204,
      [F.lastError]: '',
    });
    expect(row(id)[F.endpointUrl]).toBe(ENDPOINT);
    expect(account.tasks).toHaveLength(0);
    expect(loads()).toBe(0);
    expect(USAGE_LIMIT.scheduled - account.remainingUsage).toBe(SETUP_UNITS + DELIVERY_UNITS + RETRY_UNITS.breaker);
  });

  test('rotation: both signatures, each verifying', () => {
    account.params[PARAM.prevSecretId] = PREV_SECRET_ID;
    seed();
    execute({});
    const post = account.posts[0]!;
    expect(post.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secretId of [SECRET_ID, PREV_SECRET_ID]) {
      expect(() => new Webhook(`whsec_${account.secrets[secretId]}`).verify(post.body, post.headers)).not.toThrow();
    }
  });

  test('410: dead at once', () => {
    const id = seed({ [F.attempts]: 0 });
    account.replies = [{ code: 410 }];
    execute({});
    expect(row(id)).toMatchObject({
      [F.status]: 'dead',
      [F.attempts]: 1,
      [F.nextAttempt]: '',
      [F.lastHttpStatus]: 410,
    });
  });

  test('500: pending, attempts counted, next attempt on the schedule as ISO-8601 UTC text', () => {
    const id = seed({ [F.attempts]: 2 });
    account.replies = [{ code: 500 }];
    execute({});
    expect(row(id)).toMatchObject({
      [F.status]: 'pending',
      [F.attempts]: 3,
      [F.lastHttpStatus]: 500,
      [F.lastError]: 'HTTP 500',
    });
    expect(String(row(id)[F.nextAttempt])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(nextIn(id)).toBeGreaterThan(RETRY_DELAYS_MS[2]! * 0.9 - 5000);
    expect(nextIn(id)).toBeLessThan(RETRY_DELAYS_MS[2]! * 1.1);
  });

  test('a timeout is retried like any failure', () => {
    const id = seed();
    account.replies = [suiteScriptError('SSS_REQUEST_TIME_EXCEEDED', 'timed out')];
    execute({});
    expect(row(id)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 2, [F.lastHttpStatus]: '' });
    expect(String(row(id)[F.lastError])).toMatch(/^SSS_REQUEST_TIME_EXCEEDED/);
  });

  test('retry-after later than the schedule is honoured', () => {
    const id = seed({ [F.attempts]: 0 });
    account.replies = [{ code: 503, headers: { 'Retry-After': '7200' } }];
    execute({});
    expect(nextIn(id)).toBeGreaterThan(2 * HOUR - 5000);
    expect(nextIn(id)).toBeLessThan(2 * HOUR + 5000);
  });

  test('the last attempt failing: dead-lettered', () => {
    const id = seed({ [F.attempts]: MAX_ATTEMPTS - 1 });
    account.replies = [{ code: 502 }];
    execute({});
    expect(row(id)).toMatchObject({ [F.status]: 'dead', [F.attempts]: MAX_ATTEMPTS, [F.nextAttempt]: '' });
    expect(String(row(id)[F.lastError])).toContain(`gave up after ${MAX_ATTEMPTS} attempts`);
  });

  test('a replayed dead delivery (status set back to pending, Next Attempt empty) is sent again', () => {
    const id = seed({ [F.status]: 'dead', [F.attempts]: MAX_ATTEMPTS, [F.nextAttempt]: '' });
    execute({});
    expect(account.posts).toHaveLength(0);
    row(id)[F.status] = 'pending';
    execute({});
    expect(account.posts).toHaveLength(1);
    expect(row(id)[F.status]).toBe('delivered');
  });
});

describe('the worker: what is sent, and in which order', () => {
  test('due retries earliest first, then new ones oldest first; future, delivered and dead ones are left alone', () => {
    const a = seed({ [F.nextAttempt]: iso(Date.now() - 1 * HOUR) });
    const fresh = seed({ [F.nextAttempt]: '', [F.attempts]: 0 });
    const b = seed({ [F.nextAttempt]: iso(Date.now() - 3 * HOUR) });
    const c = seed({ [F.nextAttempt]: iso(Date.now() - 2 * HOUR) });
    const future = seed({ [F.nextAttempt]: iso(Date.now() + HOUR) });
    seed({ [F.status]: 'delivered' });
    seed({ [F.status]: 'dead' });
    execute({});
    expect(sentIds()).toEqual([b, c, a, fresh].map((id) => row(id)[F.eventId]));
    expect(row(future)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1 });
    expect(account.tasks).toHaveLength(0);
  });

  // NetSuite sorts empty values last; the worker must not depend on it either way.
  test.each([
    ['last (as NetSuite)', false],
    ['first', true],
  ])(
    'an empty Next Attempt is due at once, even with a later retry pending (empty values sorted %s)',
    (_order, emptyFirst) => {
      account.emptyValuesFirst = emptyFirst;
      const later = seed({ [F.nextAttempt]: iso(Date.now() + HOUR) });
      const now = seed({ [F.nextAttempt]: '', [F.attempts]: 0 });
      execute({});
      expect(sentIds()).toEqual([row(now)[F.eventId]]);
      expect(row(now)[F.status]).toBe('delivered');
      expect(row(later)[F.attempts]).toBe(1);
    },
  );

  test('a body the search cut at 4,000 bytes is loaded whole (2 units more); an edited body too', () => {
    const long = seed({}, 'é'.repeat(3000)); // 6,000 bytes: the search column holds only the first 4,000
    const edited = seed();
    row(edited)[F.body] = String(row(edited)[F.body]).replace('"note":""', '"note":"edited by an administrator"');
    execute({});
    expect(account.posts.map((p) => p.body)).toEqual([row(long)[F.body], row(edited)[F.body]]);
    expect(loads()).toBe(2);
    expect(USAGE_LIMIT.scheduled - account.remainingUsage).toBe(
      SETUP_UNITS + 2 * (DELIVERY_UNITS + RETRY_UNITS.bodyLoad) + RETRY_UNITS.breaker,
    );
    const post = account.posts[0]!;
    expect(() => new Webhook(`whsec_${account.secrets[SECRET_ID]}`).verify(post.body, post.headers)).not.toThrow();
  });

  test('one unreadable delivery does not stop the others', () => {
    const bad = seed({ [F.bodyLength]: '' }); // unknown length: loaded, and the load fails
    const good = seed({ [F.nextAttempt]: iso(Date.now() - 1000) });
    const load = recordLoad().getMockImplementation();
    if (!load) throw new Error('installFakes gives N/record.load its behaviour');
    recordLoad().mockImplementation((o) => {
      if (o.id === bad) throw suiteScriptError('SSS_UNEXPECTED', 'corrupt');
      return load(o);
    });
    expect(() => execute({})).not.toThrow();
    expect(sentIds()).toEqual([row(good)[F.eventId]]);
    expect(account.logs.some((l) => l.level === 'error' && l.details === `delivery ${bad}: SSS_UNEXPECTED`)).toBe(true);
  });
});

describe('the worker: configuration', () => {
  test('a problem with where or how to send holds deliveries back, burns no attempt, and is logged without values', () => {
    const id = seed();
    account.params[PARAM.endpointUrl] = 'http://plain.example.com/hooks';
    expect(() => execute({})).not.toThrow();
    expect(account.posts).toHaveLength(0);
    expect(row(id)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1 });
    const error = account.logs.find((l) => l.level === 'error')!;
    expect(error.details).toBe(`configuration problems, nothing sent: ${PARAM.endpointUrl} must use https://`);
    expect(JSON.stringify(account.logs)).not.toContain('plain.example.com');
  });

  test.each([
    ['tracked fields with a typo', PARAM.fields, 'titel'],
    ['an unknown context', PARAM.contexts, 'USERINTERFACE,RESTWEBSERVICE'],
    ['a bad delivery mode', PARAM.deliveryMode, 'sometimes'],
    ['an unknown excluded field', PARAM.excludedFields, 'nosuchfield'],
  ])('%s does not stop retries', (_what, param, value) => {
    const id = seed();
    account.params[param] = value;
    execute({});
    expect(account.posts).toHaveLength(1);
    expect(row(id)[F.status]).toBe('delivered');
    expect(account.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  test('once fixed, the next run sends', () => {
    const id = seed();
    account.params[PARAM.secretId] = '';
    execute({});
    expect(account.posts).toHaveLength(0);
    account.params[PARAM.secretId] = SECRET_ID;
    execute({});
    expect(row(id)[F.status]).toBe('delivered');
  });

  test('a missing API Secret sends nothing and burns no attempt', () => {
    const id = seed();
    account.params[PARAM.secretId] = 'custsecret_gone';
    execute({});
    expect(account.posts).toHaveLength(0);
    expect(row(id)[F.attempts]).toBe(1);
  });

  test('without the user event deployment, each delivery goes to its stored target', () => {
    account.deploymentFound = false;
    const id = seed();
    const broken = seed({ [F.endpointUrl]: '' });
    execute({});
    expect(account.posts.map((p) => p.url)).toEqual([STORED_ENDPOINT]);
    expect(row(id)[F.status]).toBe('delivered');
    expect(row(broken)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1 });
    expect(String(row(broken)[F.lastError])).toContain(PARAM.endpointUrl);
  });

  test.each([
    ['deleted', () => (account.deploymentFound = false)],
    [
      'unreadable',
      () =>
        jest.requireMock<{ load: jest.Mock }>('N/record').load.mockImplementationOnce(() => {
          throw suiteScriptError('INSUFFICIENT_PERMISSION', 'no access');
        }),
    ],
  ])(
    'user event deployment %s: a stored target still passes its stored allow-list (a mistyped host is not sent)',
    (_, lose) => {
      const mistyped = seed({
        [F.endpointUrl]: 'https://hooks.exmaple.com/netsuite',
        [F.allowedHosts]: 'hooks.example.com',
        [F.attempts]: 0,
        [F.nextAttempt]: '',
      });
      const good = seed({ [F.endpointUrl]: ENDPOINT, [F.allowedHosts]: 'hooks.example.com' });
      lose();
      execute({});
      expect(account.posts.map((p) => p.url)).toEqual([ENDPOINT]);
      expect(row(good)[F.status]).toBe('delivered');
      expect(row(mistyped)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
      expect(String(row(mistyped)[F.lastError])).toMatch(
        /host hooks\.exmaple\.com is not in custscript_suitehooks_allowed_hosts/,
      );
    },
  );

  test('user event deployment deleted: a delivery stored without an allow-list (older version) waits for it', () => {
    account.deploymentFound = false;
    const legacy = seed({ [F.allowedHosts]: '' });
    execute({});
    expect(account.posts).toHaveLength(0);
    expect(row(legacy)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1 });
    expect(account.tasks).toHaveLength(0);
    account.deploymentFound = true;
    execute({});
    expect(account.posts.map((p) => p.url)).toEqual([ENDPOINT]);
    expect(row(legacy)[F.status]).toBe('delivered');
  });
});

describe('the worker: governance', () => {
  test('yields before running low and starts itself again; nothing is lost or sent twice', () => {
    for (let i = 0; i < 5; i++) seed({ [F.nextAttempt]: iso(Date.now() - (10 - i) * 60_000) });
    account.remainingUsage = SETUP_UNITS + 2 * DELIVERY_UNITS + RESUBMIT_UNITS + 5;
    expect(() => execute({})).not.toThrow();
    expect(account.posts).toHaveLength(2);
    expect(account.tasks).toEqual([
      expect.objectContaining({ scriptId: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker }),
    ]);
    expect(account.remainingUsage).toBeGreaterThanOrEqual(0);

    // The next worker run picks up exactly the rest.
    account.remainingUsage = USAGE_LIMIT.scheduled;
    execute({});
    const ids = sentIds();
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect([...account.deliveries.values()].every((r) => r[F.status] === 'delivered')).toBe(true);
  });

  test('one execution sends 827 deliveries of a large backlog (10,000 units, 12 a delivery) and starts itself again', () => {
    for (let i = 0; i < 1000; i++) seed({ [F.nextAttempt]: '', [F.attempts]: 0 });
    execute({});
    expect(account.posts).toHaveLength(827);
    expect(new Set(sentIds()).size).toBe(827);
    expect(account.tasks).toHaveLength(1);
    expect(account.remainingUsage).toBeGreaterThanOrEqual(0);
  });

  test('starting itself again when already queued is logged, not thrown', () => {
    for (let i = 0; i < 3; i++) seed();
    account.remainingUsage = SETUP_UNITS + DELIVERY_UNITS + RESUBMIT_UNITS + 5;
    account.taskError = suiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', 'already queued');
    expect(() => execute({})).not.toThrow();
    expect(account.posts).toHaveLength(1);
    expect(account.logs.some((l) => l.details.includes('FAILED_TO_SUBMIT_JOB_REQUEST_1'))).toBe(true);
  });

  test('a full page of due deliveries starts another run even with governance to spare', () => {
    for (let i = 0; i < 1001; i++) seed();
    account.remainingUsage = 100_000;
    execute({});
    expect(account.posts).toHaveLength(1000);
    expect(account.tasks).toHaveLength(1);
  });

  test('no new run when nothing could be sent (a broken backlog does not loop)', () => {
    for (let i = 0; i < 3; i++) seed();
    account.remainingUsage = SETUP_UNITS + RESUBMIT_UNITS + 5;
    execute({});
    expect(account.posts).toHaveLength(0);
    expect(account.tasks).toHaveLength(0);
  });
});

describe('the timer deployment', () => {
  beforeEach(() => {
    account = installFakes({ ...account, script: TIMER });
  });

  test('sends nothing; starts the worker when something is due', () => {
    const id = seed();
    execute({ type: 'SCHEDULED' });
    expect(account.posts).toHaveLength(0);
    expect(row(id)[F.attempts]).toBe(1);
    expect(account.tasks).toEqual([
      { taskType: 'SCHEDULED_SCRIPT', scriptId: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker },
    ]);
  });

  test('a new delivery (empty Next Attempt) is due: the worker is started', () => {
    seed({ [F.nextAttempt]: '' });
    execute({});
    expect(account.tasks).toHaveLength(1);
  });

  test('nothing due (only a later retry, delivered and dead ones): the worker is not started', () => {
    seed({ [F.nextAttempt]: iso(Date.now() + HOUR) });
    seed({ [F.status]: 'dead' });
    execute({});
    expect(account.tasks).toHaveLength(0);
    // The endpoint records' search (none fails long enough to be disabled), then two one-row searches.
    expect(USAGE_LIMIT.scheduled - account.remainingUsage).toBe(3 * UNIT_COST.resultSetPage);
  });

  test('a worker already queued or running: logged, not thrown', () => {
    seed();
    account.taskError = suiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', 'already running');
    expect(() => execute({})).not.toThrow();
    expect(
      account.logs.some((l) => l.details === 'worker not started (FAILED_TO_SUBMIT_JOB_REQUEST_1): deliveries are due'),
    ).toBe(true);
  });

  test('any deployment other than the worker behaves as a timer: only one deployment ever sends', () => {
    account = installFakes({
      ...account,
      script: { id: SCRIPT.retry, deploymentId: 'customdeploy_suitehooks_retry_extra' },
    });
    seed();
    execute({});
    expect(account.posts).toHaveLength(0);
    expect(account.tasks).toHaveLength(1);
  });
});

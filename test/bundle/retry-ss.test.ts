/** The BUILT scheduled script (src/FileCabinet/…/suitehooks_retry_ss.js) under Oracle's stubs. */
jest.mock('N/https');
jest.mock('N/crypto');
jest.mock('N/runtime');
jest.mock('N/record');
jest.mock('N/search');
jest.mock('N/task');
jest.mock('N/log');

import { Webhook } from 'standardwebhooks';
import { PARAM } from '../../lib/core/config';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../lib/core/retry-schedule';
import { installFakes, PREV_SECRET_ID, SECRET_ID, suiteScriptError, type DeliveryRow, type FakeAccount } from './fake-netsuite';

const { execute } = require('SuiteScripts/suitehooks/suitehooks_retry_ss.js') as { execute: (ctx: unknown) => void };

const ENDPOINT = 'https://hooks.example.com/netsuite';
const STORED_ENDPOINT = 'https://old.example.com/hooks';
const HOUR = 3_600_000;
/** Deployment search 10 + deployment load 5 + due-deliveries search 10. */
const SETUP_UNITS = 25;
/** load 2 + claim 2 + read-back 1 + post 10 + result 2. */
const DELIVERY_UNITS = 17;

let account: FakeAccount;
beforeEach(() => {
  account = installFakes({
    params: { [PARAM.endpointUrl]: ENDPOINT, [PARAM.secretId]: SECRET_ID },
    executionContext: 'SCHEDULED',
    script: { id: 'customscript_suitehooks_retry_ss', deploymentId: 'customdeploy_suitehooks_retry_ss' },
    remainingUsage: 10_000,
  });
});

/** A stored delivery as the user event leaves it; returns its internal id. */
function seed(fields: DeliveryRow = {}): string {
  const id = String(account.deliveries.size + 1);
  const eventId = `evt_456_m${id}_abc`;
  const body = JSON.stringify({ type: 'employee.updated', timestamp: '2026-03-06T12:34:56.789Z', data: { id: eventId, recordId: '456' } });
  account.deliveries.set(id, {
    [F.eventId]: eventId,
    [F.eventType]: 'employee.updated',
    [F.body]: body,
    [F.status]: 'pending',
    [F.attempts]: 1,
    [F.nextAttempt]: new Date(Date.now() - 60_000),
    [F.endpointUrl]: STORED_ENDPOINT,
    [F.secretId]: SECRET_ID,
    [F.recordType]: 'employee',
    [F.recordId]: '456',
    ...fields,
  });
  return id;
}

const row = (id: string) => account.deliveries.get(id)!;
const nextIn = (id: string) => (row(id)[F.nextAttempt] as Date).getTime() - Date.now();

describe('status rules', () => {
  test('2xx: delivered, re-signed with a fresh timestamp and the same id, verified by standardwebhooks', () => {
    const id = seed();
    execute({ type: 'SCHEDULED' });
    expect(account.posts).toHaveLength(1);
    const post = account.posts[0]!;
    expect(post.url).toBe(ENDPOINT);
    expect(post.body).toBe(row(id)[F.body]);
    expect(post.headers['webhook-id']).toBe(row(id)[F.eventId]);
    expect(Math.abs(Number(post.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(() => new Webhook(`whsec_${account.secrets[SECRET_ID]}`).verify(post.body, post.headers)).not.toThrow();
    expect(row(id)).toMatchObject({ [F.status]: 'delivered', [F.attempts]: 2, [F.nextAttempt]: '', [F.lastHttpStatus]: 204, [F.lastError]: '', [F.claim]: '' });
    expect(row(id)[F.endpointUrl]).toBe(ENDPOINT);
    expect(account.tasks).toHaveLength(0);
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
    expect(row(id)).toMatchObject({ [F.status]: 'dead', [F.attempts]: 1, [F.nextAttempt]: '', [F.lastHttpStatus]: 410 });
  });

  test('500: pending, attempts counted, next attempt on the schedule', () => {
    const id = seed({ [F.attempts]: 2 });
    account.replies = [{ code: 500 }];
    execute({});
    expect(row(id)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 3, [F.lastHttpStatus]: 500, [F.lastError]: 'HTTP 500', [F.claim]: '' });
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

  test('a replayed dead delivery (status set back to pending) is sent again', () => {
    const id = seed({ [F.status]: 'dead', [F.attempts]: MAX_ATTEMPTS, [F.nextAttempt]: '' });
    execute({});
    expect(account.posts).toHaveLength(0);
    row(id)[F.status] = 'pending';
    execute({});
    expect(account.posts).toHaveLength(1);
    expect(row(id)[F.status]).toBe('delivered');
  });
});

describe('what is sent, and in which order', () => {
  test('due deliveries oldest due first; future, delivered and dead ones are left alone', () => {
    const a = seed({ [F.nextAttempt]: new Date(Date.now() - 1 * HOUR) });
    const b = seed({ [F.nextAttempt]: new Date(Date.now() - 3 * HOUR) });
    const c = seed({ [F.nextAttempt]: new Date(Date.now() - 2 * HOUR) });
    const future = seed({ [F.nextAttempt]: new Date(Date.now() + HOUR) });
    seed({ [F.status]: 'delivered' });
    seed({ [F.status]: 'dead' });
    execute({});
    expect(account.posts.map((p) => p.headers['webhook-id'])).toEqual([b, c, a].map((id) => row(id)[F.eventId]));
    expect(row(future)[F.status]).toBe('pending');
    expect(row(future)[F.attempts]).toBe(1);
    expect(account.tasks).toHaveLength(0);
  });

  test('a delivery another run holds is skipped; an expired claim is taken over', () => {
    const held = seed({ [F.claim]: `otherrun@${Date.now() + 60_000}` });
    const stale = seed({ [F.claim]: `deadrun@${Date.now() - 60_000}` });
    execute({});
    expect(account.posts.map((p) => p.headers['webhook-id'])).toEqual([row(stale)[F.eventId]]);
    expect(row(held)[F.attempts]).toBe(1);
  });

  test('a claim overwritten by a concurrent run before the read-back: not sent by this run', () => {
    const id = seed();
    account.claimOverride = 'concurrent@9999999999999';
    execute({});
    expect(account.posts).toHaveLength(0);
    expect(row(id)[F.attempts]).toBe(1);
  });

  test('one unreadable delivery does not stop the others', () => {
    seed();
    const good = seed({ [F.nextAttempt]: new Date(Date.now() - 1000) });
    const record = jest.requireMock('N/record');
    const load = record.load.getMockImplementation();
    record.load.mockImplementation((o: { type: string; id: string }) => {
      if (o.id === '1') throw suiteScriptError('SSS_UNEXPECTED', 'corrupt');
      return load(o);
    });
    expect(() => execute({})).not.toThrow();
    expect(account.posts.map((p) => p.headers['webhook-id'])).toEqual([row(good)[F.eventId]]);
    expect(account.logs.some((l) => l.level === 'error' && l.details === 'delivery 1: SSS_UNEXPECTED')).toBe(true);
  });
});

describe('configuration', () => {
  test('a configuration problem sends nothing and burns no attempt', () => {
    const id = seed();
    account.params[PARAM.endpointUrl] = 'http://plain.example.com';
    expect(() => execute({})).not.toThrow();
    expect(account.posts).toHaveLength(0);
    expect(row(id)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 1 });
    expect(account.logs.some((l) => l.level === 'error' && l.details.includes(PARAM.endpointUrl))).toBe(true);
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
});

describe('governance', () => {
  test('yields before running low and resubmits itself; nothing is lost or sent twice', () => {
    for (let i = 0; i < 5; i++) seed({ [F.nextAttempt]: new Date(Date.now() - (10 - i) * 60_000) });
    account.remainingUsage = SETUP_UNITS + 2 * DELIVERY_UNITS + 30 + 5;
    expect(() => execute({})).not.toThrow();
    expect(account.posts).toHaveLength(2);
    expect(account.tasks).toEqual([
      expect.objectContaining({ scriptId: 'customscript_suitehooks_retry_ss', deploymentId: 'customdeploy_suitehooks_retry_ss' }),
    ]);
    expect(account.remainingUsage).toBeGreaterThanOrEqual(0);

    // The resubmitted run picks up exactly the rest.
    account.remainingUsage = 10_000;
    execute({});
    const ids = account.posts.map((p) => p.headers['webhook-id']);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect([...account.deliveries.values()].every((r) => r[F.status] === 'delivered')).toBe(true);
  });

  test('resubmitting when already queued is logged, not thrown', () => {
    for (let i = 0; i < 3; i++) seed();
    account.remainingUsage = SETUP_UNITS + DELIVERY_UNITS + 30 + 5;
    account.taskError = suiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', 'already queued');
    expect(() => execute({})).not.toThrow();
    expect(account.posts).toHaveLength(1);
    expect(account.logs.some((l) => l.details.includes('FAILED_TO_SUBMIT_JOB_REQUEST_1'))).toBe(true);
  });

  test('a full page of due deliveries resubmits even with governance to spare', () => {
    for (let i = 0; i < 1000; i++) seed();
    seed();
    account.remainingUsage = 100_000;
    execute({});
    expect(account.posts).toHaveLength(1000);
    expect(account.tasks).toHaveLength(1);
  });

  test('no resubmission when nothing could be sent (a broken backlog does not loop)', () => {
    for (let i = 0; i < 3; i++) seed();
    account.replies = [{ code: 204 }];
    account.remainingUsage = SETUP_UNITS + 30 + 5;
    execute({});
    expect(account.posts).toHaveLength(0);
    expect(account.tasks).toHaveLength(0);
  });
});

/**
 * The circuit breaker of the BUILT user event and retry script, under Oracle's stubs with an N/cache
 * fake and jest's fake Date: a receiver's time (answers after seconds, hangs until N/https gives up)
 * moves the clock, so minutes of an outage run in milliseconds.
 */
jest.mock('N/https');
jest.mock('N/crypto');
jest.mock('N/runtime');
jest.mock('N/record');
jest.mock('N/search');
jest.mock('N/task');
jest.mock('N/log');
jest.mock('N/cache');

import { BREAKER_COOL_DOWN_MS, BREAKERS_KEY, breakerKey } from '../../lib/core/breaker';
import { ENDPOINT_FIELD as EP, PARAMETERS_ENDPOINT } from '../../lib/core/endpoint-record';
import { PARAM } from '../../lib/core/config';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { FAN_OUT, HTTPS_TIMEOUT, RECORD_UNITS, UNIT_COST, USAGE_LIMIT } from '../../lib/core/governance';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import {
  employeeRecord,
  fakeClockOnly,
  installFakes,
  SECRET_ID,
  suiteScriptError,
  warmEndpointCache,
  type FakeAccount,
} from './fake-netsuite';

const { afterSubmit } = require('SuiteScripts/suitehooks/suitehooks_employee_ue.js') as {
  afterSubmit: (ctx: unknown) => void;
};
const { execute } = require('SuiteScripts/suitehooks/suitehooks_retry_ss.js') as { execute: (ctx: unknown) => void };

const ENDPOINT = 'https://hooks.example.com/netsuite';
const OTHER_ENDPOINT = 'https://other.example.com/netsuite';
const MINUTE = 60_000;
const TIMEOUT_SECONDS = HTTPS_TIMEOUT.connectSeconds + HTTPS_TIMEOUT.responseSeconds;
const KEEP_UNITS = RECORD_UNITS.create.custom + RECORD_UNITS.save.custom;
const HANG = { hang: true as const };

let account: FakeAccount;
let saves = 0;

beforeEach(() => {
  fakeClockOnly();
  account = installFakes({ params: { [PARAM.endpointUrl]: ENDPOINT, [PARAM.secretId]: SECRET_ID } });
});
afterEach(() => jest.useRealTimers());

/** One UI save of an employee edit (a fresh user event execution: 1,000 units). */
function save(): void {
  account.remainingUsage = USAGE_LIMIT.userEvent;
  saves++;
  const old = {
    id: 456,
    values: { firstname: 'Jane', title: 'Engineer', lastmodifieddate: new Date(Date.now() - MINUTE) },
  };
  const next = { ...old, values: { ...old.values, title: `Title ${saves}`, lastmodifieddate: new Date() } };
  afterSubmit({ type: 'edit', newRecord: employeeRecord(next), oldRecord: employeeRecord(old) });
}

const unitsSpent = () => USAGE_LIMIT.userEvent - account.remainingUsage;
const advance = (ms: number) => jest.setSystemTime(Date.now() + ms);
/** An endpoint's breaker value, from the one cache entry holding every endpoint's. */
const breakerOf = (endpoint: string): string | undefined => {
  const entry = [...account.cache.entries()].find(([k]) => k.endsWith(`/${BREAKERS_KEY}`));
  return entry ? (JSON.parse(entry[1].value) as Record<string, string>)[breakerKey(endpoint)] : undefined;
};

describe('the user event: saves while the receiver is down', () => {
  test('hanging receiver, five saves a minute apart: one N/https timeout in all, every event kept', () => {
    account.replies = [HANG];
    for (let i = 0; i < 5; i++) {
      save();
      advance(MINUTE);
    }
    expect(account.httpsSeconds).toBe(TIMEOUT_SECONDS);
    expect(account.posts).toHaveLength(1);
    const rows = [...account.deliveries.values()];
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r[F.eventId])).size).toBe(5);
    expect(rows.every((r) => r[F.status] === 'pending')).toBe(true);
    // The first was attempted (retry on the schedule); the others are due now for the worker.
    expect(rows.map((r) => r[F.attempts])).toEqual([1, 0, 0, 0, 0]);
    expect(String(rows[1]![F.lastError])).toMatch(/^not sent inline: the endpoint failed recently/);
  });

  test('a skipped save costs the fan-out overhead and the delivery record (8 units); a tripping one 20', () => {
    account.replies = [HANG];
    save();
    // Opening the breaker is a get and a put of the one entry holding every endpoint's breaker.
    expect(unitsSpent()).toBe(
      FAN_OUT.overhead + UNIT_COST.https + UNIT_COST.cacheGet + UNIT_COST.cachePut + KEEP_UNITS,
    );
    save();
    expect(unitsSpent()).toBe(FAN_OUT.overhead + KEEP_UNITS);
  });

  test.each([
    ['no answer (refused connection)', suiteScriptError('SSS_CONNECTION_CLOSED', 'refused')],
    ['a 503', { code: 503 }],
    ['a 429', { code: 429 }],
  ])('%s opens the breaker', (_what, reply) => {
    account.replies = [reply];
    save();
    save();
    expect(account.posts).toHaveLength(1);
    expect(account.deliveries.size).toBe(2);
  });

  test.each([
    ['a 400', 400],
    ['a 410', 410],
    ['a 2xx', 204],
  ])('%s is an answer from a receiver that is up: the next save posts inline', (_what, code) => {
    account.replies = [{ code }];
    save();
    save();
    expect(account.posts).toHaveLength(2);
  });

  test('inline delivery resumes within the cool-down (5 minutes) of recovery: one probe, whose answer closes the breaker', () => {
    account.replies = [HANG];
    save();
    advance(MINUTE);
    account.replies = [{ code: 204 }]; // the receiver is back
    const recovered = Date.now();
    account.posts.length = 0;
    while (account.posts.length === 0) {
      save();
      advance(30_000);
    }
    expect(Date.now() - recovered).toBeLessThanOrEqual(BREAKER_COOL_DOWN_MS);
    expect(breakerOf(PARAMETERS_ENDPOINT)).toBeUndefined(); // the probe's answer closed it
    save();
    expect(account.posts).toHaveLength(2);
    expect(unitsSpent()).toBe(FAN_OUT.overhead + UNIT_COST.https); // the success path again: 12 units
  });

  test('a probe that fails opens the breaker for another cool-down (one timeout per cool-down)', () => {
    account.replies = [HANG];
    save();
    advance(BREAKER_COOL_DOWN_MS + MINUTE);
    save(); // the probe
    expect(account.posts).toHaveLength(2);
    for (let i = 0; i < 4; i++) {
      advance(MINUTE);
      save();
    }
    expect(account.posts).toHaveLength(2);
    expect(account.httpsSeconds).toBe(2 * TIMEOUT_SECONDS);
    expect(account.deliveries.size).toBe(6);
  });

  test('per endpoint (keyed by the endpoint id): an open breaker for one endpoint does not hold back another', () => {
    account.replies = [HANG];
    save();
    expect(breakerOf(PARAMETERS_ENDPOINT)).toBeDefined();
    // A second endpoint, as an endpoint record: its own breaker is closed, so it is posted inline.
    account.endpoints.set('12', {
      name: 'other',
      [EP.url]: OTHER_ENDPOINT,
      [EP.secretId]: SECRET_ID,
      [EP.enabled]: 'T',
    });
    warmEndpointCache(account);
    account.replies = [{ code: 204 }];
    account.posts.length = 0;
    save();
    expect(account.posts.map((p) => p.url)).toEqual([OTHER_ENDPOINT]);
    expect(breakerOf('12')).toBeUndefined();
  });

  test('the cache is a hint: lost entries cost one more attempt, a failing N/cache never blocks a save or loses an event', () => {
    account.replies = [HANG];
    save();
    account.cache.clear(); // NetSuite may drop entries at any time
    save();
    expect(account.posts).toHaveLength(2);
    account.cacheError = suiteScriptError('SSS_CACHE_UNAVAILABLE', 'cache unavailable');
    save();
    expect(account.posts).toHaveLength(3);
    expect(account.deliveries.size).toBe(3);
    expect(account.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('the retry worker and the breaker', () => {
  function runWorker(): void {
    account = installFakes({
      ...account,
      executionContext: 'SCHEDULED',
      script: { id: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker },
      remainingUsage: USAGE_LIMIT.scheduled,
    });
    execute({});
  }

  test('a successful worker send closes the breaker: the next save posts inline before the cool-down ends', () => {
    account.replies = [HANG];
    save();
    save();
    advance(MINUTE);
    account.replies = [{ code: 204 }];
    runWorker();
    // The queued save was due and delivered; the first waits for its retry (5 minutes).
    expect([...account.deliveries.values()].map((r) => r[F.status])).toEqual(['pending', 'delivered']);
    expect(breakerOf(PARAMETERS_ENDPOINT)).toBeUndefined();
    account = installFakes({
      ...account,
      executionContext: 'USERINTERFACE',
      script: { id: SCRIPT.userEvent, deploymentId: DEPLOYMENT.userEvent },
    });
    const before = account.posts.length;
    save();
    expect(account.posts).toHaveLength(before + 1);
    expect(account.deliveries.size).toBe(2);
  });

  test('a worker that gives up on an endpoint opens its breaker for the saves', () => {
    account.params[PARAM.deliveryMode] = 'outbox';
    for (let i = 0; i < 5; i++) save();
    account.replies = [HANG];
    runWorker();
    expect(breakerOf(PARAMETERS_ENDPOINT)).toBeDefined();
  });
});

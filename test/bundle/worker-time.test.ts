/**
 * The BUILT retry worker against slow and silent receivers, on jest's fake Date: each execution has the
 * scheduled script's 3,600 s (the fake throws SSS_TIME_LIMIT_EXCEEDED past it, as NetSuite stops the
 * script), and the receiver's seconds move the clock.
 */
jest.mock('N/https');
jest.mock('N/crypto');
jest.mock('N/runtime');
jest.mock('N/record');
jest.mock('N/search');
jest.mock('N/task');
jest.mock('N/log');
jest.mock('N/cache');

import { PARAM } from '../../lib/core/config';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { HTTPS_TIMEOUT, TIME_LIMIT_SECONDS, USAGE_LIMIT } from '../../lib/core/governance';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { LAST_POST_START_MS, NO_ANSWER_LIMIT } from '../../lib/core/worker-budget';
import {
  fakeClockOnly,
  installFakes,
  SECRET_ID,
  suiteScriptError,
  type FakeAccount,
  type Reply,
} from './fake-netsuite';

const { execute } = require('SuiteScripts/suitehooks/suitehooks_retry_ss.js') as { execute: (ctx: unknown) => void };

const ENDPOINT = 'https://hooks.example.com/netsuite';
const HANG = { hang: true as const };
const TIMEOUT_SECONDS = HTTPS_TIMEOUT.connectSeconds + HTTPS_TIMEOUT.responseSeconds;

let account: FakeAccount;
beforeEach(() => {
  fakeClockOnly();
  account = installFakes({
    params: { [PARAM.endpointUrl]: ENDPOINT, [PARAM.secretId]: SECRET_ID },
    executionContext: 'SCHEDULED',
    script: { id: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker },
  });
});
afterEach(() => jest.useRealTimers());

/** `n` deliveries queued by the user event (attempts 0, due now). */
function backlog(n: number): void {
  for (let i = 0; i < n; i++) {
    const id = String(account.deliveries.size + 1);
    const body = JSON.stringify({ type: 'employee.updated', data: { id: `evt_${id}` } });
    account.deliveries.set(id, {
      [F.eventId]: `evt_${id}`,
      [F.body]: body,
      [F.bodyLength]: body.length,
      [F.status]: 'pending',
      [F.attempts]: 0,
      [F.endpointUrl]: ENDPOINT,
      [F.secretId]: SECRET_ID,
      [F.allowedHosts]: '*',
    });
  }
}

interface Execution {
  seconds: number;
  posts: number;
  restarted: boolean;
}

/** One worker execution with a fresh 10,000 units and 3,600 s; what it took. */
function runOnce(): Execution {
  const posts = account.posts.length;
  const tasks = account.tasks.length;
  account = installFakes({
    ...account,
    remainingUsage: USAGE_LIMIT.scheduled,
    timeLimitSeconds: TIME_LIMIT_SECONDS.scheduled,
  });
  const started = Date.now();
  execute({});
  return {
    seconds: (Date.now() - started) / 1000,
    posts: account.posts.length - posts,
    restarted: account.tasks.length > tasks,
  };
}

const killed = () => account.logs.filter((l) => l.details.includes('SSS_TIME_LIMIT_EXCEEDED'));
const sentIds = () => account.posts.map((p) => p.headers['webhook-id']);
const rows = () => [...account.deliveries.values()];

test('a receiver answering in 8 s: no execution reaches 3,600 s, each records what it sent and starts itself again, the backlog drains with no duplicate', () => {
  backlog(1000);
  account.replies = [{ code: 204, seconds: 8 }];
  const runs: Execution[] = [];
  while (rows().some((r) => r[F.status] === 'pending')) {
    const run = runOnce();
    runs.push(run);
    expect(run.seconds).toBeLessThan(TIME_LIMIT_SECONDS.scheduled);
    if (rows().some((r) => r[F.status] === 'pending')) expect(run.restarted).toBe(true);
    expect(runs.length).toBeLessThan(5);
  }
  expect(killed()).toEqual([]);
  // The time budget, not the units (828), ends a run: no POST starts past LAST_POST_START_MS.
  expect(runs[0]!.posts).toBe(Math.floor(LAST_POST_START_MS / 8000) + 1);
  expect(sentIds()).toHaveLength(1000);
  expect(new Set(sentIds()).size).toBe(1000);
  expect(rows().every((r) => r[F.status] === 'delivered' && r[F.attempts] === 1)).toBe(true);
});

test('a hanging receiver: three timeouts and the run stops sending; the rest keep their attempt counts; the timer retries next run', () => {
  backlog(50);
  account.replies = [HANG];
  const run = runOnce();
  expect(run.posts).toBe(NO_ANSWER_LIMIT);
  expect(run.seconds).toBe(NO_ANSWER_LIMIT * TIMEOUT_SECONDS);
  expect(run.restarted).toBe(false);
  expect(rows().filter((r) => r[F.attempts] === 1)).toHaveLength(NO_ANSWER_LIMIT);
  expect(rows().filter((r) => r[F.attempts] === 0)).toHaveLength(50 - NO_ANSWER_LIMIT);
  expect(rows().every((r) => r[F.status] === 'pending')).toBe(true);

  // Run after run (the timer's), while it hangs: three more each, never killed; then it comes back.
  runOnce();
  expect(new Set(sentIds()).size).toBe(2 * NO_ANSWER_LIMIT);
  account.replies = [{ code: 204 }];
  while (rows().some((r) => r[F.status] === 'pending' && r[F.attempts] === 0)) runOnce();
  expect(killed()).toEqual([]);
  const delivered = rows().filter((r) => r[F.status] === 'delivered');
  expect(delivered).toHaveLength(50 - 2 * NO_ANSWER_LIMIT); // the timed-out ones wait for their retry time
  expect(sentIds().length).toBe(new Set(sentIds()).size);
});

test.each<[string, Reply[]]>([
  ['refused connections', [suiteScriptError('SSS_CONNECTION_CLOSED', 'refused')]],
  ['timeouts', [HANG]],
])('%s in a row count as no answer', (_what, replies) => {
  backlog(10);
  account.replies = replies;
  expect(runOnce().posts).toBe(NO_ANSWER_LIMIT);
});

test('a silence shorter than the limit is forgiven: answers in between reset the count, everything is sent', () => {
  backlog(10);
  account.replies = [HANG, HANG, { code: 204 }, HANG, HANG, { code: 503 }, { code: 204 }];
  const run = runOnce();
  expect(run.posts).toBe(10);
  expect(rows().filter((r) => r[F.status] === 'delivered')).toHaveLength(5);
});

test('answers with 5xx are answers: the run goes on (each delivery follows its schedule)', () => {
  backlog(10);
  account.replies = [{ code: 503, seconds: 1 }];
  expect(runOnce().posts).toBe(10);
});

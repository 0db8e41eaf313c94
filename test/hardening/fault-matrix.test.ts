/**
 * Hardening (issue 6, item 1): the fault matrix. The REAL bundle runs in the sandbox and posts over real
 * HTTPS to a local receiver that verifies every attempt with `standardwebhooks`. For each fault a batch
 * of employee changes is made (half REST — posted inline by the user event —, half CSV import — queued
 * for the retry worker), the fault is held for a while — and each row checks the fault really happened
 * (refused, 500, closed mid-response, timed out…) on the kept deliveries — then the receiver recovers (or
 * not, when the contract says the event dies), and the account clock is driven through the retry
 * schedule until nothing is pending. Afterwards every change must be delivered or dead-lettered as the
 * contract says, none lost, and a change received twice only ever under one webhook-id. No sleep decides
 * an outcome: waits are for explicit signals (the receiver has answered every request it got).
 *
 * Default sizes keep the file well under a minute on 2 cores; SOAK=1 runs five times the events.
 */
import * as fs from 'node:fs';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver, type Behaviour } from '../../lib/sandbox/receiver/receiver';
import type { LogEntry } from '../../lib/sandbox/runtime/script-env';
import type { WriteContext } from '../../lib/sandbox/account/account-types';
import { DELIVERY_FIELD, DELIVERY_RECORD, DEPLOYMENT, PARAM, SCRIPT, USAGE_LIMIT } from '../../lib/core';
import { thrownBy } from '../sandbox/helpers';

/** SOAK=1: five times the events; SOAK=<n> (n ≥ 2): n times. */
const SOAK = !process.env.SOAK ? 1 : process.env.SOAK === '1' ? 5 : Math.max(2, Number(process.env.SOAK) || 5);
const EVENTS = 30 * SOAK;
/** One run of the retry worker sends at most 828 deliveries (10,000 units, 12 a delivery, 20 kept back). */
const GOVERNANCE_EVENTS = 900 * (SOAK > 1 ? 2 : 1);
jest.setTimeout(SOAK > 1 ? 1_800_000 : 120_000);

const UE_DEPLOY = DEPLOYMENT.userEvent;
const RETRY = SCRIPT.retry;
const WORKER = DEPLOYMENT.retryWorker;
const DELIVERY = DELIVERY_RECORD;
const SECRET_ID = 'custsecret_suitehooks_signing';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const REST: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: '7', roleId: '3' };
const CSV: WriteContext = { executionContext: 'CSVIMPORT', userId: '7', roleId: '3' };
const F = {
  eventId: DELIVERY_FIELD.eventId,
  status: DELIVERY_FIELD.status,
  attempts: DELIVERY_FIELD.attempts,
  next: DELIVERY_FIELD.nextAttempt,
  body: DELIVERY_FIELD.body,
  lastStatus: DELIVERY_FIELD.lastHttpStatus,
  lastError: DELIVERY_FIELD.lastError,
};

interface Row {
  fault: string;
  events: number;
  delivered: number;
  dead: number;
  lost: number;
  duplicateIds: number;
  /** 2xx arrivals beyond the first of each id. */
  extraArrivals: number;
  /** Changes received under more than one webhook-id (must be 0). */
  splitIds: number;
  attempts: number;
}
const matrix: Row[] = [];
const logs: LogEntry[] = [];

interface Sandbox {
  account: SandboxAccount;
  receiver: Receiver;
  /** A second receiver the 3xx answers point at: it must never see a request. */
  elsewhere: Receiver;
  /** Resolves once the receiver has answered (or dropped) at least `n` requests in all. */
  answered(n: number): Promise<void>;
  close(): Promise<void>;
}

/** A count and promises that resolve when it reaches a number: an explicit signal to wait for. */
function counter(): { bump(): void; until(n: number): Promise<void>; value(): number } {
  let count = 0;
  const waiting: { n: number; resolve(): void }[] = [];
  return {
    bump() {
      count++;
      for (const w of [...waiting]) {
        if (count < w.n) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    },
    until: (n) => (count >= n ? Promise.resolve() : new Promise<void>((resolve) => void waiting.push({ n, resolve }))),
    value: () => count,
  };
}

async function sandbox(options: { realTimeSafetyNetMs?: number; employees: number }): Promise<Sandbox> {
  const { employees, ...limits } = options;
  let account!: SandboxAccount;
  const answers = counter();
  const receiver = await Receiver.start({ now: () => account.clock.now(), onAttempt: () => answers.bump() });
  const elsewhere = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    workers: 2,
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: { [UE_DEPLOY]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID } },
    // NetSuite's 5 s connect / 45 s response limits; 10 s for responses here, ample on a loaded machine
    // (the hang row shortens it to 80 ms on purpose).
    http: { trustedCertificates: [receiver.certificatePem!], connectTimeoutMs: 5_000, responseTimeoutMs: 10_000 },
    ...limits,
    onLog: (entry) => void logs.push(entry),
  });
  account.seedEmployees(employees);
  return {
    account,
    receiver,
    elsewhere,
    answered: (n) => answers.until(n),
    close: async () => {
      await account.close();
      await receiver.close();
      await elsewhere.close();
    },
  };
}

type Delivery = Record<string, unknown>;
const titleOf = (body: string): string | null =>
  (JSON.parse(body) as { data: { changes: { title?: { new: string } } } }).data.changes.title?.new ?? null;

/** The batch's deliveries (outbox records), by the change's marker. */
function deliveriesOf(account: SandboxAccount, markers: ReadonlySet<string>): Map<string, Delivery> {
  const out = new Map<string, Delivery>();
  for (const d of account.customRecords(DELIVERY)) {
    const marker = titleOf(String(d[F.body]));
    if (marker && markers.has(marker)) out.set(marker, d);
  }
  return out;
}

const pendingOf = (account: SandboxAccount, markers: ReadonlySet<string>) =>
  [...deliveriesOf(account, markers).values()].filter((d) => d[F.status] === 'pending');
const time = (v: unknown): number =>
  v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(String(v));

/** Moves the clock to the earliest pending attempt (the 15-minute schedule then runs the retry script), until none is pending. */
async function settle(account: SandboxAccount, markers: ReadonlySet<string>, maxSteps = 200): Promise<void> {
  for (let i = 0; i < maxSteps; i++) {
    const pending = pendingOf(account, markers);
    if (pending.length === 0) return;
    const due = Math.min(...pending.map((d) => (d[F.next] ? time(d[F.next]) : account.clock.now())));
    await account.advance(Math.max(due - account.clock.now(), 0) + 16 * MINUTE);
  }
  throw new Error(`still pending after ${maxSteps} retry runs`);
}

/** Makes one change per marker, concurrently; odd ones through CSV import (queued), even ones through REST (inline). */
async function changes(
  account: SandboxAccount,
  fault: string,
  count: number,
  employees: string[],
): Promise<Set<string>> {
  const markers = Array.from({ length: count }, (_, i) => `${fault.replace(/\W+/g, '-')}-${i}`);
  await Promise.all(
    markers.map((m, i) =>
      account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, i % 2 ? CSV : REST),
    ),
  );
  return new Set(markers);
}

/** Reads the outcome of a batch from both ends: the receiver's verified arrivals and the outbox. */
function outcome(s: Sandbox, fault: string, markers: ReadonlySet<string>, want: 'delivered' | 'dead'): Row {
  expect(s.receiver.schemaViolations).toEqual([]); // every verified event matches schema/suitehooks-event.schema.json
  const records = deliveriesOf(s.account, markers);
  const idsByMarker = new Map<string, Set<string>>();
  const arrivals = new Map<string, number>(); // webhook-id → 2xx arrivals
  let attempts = 0;
  const markerOfId = new Map<string, string>();
  for (const [id, event] of s.receiver.events) {
    const marker = (event.data.changes.title as { new?: string } | undefined)?.new;
    if (marker && markers.has(marker)) markerOfId.set(id, marker);
  }
  for (const [marker, record] of records) markerOfId.set(String(record[F.eventId]), marker);
  for (const a of s.receiver.attempts) {
    if (!a.webhookId || !markerOfId.has(a.webhookId)) continue;
    attempts++;
    const marker = markerOfId.get(a.webhookId)!;
    idsByMarker.set(marker, (idsByMarker.get(marker) ?? new Set()).add(a.webhookId));
    if (a.verified && a.status !== null && a.status >= 200 && a.status < 300)
      arrivals.set(a.webhookId, (arrivals.get(a.webhookId) ?? 0) + 1);
  }
  let delivered = 0;
  let dead = 0;
  let lost = 0;
  for (const m of markers) {
    const record = records.get(m);
    const receivedIds = [...(idsByMarker.get(m) ?? [])];
    const received = receivedIds.some((id) => arrivals.has(id));
    if (received) delivered++;
    else if (record?.[F.status] === 'dead') dead++;
    else lost++;
    // An outbox record, when there is one, names the same event the receiver got.
    if (record && receivedIds.length > 0) {
      if (!receivedIds.includes(String(record[F.eventId]))) lost++;
    }
    if (record) {
      if (want === 'delivered' && received && record[F.status] !== 'delivered') lost++; // the outbox must agree
      if (record[F.status] === 'pending') lost++;
    }
  }
  const row: Row = {
    fault,
    events: markers.size,
    delivered,
    dead,
    lost,
    duplicateIds: [...arrivals.values()].filter((n) => n > 1).length,
    extraArrivals: [...arrivals.values()].reduce((sum, n) => sum + n - 1, 0),
    splitIds: [...idsByMarker.values()].filter((ids) => ids.size > 1).length,
    attempts,
  };
  matrix.push(row);
  return row;
}

function checkInvariants(row: Row, want: 'delivered' | 'dead', duplicates: 'none' | 'allowed'): void {
  expect(row.lost).toBe(0);
  expect(row.splitIds).toBe(0);
  if (want === 'delivered') expect(row.delivered).toBe(row.events);
  else expect(row.dead).toBe(row.events);
  if (duplicates === 'none') expect(row.duplicateIds).toBe(0);
}

// ---- the matrix: receiver faults on one account ------------------------------------------------

describe('fault matrix (real bundle, real HTTPS, sandbox clock)', () => {
  let s: Sandbox;
  let employees: string[];
  beforeAll(async () => {
    s = await sandbox({ employees: 200 });
    employees = s.account.listEmployees(200, 20).ids;
  });
  afterAll(() => s?.close());
  beforeEach(() => {
    s.receiver.setDefault({ kind: 'ok' });
    s.account.setHttpLimits({ connectTimeoutMs: 5_000, responseTimeoutMs: 10_000 });
    // Each row starts with the receiver healthy and the breaker closed (a row's outage must not carry over).
    s.account.evictCache();
  });

  /** Waits until the receiver has answered every request the batch's attempts made (each attempt is one POST). */
  async function allAnswered(markers: ReadonlySet<string>, before: number): Promise<void> {
    const posts = [...deliveriesOf(s.account, markers).values()].reduce((sum, d) => sum + Number(d[F.attempts]), 0);
    await s.answered(before + posts);
  }

  /**
   * The fault holds for the batch and the first `runs` retry runs (about the first hours); `seen` checks
   * the fault really happened on every kept delivery; then the receiver recovers.
   */
  async function transient(
    fault: string,
    apply: () => void | Promise<void>,
    seen: (d: Delivery) => void,
    recover: (markers: ReadonlySet<string>) => void | Promise<void>,
    runs = 2,
    count = EVENTS,
  ) {
    await apply();
    const markers = await changes(s.account, fault, count, employees);
    for (let i = 0; i < runs; i++) await s.account.advance(40 * MINUTE);
    const kept = [...deliveriesOf(s.account, markers).values()];
    expect(kept).toHaveLength(markers.size); // every change met the fault and was kept
    // Tried ones show the fault. Not yet tried: saves after the first inline failure skipped the POST (the
    // breaker), and a worker run stops sending after three POSTs in a row without an answer.
    const tried = kept.filter((d) => Number(d[F.attempts]) >= 1);
    expect(tried.length).toBeGreaterThanOrEqual(1);
    for (const d of kept) expect(d[F.status]).toBe('pending');
    for (const d of tried) seen(d);
    for (const d of kept.filter((k) => !tried.includes(k)))
      expect(String(d[F.lastError] ?? '')).toMatch(/^(not sent inline: the endpoint failed recently .*|)$/);
    await recover(markers);
    await settle(s.account, markers);
    return markers;
  }

  const failing = (b: Behaviour) => () => void s.receiver.setDefault(b);
  const healthy = () => void s.receiver.setDefault({ kind: 'ok' });
  const error = (pattern: RegExp) => (d: Delivery) => expect(String(d[F.lastError])).toMatch(pattern);

  test('receiver refusing connections', async () => {
    const before = s.receiver.attempts.length;
    const markers = await transient(
      'refused',
      () => s.receiver.down(),
      error(/^SSS_CONNECTION_CLOSED: The connection was refused/),
      () => {
        expect(s.receiver.attempts.length).toBe(before); // nothing reached it while it was down
        return s.receiver.up();
      },
    );
    checkInvariants(outcome(s, 'connection refused', markers, 'delivered'), 'delivered', 'none');
  });

  test('500', async () => {
    const markers = await transient(
      '500',
      failing({ kind: 'status', status: 500 }),
      (d) => expect(d).toMatchObject({ [F.lastStatus]: 500, [F.lastError]: 'HTTP 500' }),
      healthy,
    );
    const row = outcome(s, 'HTTP 500', markers, 'delivered');
    checkInvariants(row, 'delivered', 'none');
    expect(row.attempts).toBeGreaterThan(row.events); // really failed first
  });

  test('500 past the last scheduled attempt: dead-lettered after 9 attempts, body kept', async () => {
    s.receiver.setDefault({ kind: 'status', status: 500 });
    const markers = await changes(s.account, '500-forever', 20 * SOAK, employees);
    await settle(s.account, markers);
    checkInvariants(outcome(s, 'HTTP 500 for 3+ days', markers, 'dead'), 'dead', 'none');
    for (const d of deliveriesOf(s.account, markers).values()) {
      expect(d).toMatchObject({ [F.attempts]: 9, [F.lastStatus]: 500 });
      expect(String(d[F.lastError])).toMatch(/^HTTP 500; gave up after 9 attempts/);
      expect(String(d[F.body])).toContain(String(d[F.eventId])); // kept for replay
    }
  });

  test.each([
    ['with retry-after (2 h, later than the 5-minute step)', '7200'],
    ['without retry-after', undefined],
  ])('429 %s', async (_name, retryAfter) => {
    s.receiver.setDefault({ kind: 'status', status: 429, ...(retryAfter === undefined ? {} : { retryAfter }) });
    const markers = await changes(s.account, `429-${retryAfter ?? 'none'}`, EVENTS, employees);
    // REST saves were tried inline until the first 429 opened the breaker; those answered 429 honour
    // retry-after; the REST saves after it and the CSV half wait for the worker, due now.
    const now = s.account.clock.now();
    const tried = [...deliveriesOf(s.account, markers).values()].filter((d) => Number(d[F.attempts]) === 1);
    expect(tried.length).toBeGreaterThanOrEqual(1);
    expect(tried.length).toBeLessThanOrEqual(EVENTS / 2);
    for (const d of tried) {
      expect(d[F.lastStatus]).toBe(429);
      const wait = time(d[F.next]) - now;
      if (retryAfter) expect(wait).toBeGreaterThanOrEqual(2 * HOUR - 2_000);
      else expect(wait).toBeLessThan(2 * HOUR);
    }
    await s.account.advance(40 * MINUTE);
    healthy();
    await settle(s.account, markers);
    checkInvariants(
      outcome(s, `HTTP 429 ${retryAfter ? '+ retry-after' : 'no retry-after'}`, markers, 'delivered'),
      'delivered',
      'none',
    );
  });

  test('410 Gone: dead at once, one attempt each, never retried', async () => {
    s.receiver.setDefault({ kind: 'status', status: 410 });
    const markers = await changes(s.account, '410', EVENTS, employees);
    await settle(s.account, markers);
    const before = s.receiver.attempts.length;
    await s.account.advance(30 * HOUR);
    expect(s.receiver.attempts.length).toBe(before);
    const row = outcome(s, 'HTTP 410', markers, 'dead');
    checkInvariants(row, 'dead', 'none');
    expect(row.attempts).toBe(row.events);
    for (const d of deliveriesOf(s.account, markers).values())
      expect(d).toMatchObject({ [F.attempts]: 1, [F.lastStatus]: 410 });
  });

  test('hanging past the response limit (45 s in NetSuite, 80 ms here): timed out, retried, duplicates keep their id', async () => {
    const before = s.receiver.attempts.length;
    await s.answered(before);
    const markers = await transient(
      'hang',
      () => {
        s.account.setHttpLimits({ responseTimeoutMs: 80 });
        s.receiver.setDefault({ kind: 'slow', delayMs: 250 });
      },
      error(/^SSS_REQUEST_TIME_EXCEEDED/),
      async (batch) => {
        healthy();
        // The receiver still owes its late 200s: wait until it has answered every timed-out POST.
        await allAnswered(batch, before);
        s.account.setHttpLimits({ responseTimeoutMs: 10_000 });
      },
      1,
      20 * SOAK,
    );
    const row = outcome(s, 'hang past timeout', markers, 'delivered');
    checkInvariants(row, 'delivered', 'allowed');
    // The receiver answered 200 after the sender had given up: at-least-once, the same webhook-id again.
    expect(row.duplicateIds).toBeGreaterThan(0);
    // The timed-out ones were sent again; the rest (skipped by the breaker, or left by a worker run that
    // stopped after three timeouts in a row) went out once, after the recovery.
    expect(row.attempts).toBeGreaterThan(row.events);
  });

  test('closing the connection mid-response', async () => {
    const markers = await transient(
      'close',
      failing({ kind: 'close' }),
      error(/^SSS_CONNECTION_CLOSED: The host closed the connection/),
      healthy,
    );
    const row = outcome(s, 'close mid-response', markers, 'delivered');
    checkInvariants(row, 'delivered', 'none');
    expect(s.receiver.attempts.some((a) => a.status === null)).toBe(true); // the receiver really dropped them
  });

  test('3xx: not followed (the redirect target never sees the signed body), retried like any failure', async () => {
    const markers = await transient(
      '3xx',
      failing({ kind: 'status', status: 307, location: s.elsewhere.url }),
      (d) => expect(d[F.lastStatus]).toBe(307),
      healthy,
    );
    checkInvariants(outcome(s, 'HTTP 307 redirect', markers, 'delivered'), 'delivered', 'none');
    expect(s.elsewhere.attempts).toHaveLength(0);
  });

  test('the retry worker running out of governance mid-batch: starts itself again, delivers the rest', async () => {
    // A receiver outage during a CSV import leaves a backlog larger than one run can send.
    const count = GOVERNANCE_EVENTS;
    const markers = new Set(Array.from({ length: count }, (_, i) => `governance-${i}`));
    await Promise.all(
      [...markers].map((m, i) =>
        s.account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, CSV),
      ),
    );
    const runs = await s.account.runScheduled(RETRY); // the timer: it starts the worker
    const workerRuns = runs.filter((r) => r.deploymentId === WORKER);
    expect(workerRuns.length).toBeGreaterThanOrEqual(2); // the first ran short of units and started the next
    const usage = s.account
      .executions({ script: RETRY })
      .filter((e) => e.deployment === WORKER)
      .slice(-workerRuns.length)
      .map((e) => e.usage);
    expect(Math.max(...usage)).toBeLessThanOrEqual(USAGE_LIMIT.scheduled);
    expect(usage[0]).toBeGreaterThan(9_900);
    await settle(s.account, markers);
    checkInvariants(outcome(s, 'governance exhausted mid-batch', markers, 'delivered'), 'delivered', 'none');
  });

  test('two worker runs cannot overlap: a second start is refused, and queued runs go one after the other', async () => {
    const markers = new Set(Array.from({ length: EVENTS * 2 }, (_, i) => `overlap-${i}`));
    await Promise.all(
      [...markers].map((m, i) =>
        s.account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, CSV),
      ),
    );
    // NetSuite never runs two instances of one deployment: while the worker is queued another start fails.
    s.account.submitScheduled(RETRY, WORKER);
    const refused = thrownBy(() => s.account.submitScheduled(RETRY, WORKER));
    expect(refused).toMatchObject({ name: 'FAILED_TO_SUBMIT_JOB_REQUEST_1' });
    expect((refused as Error).message).toMatch(/already queued or running/);
    // Even a second queued task (put there behind NetSuite's back) waits for the first on two free workers.
    s.account.db
      .prepare(
        `INSERT INTO sandbox_task (script, deployment, status, invocation, submitted) VALUES (?, ?, 'PENDING', 'ONDEMAND', ?)`,
      )
      .run(RETRY, WORKER, new Date(s.account.clock.now()).toISOString());
    s.receiver.setDefault({ kind: 'slow', delayMs: 5, status: 200 }); // a little latency, so overlapping runs would interleave
    const logsBefore = s.account.logs({ script: RETRY }).length;
    const runs = await s.account.runDue();
    expect(runs.map((r) => [r.deploymentId, r.status])).toEqual([
      [WORKER, 'COMPLETE'],
      [WORKER, 'COMPLETE'],
    ]);
    // The second run started after the first had sent everything: it found nothing due.
    const said = s.account
      .logs({ script: RETRY })
      .slice(logsBefore)
      .map((l) => l.details)
      .filter((d) => d.includes('due deliveries attempted'));
    expect(said).toEqual([
      `${markers.size} of ${markers.size} due deliveries attempted`,
      '0 of 0 due deliveries attempted',
    ]);
    healthy();
    const row = outcome(s, 'two worker starts (overlap refused)', markers, 'delivered');
    checkInvariants(row, 'delivered', 'none');
  });

  afterAll(() => {
    // Nothing the scripts logged carries the signing secret or any change's content.
    const text = JSON.stringify(logs);
    expect(text).not.toContain(s.receiver.apiSecretValue);
    expect(text).not.toMatch(/refused-\d|500-\d|hang-\d|governance-\d|overlap-\d|Synthetic|synthetic\.\d/);
  });
});

// ---- the script dying between the POST and the status update (its own account) -------------------

describe('fault matrix: the retry worker killed between the POST and the status update', () => {
  let s: Sandbox;
  beforeAll(async () => {
    // Scripts end after 4 s of wall clock (a normal run here takes ~0.3 s, so a loaded machine has
    // room). The receiver holds the crash runs' POSTs until the test has seen the run killed, so the kill
    // happens with the POST in flight by construction, whatever the machine's speed; then it answers 200.
    s = await sandbox({ employees: 60, realTimeSafetyNetMs: 4_000 });
  });
  afterAll(() => s?.close());

  test('the next worker run sends the delivery again with the same webhook-id: one duplicate per kill, nothing lost', async () => {
    const employees = s.account.listEmployees(60, 20).ids;
    const count = 20; // not scaled: a normal run must stay well inside the 4 s script limit
    const markers = new Set(Array.from({ length: count }, (_, i) => `crash-${i}`));
    await Promise.all(
      [...markers].map((m, i) =>
        s.account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, CSV),
      ),
    );
    const crashes = 2;
    let failed = 0;
    for (let i = 0; i < crashes; i++) {
      const posted = s.receiver.attempts.length;
      let killed!: () => void;
      let arrived = 0;
      s.receiver.behave({
        kind: 'hold',
        until: new Promise<void>((r) => (killed = r)),
        onArrival: () => {
          arrived++;
        },
      });
      const runs = await s.account.advance(16 * MINUTE); // the timer starts the worker, which is killed mid-POST
      failed += runs.filter((r) => r.deploymentId === WORKER && r.status === 'FAILED').length;
      expect(arrived).toBe(1); // the fault happened: the POST reached the receiver before the run died
      killed(); // now the receiver acknowledges it (200) to a run that can no longer save the result
      await s.answered(posted + 1);
    }
    expect(failed).toBe(crashes);
    await settle(s.account, markers);
    const row = outcome(s, 'worker killed after POST, before status update', markers, 'delivered');
    checkInvariants(row, 'delivered', 'allowed');
    // The receiver had answered 200 to each killed run's POST: that event came again, same id. (The
    // unsaved delivery is first in line for the next run, so both kills hit the same one.)
    expect(row.extraArrivals).toBe(crashes);
    expect(row.duplicateIds).toBe(1);
  });
});

afterAll(() => {
  const cols = [
    'fault',
    'events',
    'delivered',
    'dead',
    'lost',
    'duplicate ids (extra arrivals)',
    'attempts seen by the receiver',
  ];
  const lines = [
    `| ${cols.join(' | ')} |`,
    `|${cols.map((_c, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...matrix.map(
      (r) =>
        `| ${r.fault} | ${r.events} | ${r.delivered} | ${r.dead} | ${r.lost} | ${r.duplicateIds} (${r.extraArrivals}) | ${r.attempts} |`,
    ),
  ];
  process.stdout.write(`\nFault matrix${SOAK > 1 ? ` (SOAK ×${SOAK})` : ''}:\n${lines.join('\n')}\n`);
  if (process.env.FAULT_MATRIX_OUT) fs.writeFileSync(process.env.FAULT_MATRIX_OUT, `${lines.join('\n')}\n`);
});

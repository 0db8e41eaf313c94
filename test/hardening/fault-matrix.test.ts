/**
 * Hardening (issue 6, item 1): the fault matrix. The REAL bundle runs in the sandbox and posts over real
 * HTTPS to a local receiver that verifies every attempt with `standardwebhooks`. For each fault a batch
 * of employee changes is made (half REST — posted inline by the user event —, half CSV import — queued
 * for the retry script), the fault is held for a while, the receiver recovers (or not, when the contract
 * says the event dies), and the account clock is driven through the retry schedule until nothing is
 * pending. Afterwards every change must be delivered or dead-lettered as the contract says, none lost,
 * and a change received twice only ever under one webhook-id.
 *
 * Default sizes keep the file well under a minute on 2 cores; SOAK=1 runs five times the events.
 */
import { SandboxAccount } from '../../lib/sandbox/account';
import { Receiver, type Behaviour } from '../../lib/sandbox/receiver';
import type { LogEntry } from '../../lib/sandbox/script-env';
import type { WriteContext } from '../../lib/sandbox/account-types';

/** SOAK=1: five times the events; SOAK=<n> (n ≥ 2): n times. */
const SOAK = !process.env.SOAK ? 1 : process.env.SOAK === '1' ? 5 : Math.max(2, Number(process.env.SOAK) || 5);
const EVENTS = 30 * SOAK;
/** One run of the retry script sends at most ~585 deliveries (10,000 units, 17 a delivery, 30 kept back). */
const GOVERNANCE_EVENTS = 620 * (SOAK > 1 ? 2 : 1);
jest.setTimeout(SOAK > 1 ? 1_800_000 : 120_000);

const UE_DEPLOY = 'customdeploy_suitehooks_employee_ue';
const RETRY = 'customscript_suitehooks_retry_ss';
const DELIVERY = 'customrecord_suitehooks_delivery';
const SECRET_ID = 'custsecret_suitehooks_signing';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const REST: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: '7', roleId: '3' };
const CSV: WriteContext = { executionContext: 'CSVIMPORT', userId: '7', roleId: '3' };
const F = {
  eventId: 'custrecord_suitehooks_event_id',
  status: 'custrecord_suitehooks_status',
  attempts: 'custrecord_suitehooks_attempts',
  next: 'custrecord_suitehooks_next_attempt',
  body: 'custrecord_suitehooks_body',
  lastStatus: 'custrecord_suitehooks_last_http_status',
  lastError: 'custrecord_suitehooks_last_error',
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
  close(): Promise<void>;
}

async function sandbox(options: { scriptTimeoutMs?: number; employees: number }): Promise<Sandbox> {
  let account!: SandboxAccount;
  const receiver = await Receiver.start({ now: () => account.clock.now() });
  const elsewhere = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    workers: 2,
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: { [UE_DEPLOY]: { custscript_suitehooks_endpoint_url: receiver.url, custscript_suitehooks_secret_id: SECRET_ID } },
    // NetSuite's 5 s connect / 45 s response limits, shortened so a hanging receiver costs milliseconds.
    http: { trustedCertificates: [receiver.certificatePem!], connectTimeoutMs: 1_000, responseTimeoutMs: 2_000 },
    scriptTimeoutMs: options.scriptTimeoutMs,
    onLog: (entry) => void logs.push(entry),
  });
  account.seedEmployees(options.employees);
  return {
    account,
    receiver,
    elsewhere,
    close: async () => {
      await account.close();
      await receiver.close();
      await elsewhere.close();
    },
  };
}

type Delivery = Record<string, unknown>;
const titleOf = (body: string): string | null => (JSON.parse(body) as { data: { changes: { title?: { new: string } } } }).data.changes.title?.new ?? null;

/** The batch's deliveries (outbox records), by the change's marker. */
function deliveriesOf(account: SandboxAccount, markers: ReadonlySet<string>): Map<string, Delivery> {
  const out = new Map<string, Delivery>();
  for (const d of account.customRecords(DELIVERY)) {
    const marker = titleOf(String(d[F.body]));
    if (marker && markers.has(marker)) out.set(marker, d);
  }
  return out;
}

const pendingOf = (account: SandboxAccount, markers: ReadonlySet<string>) => [...deliveriesOf(account, markers).values()].filter((d) => d[F.status] === 'pending');
const time = (v: unknown): number => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(String(v)));

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
async function changes(account: SandboxAccount, fault: string, count: number, employees: string[]): Promise<Set<string>> {
  const markers = Array.from({ length: count }, (_, i) => `${fault.replace(/\W+/g, '-')}-${i}`);
  await Promise.all(markers.map((m, i) => account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, i % 2 ? CSV : REST)));
  return new Set(markers);
}

/** Reads the outcome of a batch from both ends: the receiver's verified arrivals and the outbox. */
function outcome(s: Sandbox, fault: string, markers: ReadonlySet<string>, want: 'delivered' | 'dead'): Row {
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
    if (a.verified && a.status !== null && a.status >= 200 && a.status < 300) arrivals.set(a.webhookId, (arrivals.get(a.webhookId) ?? 0) + 1);
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
    s.account.setHttpLimits({ connectTimeoutMs: 1_000, responseTimeoutMs: 2_000 });
  });

  /** The fault holds for the batch and the first `runs` retry runs (about the first hours), then the receiver recovers. */
  async function transient(fault: string, apply: () => void | Promise<void>, recover: () => void | Promise<void>, runs = 2, count = EVENTS) {
    await apply();
    const markers = await changes(s.account, fault, count, employees);
    for (let i = 0; i < runs; i++) await s.account.advance(40 * MINUTE);
    await recover();
    await settle(s.account, markers);
    return markers;
  }

  const failing = (b: Behaviour) => () => void s.receiver.setDefault(b);
  const healthy = () => void s.receiver.setDefault({ kind: 'ok' });

  test('receiver refusing connections', async () => {
    const markers = await transient('refused', () => s.receiver.down(), () => s.receiver.up());
    checkInvariants(outcome(s, 'connection refused', markers, 'delivered'), 'delivered', 'none');
  });

  test('500', async () => {
    const markers = await transient('500', failing({ kind: 'status', status: 500 }), healthy);
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
      expect(d[F.attempts]).toBe(9);
      expect(String(d[F.body])).toContain(String(d[F.eventId])); // kept for replay
    }
  });

  test.each([
    ['with retry-after (2 h, later than the 5-minute step)', '7200'],
    ['without retry-after', undefined],
  ])('429 %s', async (_name, retryAfter) => {
    s.receiver.setDefault({ kind: 'status', status: 429, retryAfter });
    const markers = await changes(s.account, `429-${retryAfter ?? 'none'}`, EVENTS, employees);
    // The REST half was tried inline and answered 429: their next attempt honours retry-after.
    const now = s.account.clock.now();
    const tried = [...deliveriesOf(s.account, markers).values()].filter((d) => Number(d[F.attempts]) === 1);
    expect(tried.length).toBe(EVENTS / 2);
    for (const d of tried) {
      expect(d[F.lastStatus]).toBe(429);
      const wait = time(d[F.next]) - now;
      if (retryAfter) expect(wait).toBeGreaterThanOrEqual(2 * HOUR - 2_000);
      else expect(wait).toBeLessThan(2 * HOUR);
    }
    await s.account.advance(40 * MINUTE);
    healthy();
    await settle(s.account, markers);
    checkInvariants(outcome(s, `HTTP 429 ${retryAfter ? '+ retry-after' : 'no retry-after'}`, markers, 'delivered'), 'delivered', 'none');
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
    for (const d of deliveriesOf(s.account, markers).values()) expect(d[F.attempts]).toBe(1);
  });

  test('hanging past the response limit (45 s in NetSuite, 80 ms here): timed out, retried, duplicates keep their id', async () => {
    const markers = await transient(
      'hang',
      () => {
        s.account.setHttpLimits({ responseTimeoutMs: 80 });
        s.receiver.setDefault({ kind: 'slow', delayMs: 250 });
      },
      async () => {
        healthy();
        await new Promise((r) => setTimeout(r, 400)); // let the last slow answers finish at the receiver
        s.account.setHttpLimits({ responseTimeoutMs: 2_000 });
      },
      1,
      20 * SOAK,
    );
    const row = outcome(s, 'hang past timeout', markers, 'delivered');
    checkInvariants(row, 'delivered', 'allowed');
    // The receiver answered 200 after the sender had given up: at-least-once, the same webhook-id again.
    expect(row.duplicateIds).toBeGreaterThan(0);
    // Every first attempt timed out (SSS_REQUEST_TIME_EXCEEDED), so every change was kept and sent again.
    const records = [...deliveriesOf(s.account, markers).values()];
    expect(records).toHaveLength(markers.size);
    for (const d of records) expect(Number(d[F.attempts])).toBeGreaterThanOrEqual(2);
  });

  test('closing the connection mid-response', async () => {
    const markers = await transient('close', failing({ kind: 'close' }), healthy);
    checkInvariants(outcome(s, 'close mid-response', markers, 'delivered'), 'delivered', 'none');
  });

  test('3xx: not followed (the redirect target never sees the signed body), retried like any failure', async () => {
    const markers = await transient('3xx', failing({ kind: 'status', status: 307, location: s.elsewhere.url }), healthy);
    checkInvariants(outcome(s, 'HTTP 307 redirect', markers, 'delivered'), 'delivered', 'none');
    expect(s.elsewhere.attempts).toHaveLength(0);
  });

  test('the retry script running out of governance mid-batch: resubmits itself, delivers the rest', async () => {
    // A receiver outage during a CSV import leaves a backlog larger than one run can send.
    const count = GOVERNANCE_EVENTS;
    const markers = new Set(Array.from({ length: count }, (_, i) => `governance-${i}`));
    await Promise.all([...markers].map((m, i) => s.account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, CSV)));
    const runs = await s.account.runScheduled(RETRY);
    expect(runs.length).toBeGreaterThanOrEqual(2); // the first ran short of units and resubmitted
    const usage = s.account.executions({ script: RETRY }).slice(-runs.length).map((e) => e.usage);
    expect(Math.max(...usage)).toBeLessThanOrEqual(10_000);
    expect(usage[0]).toBeGreaterThan(9_000);
    await settle(s.account, markers);
    checkInvariants(outcome(s, 'governance exhausted mid-batch', markers, 'delivered'), 'delivered', 'none');
  });

  test('two retry runs overlapping (two workers, same outbox): each delivery claimed by one run', async () => {
    const markers = new Set(Array.from({ length: EVENTS * 2 }, (_, i) => `overlap-${i}`));
    await Promise.all([...markers].map((m, i) => s.account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, CSV)));
    // NetSuite runs two deployments of a scheduled script at once; the sandbox's queue runs one task at a
    // time, so the two tasks go straight to the two script workers.
    const pool = (s.account as unknown as { pool: { run(job: unknown): Promise<{ status: string }> } }).pool;
    const insert = s.account.db.prepare(`INSERT INTO sandbox_task (script, deployment, status, submitted) VALUES (?, 'customdeploy_suitehooks_retry_ss', 'PENDING', ?)`);
    const tasks = [1, 2].map(() => Number(insert.run(RETRY, new Date(s.account.clock.now()).toISOString()).lastInsertRowid));
    s.receiver.setDefault({ kind: 'slow', delayMs: 5, status: 200 }); // a little latency, so the runs interleave
    const results = await Promise.all(tasks.map((taskId) => pool.run({ kind: 'task', taskId, invocation: 'ONDEMAND' })));
    expect(results.map((r) => r.status)).toEqual(['COMPLETE', 'COMPLETE']);
    const executions = s.account.executions({ script: RETRY }).slice(-2);
    expect(executions.every((e) => e.usage > 100)).toBe(true); // both really worked the outbox
    healthy();
    await settle(s.account, markers);
    const row = outcome(s, 'two overlapping retry runs', markers, 'delivered');
    checkInvariants(row, 'delivered', 'allowed');
  });

  afterAll(() => {
    // Nothing the scripts logged carries the signing secret or any change's content.
    const text = JSON.stringify(logs);
    expect(text).not.toContain(s.receiver.apiSecretValue);
    expect(text).not.toMatch(/refused-\d|500-\d|hang-\d|governance-\d|overlap-\d|Synthetic|synthetic\.\d/);
  });
});

// ---- the script dying between the POST and the status update (its own account) -------------------

describe('fault matrix: the retry script killed between the POST and the status update', () => {
  let s: Sandbox;
  beforeAll(async () => {
    // A script killed after 1 s of wall clock (a normal run here takes ~0.3 s), a receiver that takes
    // 1.3 s (under the 2 s response limit): the run dies with the POST answered and its result unsaved.
    s = await sandbox({ employees: 60, scriptTimeoutMs: 1_000 });
  });
  afterAll(() => s?.close());

  test('the claim expires, the delivery is sent again with the same webhook-id, nothing lost', async () => {
    const employees = s.account.listEmployees(60, 20).ids;
    const count = 20; // not scaled: a normal run must stay well inside the 1 s script limit
    const markers = new Set(Array.from({ length: count }, (_, i) => `crash-${i}`));
    await Promise.all([...markers].map((m, i) => s.account.updateEmployee(employees[i % employees.length]!, { values: { title: m } }, CSV)));
    const crashes = 2;
    s.receiver.behave(...Array.from({ length: crashes }, () => ({ kind: 'slow', delayMs: 1_300 }) as Behaviour));
    let failed = 0;
    for (let i = 0; i < crashes; i++) {
      const runs = await s.account.advance(16 * MINUTE);
      failed += runs.filter((r) => r.status === 'FAILED').length;
      await new Promise((r) => setTimeout(r, 400)); // the receiver finishes its slow 200
    }
    expect(failed).toBe(crashes);
    await settle(s.account, markers);
    const row = outcome(s, 'script killed after POST, before status update', markers, 'delivered');
    checkInvariants(row, 'delivered', 'allowed');
    // The receiver had answered 200 to each killed run's POST: that event came again, same id. (The
    // claimed delivery is first in line after its lease ends, so both crashes hit the same one.)
    expect(row.extraArrivals).toBe(crashes);
    expect(row.duplicateIds).toBeGreaterThanOrEqual(1);
  });
});

afterAll(() => {
  const cols = ['fault', 'events', 'delivered', 'dead', 'lost', 'duplicate ids (extra arrivals)', 'attempts seen by the receiver'];
  const lines = [
    `| ${cols.join(' | ')} |`,
    `|${cols.map((_c, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...matrix.map((r) => `| ${r.fault} | ${r.events} | ${r.delivered} | ${r.dead} | ${r.lost} | ${r.duplicateIds} (${r.extraArrivals}) | ${r.attempts} |`),
  ];
  process.stdout.write(`\nFault matrix${SOAK > 1 ? ` (SOAK ×${SOAK})` : ''}:\n${lines.join('\n')}\n`);
  if (process.env.FAULT_MATRIX_OUT) require('node:fs').writeFileSync(process.env.FAULT_MATRIX_OUT, `${lines.join('\n')}\n`);
});

/**
 * Item 2, retry throughput: a backlog of due deliveries (queued by the bundle's own user event in outbox
 * mode) drained by the bundle's retry script with its real deployments: the Scheduled timer (every 15
 * minutes) starts the Not Scheduled worker, which sends and starts itself again until the backlog is
 * gone. Units per delivery, deliveries per execution against the bound, the time to drain on the account
 * clock, and a check that every event arrived exactly once.
 */
import {
  DELIVERY_FIELD,
  DELIVERY_RECORD,
  DELIVERY_STATUS,
  DEPLOYMENT,
  PARAM,
  RECORD_UNITS,
  RETRY_UNITS,
  UNIT_COST,
  USAGE_LIMIT,
  type CanonicalRecord,
} from '../lib/core';
import type { Execution } from '../lib/sandbox/account/account';
import { CSV, RETRY_SCRIPT, startSandbox, type BenchSandbox } from './sandbox';
import { fmt, type Table } from './table';

/** The worker's constants (lib/suitescript/retry-worker.ts), restated: the bounds are computed from them. */
const SCHEDULED_LIMIT = USAGE_LIMIT.scheduled;
const SETUP_UNITS = RETRY_UNITS.setup; // user event deployment search 10 + load 5 + two delivery searches 10 each
const RESUBMIT_UNITS = RETRY_UNITS.resubmit;
const POST_UNITS = UNIT_COST.https;
const WRITE_UNITS = RECORD_UNITS.submitFields.custom; // the result's submitFields
/** Before this change: load 2 + claim 2 + read-back 1 + post 10 + result 2, and 25 setup, 30 kept back. */
const OLD = { delivery: 17, setup: 25, reserve: 30 };
const SLOT_MINUTES = 15; // the timer's recurrence in src/Objects

const ATTEMPTED = /^(\d+) of (\d+) due deliveries attempted/;

/** Deliveries per full execution: sent while a delivery and the reserve still fit after the setup. */
function reachable(perDelivery: number, setup: number, reserve: number): number {
  return Math.floor((SCHEDULED_LIMIT - setup - perDelivery - reserve) / perDelivery) + 1;
}

type Account = Awaited<ReturnType<typeof startSandbox>>['account'];

async function queueBacklog(account: Account, backlog: number): Promise<number> {
  const t0 = performance.now();
  const writes: Promise<string>[] = [];
  for (let i = 0; i < backlog; i++) {
    const values: CanonicalRecord = {
      firstName: 'Queued',
      lastName: `Employee ${i}`,
      email: `queued.${i}@example.com`,
      subsidiary: { id: '1', refName: null },
    };
    writes.push(account.createEmployee({ values, replaceRoles: true }, CSV));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return performance.now() - t0;
}

/** Units a worker execution spent per delivery it sent: its usage less setup and a restart. */
function unitsPerDelivery(runs: Execution[], sent: number[]): number {
  const spent = runs.reduce((sum, e, i) => sum + e.usage - SETUP_UNITS - (i < runs.length - 1 ? RESUBMIT_UNITS : 0), 0);
  return spent / sent.reduce((a, b) => a + b, 0);
}

/** The timer's slot and the worker runs it started, as the account and this machine saw them. */
interface Drain {
  /** How far the account clock was moved: to the timer's next slot. */
  wait: number;
  /** Wall time here of the advance, the worker runs in it. */
  drainMs: number;
  /** Account clock time from queuing to the end of the last worker run. */
  drainedAfter: number;
  /** Deliveries attempted by each worker run, from its audit log line. */
  perRun: number[];
  workerRuns: Execution[];
  timerRuns: number;
  failed: number;
}

/** What reached the outbox's status and the receiver. */
interface Arrivals {
  delivered: number;
  /** Event ids the receiver verified, each counted once. */
  received: number;
  twice: number;
  lost: number;
  unsigned: number;
}

function expectPending(account: Account, backlog: number): void {
  const pending = account
    .customRecords(DELIVERY_RECORD)
    .filter((r) => r[DELIVERY_FIELD.status] === DELIVERY_STATUS.pending).length;
  if (pending !== backlog) throw new Error(`expected ${backlog} pending deliveries, found ${pending}`);
}

/** Moves the account clock to the timer's next slot and reads what the timer and worker runs did. */
async function drainBacklog(account: Account): Promise<Drain> {
  const logsBefore = account.logs({ script: RETRY_SCRIPT }).length;
  const execBefore = account.executions({ script: RETRY_SCRIPT }).length;
  const queuedAt = account.clock.now();
  const w0 = performance.now();
  // The account clock moves to the timer's next slot; the timer starts the worker, which runs back to back.
  const wait = SLOT_MINUTES * 60_000 + 1;
  const runs = await account.advance(wait);
  const drainMs = performance.now() - w0;
  const drainedAfter = account.clock.now() - queuedAt;

  const perRun = account
    .logs({ script: RETRY_SCRIPT })
    .slice(logsBefore)
    .map((e) => ATTEMPTED.exec(e.details))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  const workerRuns = account
    .executions({ script: RETRY_SCRIPT })
    .slice(execBefore)
    .filter((e) => e.deployment === DEPLOYMENT.retryWorker);
  const timerRuns = runs.filter((r) => r.deploymentId === DEPLOYMENT.retryTimer).length;
  const failed = runs.filter((r) => r.status !== 'COMPLETE').length;
  return { wait, drainMs, drainedAfter, perRun, workerRuns, timerRuns, failed };
}

/** Delivered in the outbox, and received by the receiver once, twice or not at all. */
function countArrivals(sb: BenchSandbox): Arrivals {
  const { account, receiver } = sb;
  const after = account.customRecords(DELIVERY_RECORD);
  const delivered = after.filter((r) => r[DELIVERY_FIELD.status] === DELIVERY_STATUS.delivered).length;
  const eventIds = new Set(after.map((r) => String(r[DELIVERY_FIELD.eventId])));
  const arrived = [...receiver.received.entries()];
  const twice = arrived.filter(([, n]) => n > 1).length;
  const lost = [...eventIds].filter((id) => !receiver.received.has(id)).length;
  return { delivered, received: arrived.length - twice, twice, lost, unsigned: receiver.unsigned };
}

/** Each measure beside its bound, or beside the worker as it was before this change. */
function retryRows(backlog: number, d: Drain, a: Arrivals): string[][] {
  const bound = SCHEDULED_LIMIT / (POST_UNITS + WRITE_UNITS);
  const full = reachable(POST_UNITS + WRITE_UNITS, SETUP_UNITS, RESUBMIT_UNITS);
  const oldFull = reachable(OLD.delivery, OLD.setup, OLD.reserve);
  const oldRuns = Math.ceil(backlog / oldFull);
  return [
    [
      'units per delivery, as charged',
      fmt(unitsPerDelivery(d.workerRuns, d.perRun), 2),
      `${POST_UNITS + WRITE_UNITS} = https.post ${POST_UNITS} + one write ${WRITE_UNITS} (a body over 4,000 bytes adds a load, 2); before: ${OLD.delivery}`,
    ],
    [
      'deliveries per execution, each worker run',
      d.perRun.join(', '),
      `${full} per full run after setup ${SETUP_UNITS} and restart ${RESUBMIT_UNITS}; bound ${fmt(bound, 1)} = 10,000 ÷ 12; before: ${oldFull}`,
    ],
    ['units used per execution (max)', fmt(Math.max(...d.workerRuns.map((e) => e.usage))), `≤ ${fmt(SCHEDULED_LIMIT)}`],
    [
      'executions to drain',
      `${d.workerRuns.length} worker + ${d.timerRuns} timer`,
      `⌈${fmt(backlog)} ÷ ${full}⌉ = ${Math.ceil(backlog / full)}; ${d.failed} failed`,
    ],
    [
      'time to drain, account clock',
      `${fmt(d.drainedAfter / 60_000, 1)} min after queuing: ${SLOT_MINUTES} min to the timer's slot, then ${fmt((d.drainedAfter - d.wait) / 1000, 1)} s of worker runs back to back`,
      `before: the Scheduled deployment's own resubmits start nothing (section_460871520995), so ${oldRuns} runs, one per ${SLOT_MINUTES}-min slot: ${oldRuns * SLOT_MINUTES} min`,
    ],
    [
      'worker runs, wall time here',
      `${fmt(d.drainMs / 1000, 1)} s`,
      `${fmt((d.drainMs / backlog) * 1000, 0)} µs per delivery (loopback receiver); in NetSuite each run lasts as long as its POSTs take`,
    ],
    [
      'delivered (status in the outbox)',
      `${fmt(a.delivered)} of ${fmt(backlog)}`,
      a.delivered === backlog ? 'all' : 'MISSING',
    ],
    [
      'received exactly once, signature verified',
      `${fmt(a.received)} event ids`,
      `lost ${a.lost}, sent twice ${a.twice}, bad signature ${a.unsigned}`,
    ],
  ];
}

function retryTable(backlog: number, queueMs: number, d: Drain, a: Arrivals): Table {
  return {
    title: `2. Retry throughput (${fmt(backlog)} due deliveries, 10,000 units per execution, timer + worker deployments)`,
    head: ['measure', 'value', 'bound or comparison'],
    rows: retryRows(backlog, d, a),
    notes: [
      `Backlog queued by the bundle's user event (CSV import, outbox mode) in ${fmt(queueMs / 1000, 1)} s, then the account clock moved to the timer's next slot (${DEPLOYMENT.retryTimer}, Scheduled); the timer started ${DEPLOYMENT.retryWorker} (Not Scheduled), which sent and started itself again until nothing was due. Receiver on loopback HTTPS answering 200.`,
      "Deliveries per execution are the worker's own audit log line per run; units are what the sandbox charged; delivered/received counts come from the outbox records and the receiver.",
      "The account clock is real time plus the advances: the worker runs' share is this machine's time with a loopback receiver; in a real account each run lasts as long as its POSTs take (up to 45 s each when a receiver hangs).",
    ],
  };
}

export async function retryBench(backlog: number): Promise<Table> {
  const sb = await startSandbox({ params: { [PARAM.deliveryMode]: 'outbox' }, workers: 2 });
  const { account } = sb;
  try {
    const queueMs = await queueBacklog(account, backlog);
    expectPending(account, backlog);
    const drain = await drainBacklog(account);
    return retryTable(backlog, queueMs, drain, countArrivals(sb));
  } finally {
    await sb.close();
  }
}

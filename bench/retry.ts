/**
 * Item 2, scheduled retry throughput: a backlog of due deliveries (queued by the bundle's own user
 * event in outbox mode), drained by the bundle's scheduled script in the sandbox at 10,000 units per
 * execution. Deliveries per execution against the bound 10,000 ÷ units per delivery, the number of
 * executions, the time to drain, and a check that every event arrived exactly once.
 */
import { DELIVERY_FIELD, DELIVERY_RECORD, DELIVERY_STATUS, PARAM, type CanonicalRecord } from '../lib/core';
import { CSV, RETRY_SCRIPT, startSandbox } from './sandbox';
import { fmt, type Table } from './table';

/** The retry script's own constants (lib/suitescript/entries/retry-ss.ts), restated: the bound is computed from them. */
const SCHEDULED_LIMIT = 10_000;
const SETUP_UNITS = 25; // deployment search 10 + load 5 + pending search 10
const DELIVERY_UNITS = 17; // load 2 + claim 2 + read-back 1 + https.post 10 + result 2
const RESUBMIT_UNITS = 20;
const RESERVE_UNITS = 30;
const SCHEDULE_MINUTES = 15; // the deployment's recurrence in src/Objects

const ATTEMPTED = /^(\d+) of (\d+) pending deliveries attempted/;

export async function retryBench(backlog: number): Promise<Table> {
  const sb = await startSandbox({ params: { [PARAM.deliveryMode]: 'outbox' }, workers: 2 });
  const { account, receiver } = sb;
  try {
    // The backlog: employees created by a CSV import, each queued by the user event (6 units, no post).
    const t0 = performance.now();
    const writes: Promise<string>[] = [];
    for (let i = 0; i < backlog; i++) {
      const values: CanonicalRecord = { firstName: 'Queued', lastName: `Employee ${i}`, email: `queued.${i}@example.com`, subsidiary: { id: '1', refName: null } };
      writes.push(account.createEmployee({ values, replaceRoles: true }, CSV));
      if (writes.length >= 64) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    const queueMs = performance.now() - t0;
    const queued = account.customRecords(DELIVERY_RECORD);
    const pending = queued.filter((r) => r[DELIVERY_FIELD.status] === DELIVERY_STATUS.pending).length;
    if (pending !== backlog) throw new Error(`expected ${backlog} pending deliveries, found ${pending}`);

    const logsBefore = account.logs({ script: RETRY_SCRIPT }).length;
    const clockStart = account.clock.now();
    const w0 = performance.now();
    const runs = await account.runScheduled(RETRY_SCRIPT);
    const drainMs = performance.now() - w0;
    const simulatedMs = account.clock.now() - clockStart;

    const perRun = account
      .logs({ script: RETRY_SCRIPT })
      .slice(logsBefore)
      .map((e) => ATTEMPTED.exec(e.details))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
    const failedRuns = runs.filter((r) => r.status !== 'COMPLETE');
    const after = account.customRecords(DELIVERY_RECORD);
    const delivered = after.filter((r) => r[DELIVERY_FIELD.status] === DELIVERY_STATUS.delivered).length;
    const eventIds = new Set(after.map((r) => String(r[DELIVERY_FIELD.eventId])));
    const arrived = [...receiver.received.entries()];
    const twice = arrived.filter(([, n]) => n > 1).length;
    const lost = [...eventIds].filter((id) => !receiver.received.has(id)).length;
    const strangers = arrived.filter(([id]) => !eventIds.has(id)).length;

    const bound = SCHEDULED_LIMIT / DELIVERY_UNITS;
    // The script starts a delivery while at least DELIVERY + RESERVE units remain after its setup.
    const reachable = Math.floor((SCHEDULED_LIMIT - SETUP_UNITS - DELIVERY_UNITS - RESERVE_UNITS) / DELIVERY_UNITS) + 1;
    const full = perRun.slice(0, -1);
    const perFull = full.length ? full.reduce((a, b) => a + b, 0) / full.length : perRun[0] ?? 0;
    const maxUsage = Math.max(...runs.map((r) => r.usage));
    // Units per delivery as charged: a full run's usage less its setup and resubmission, per delivery sent.
    const perDelivery = runs.length > 1 && perRun[0] ? (runs[0]!.usage - SETUP_UNITS - RESUBMIT_UNITS) / perRun[0] : NaN;
    return {
      title: `2. Scheduled retry throughput (${fmt(backlog)} due deliveries, 10,000 units per execution)`,
      head: ['measure', 'value', 'bound or check'],
      rows: [
        ['deliveries per full execution', `${fmt(perFull, 1)} (${fmt((100 * perFull) / bound, 1)}% of the bound)`, `${fmt(bound, 1)} = 10,000 ÷ ${DELIVERY_UNITS} units; ${reachable} after setup ${SETUP_UNITS} and reserve ${RESERVE_UNITS}`],
        ['deliveries per execution, each run', perRun.join(', '), `sum ${fmt(perRun.reduce((a, b) => a + b, 0))}`],
        ['units used per execution (max)', fmt(maxUsage), `≤ ${fmt(SCHEDULED_LIMIT)}; resubmit ${RESUBMIT_UNITS} included`],
        ['units per delivery, as charged', Number.isFinite(perDelivery) ? fmt(perDelivery, 2) : '—', `${DELIVERY_UNITS} (load 2 + claim 2 + read-back 1 + https.post 10 + result 2)`],
        ['executions to drain', String(runs.length), `⌈${fmt(backlog)} ÷ ${reachable}⌉ = ${Math.ceil(backlog / reachable)}; ${failedRuns.length} failed`],
        ['time to drain (self-resubmitted, back to back)', `${fmt(drainMs / 1000, 1)} s wall, ${fmt(simulatedMs / 1000, 1)} s account clock`, `${fmt((drainMs / backlog) * 1000, 0)} µs per delivery`],
        ['time to drain on the 15-minute schedule alone', `${fmt(runs.length * SCHEDULE_MINUTES)} min`, `if resubmission were refused: ${runs.length} × ${SCHEDULE_MINUTES} min`],
        ['delivered (status in the outbox)', `${fmt(delivered)} of ${fmt(backlog)}`, delivered === backlog ? 'all' : 'MISSING'],
        ['received exactly once, signature verified', `${fmt(arrived.length - twice)} event ids`, `lost ${lost}, sent twice ${twice}, unknown ${strangers}, bad signature ${receiver.unsigned}`],
      ],
      notes: [
        `Backlog queued by the bundle's user event (CSV import, outbox mode) in ${fmt(queueMs / 1000, 1)} s; drained by customscript_suitehooks_retry_ss in the sandbox, receiver on loopback HTTPS answering 200.`,
        'Deliveries per execution are the script\'s own audit log line per run; delivered/received counts come from the outbox records and the receiver.',
      ],
    };
  } finally {
    await sb.close();
  }
}

/**
 * Item 5, the client under governance: the same employee lifecycle workload (create, update, set roles,
 * deactivate with read-back, delete: 5 operations, 6 requests per employee) through the suitehooks
 * client and through the peer `netsuite-rest` package (TBA, used as its README shows), against one
 * sandbox REST server with NetSuite's concurrency limit and a fixed added latency per request — first
 * with the bundle undeployed (the server adds little but its latency), then running the bundle's user
 * event on every write. The callers run in their own process (lifecycle-child.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { startRestServer, type RestServer } from '../lib/sandbox/rest/server';
import { createDevCredentials } from '../lib/sandbox/rest/credentials';
import { countingAccount, duplicates, type CountingAccount } from './counting-account';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import type { CallerAnswer, CallerJob } from './lifecycle-child';
import { OPS_PER_EMPLOYEE, REQUESTS_PER_EMPLOYEE, type CallerReport, type DriverKind } from './lifecycle-drivers';
import { startSandbox } from './sandbox';
import { fmt, type Table } from './table';

export interface LifecycleResult {
  label: string;
  lanes: number;
  ops: number;
  okOps: number;
  failedOps: number;
  /** Operations not tried because the employee's create failed. */
  skippedOps: number;
  requests429: number;
  duplicates: number;
  /** Employees created in the account whose create the caller saw fail: it never learnt their id. */
  orphans: number;
  /** Create responses the fault proxy cut (0 without it). */
  cut: number;
  elapsedMs: number;
  /** Requests of the operations that succeeded (each successful operation's own requests). */
  okRequests: number;
  /** The callers' process CPU during the row: the library's own cost. */
  cpuMicros: number;
  errors: Map<string, number>;
}

/** The callers' process: one job at a time. */
class Callers {
  private readonly child: ChildProcess = fork(path.join(__dirname, 'lifecycle-child.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  run(job: CallerJob): Promise<CallerReport> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the callers' process exited with ${code}`));
      this.child.once('exit', exited);
      this.child.once('message', (m: CallerAnswer) => {
        this.child.off('exit', exited);
        if (m.ok) resolve(m.report);
        else reject(new Error(m.error));
      });
      this.child.send(job);
    });
  }

  close(): void {
    this.child.disconnect();
  }
}

/** One sandbox and one REST server in front of it, shared by the peers of a set of rows. */
interface Bench {
  server: RestServer;
  counts: CountingAccount;
  accountId: string;
  dev: ReturnType<typeof createDevCredentials>;
  callers: Callers;
}

/** One row: the callers' report with what the account saw (429s, duplicate creates, orphans). */
async function measure(
  b: Bench,
  label: string,
  job: Omit<CallerJob, 'accountId' | 'creds'>,
  proxy?: FaultProxy,
): Promise<LifecycleResult> {
  const cutBefore = proxy?.cut() ?? 0;
  b.counts.reset();
  const rejectedBefore = b.server.rejectedByConcurrency();
  const r = await b.callers.run({ ...job, accountId: b.accountId, creds: b.dev.client });
  const known = new Set(r.known);
  return {
    label,
    lanes: job.lanes,
    ops: job.employees * OPS_PER_EMPLOYEE,
    okOps: r.okOps,
    failedOps: r.failedOps,
    skippedOps: r.skippedOps,
    requests429: b.server.rejectedByConcurrency() - rejectedBefore,
    duplicates: duplicates(b.counts, job.prefix),
    orphans: [...b.counts.createsByExternalId.keys()].filter((eid) => eid.startsWith(job.prefix) && !known.has(eid))
      .length,
    cut: (proxy?.cut() ?? 0) - cutBefore,
    elapsedMs: r.elapsedMs,
    okRequests: r.okRequests,
    cpuMicros: r.cpuMicros,
    errors: new Map(r.errors),
  };
}

export interface LifecycleBenchOptions {
  employees: number;
  latencyMs: number;
  limit: number;
  /** Concurrent callers the workload runs on (each row is run at each of these). */
  lanes: number[];
  /** Share of create responses cut after the write, for the extra fault rows (0: no fault rows). */
  faultShare: number;
}

async function withBench<T>(
  o: LifecycleBenchOptions,
  withoutBundle: boolean,
  fn: (b: Bench) => Promise<T>,
): Promise<T> {
  const sb = await startSandbox({ workers: 2, withoutBundle });
  const counts = countingAccount(sb.account);
  const dev = createDevCredentials();
  const server = await startRestServer(counts.account, {
    concurrencyLimit: o.limit,
    latencyMs: o.latencyMs,
    credentials: dev.registry,
  });
  const callers = new Callers();
  try {
    return await fn({ server, counts, accountId: sb.account.accountId, dev, callers });
  } finally {
    callers.close();
    await server.close();
    await sb.close();
  }
}

let runs = 0;

/** Several runs of one row as one: counts and wall times add up, so the rate is over all of them. */
function combined(parts: LifecycleResult[]): LifecycleResult {
  const sum = (f: (r: LifecycleResult) => number) => parts.reduce((n, r) => n + f(r), 0);
  const errors = new Map<string, number>();
  for (const r of parts) for (const [k, n] of r.errors) errors.set(k, (errors.get(k) ?? 0) + n);
  const elapsedMs = sum((r) => r.elapsedMs);
  return {
    ...parts[0]!,
    ops: sum((r) => r.ops),
    okOps: sum((r) => r.okOps),
    failedOps: sum((r) => r.failedOps),
    skippedOps: sum((r) => r.skippedOps),
    requests429: sum((r) => r.requests429),
    duplicates: sum((r) => r.duplicates),
    orphans: sum((r) => r.orphans),
    cut: sum((r) => r.cut),
    elapsedMs,
    okRequests: sum((r) => r.okRequests),
    cpuMicros: sum((r) => r.cpuMicros),
    errors,
  };
}

const ROUNDS = 3;

const PEERS: [DriverKind, string][] = [
  ['m2m', 'suitehooks client (M2M)'],
  ['tba', 'suitehooks client (TBA)'],
  ['netsuite-rest', 'netsuite-rest 1.0.9 (TBA)'],
];

/**
 * The client (M2M and TBA) and the peer at each number of callers, against one account. Each row's
 * employees are split into rounds run in turn with its peers' (client, client, peer, client, …), so a
 * drift of the machine or the sandbox during the set weighs on every peer alike.
 */
async function peerRows(o: LifecycleBenchOptions, b: Bench, note: string): Promise<LifecycleResult[]> {
  const job = (kind: DriverKind, employees: number, lanes: number) => ({
    kind,
    url: b.server.url,
    limit: o.limit,
    employees,
    lanes,
    prefix: `R${runs++}-`,
  });
  // Warm-up, not reported: JIT, connections, the token and the sandbox's caches, for every peer alike.
  for (const [kind] of PEERS) await measure(b, 'warm-up', job(kind, Math.min(40, o.employees), o.lanes[0]!));
  const results: LifecycleResult[] = [];
  for (const lanes of o.lanes) {
    const parts = PEERS.map((): LifecycleResult[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      const employees = Math.floor(o.employees / ROUNDS) + (round < o.employees % ROUNDS ? 1 : 0);
      for (const [i, [kind, label]] of PEERS.entries())
        parts[i]!.push(await measure(b, `${label}${note}`, job(kind, employees, lanes)));
    }
    results.push(...parts.map(combined));
  }
  return results;
}

/** The same workload through a proxy that cuts a share of create responses after the write happened. */
async function faultRows(o: LifecycleBenchOptions, b: Bench): Promise<LifecycleResult[]> {
  const proxy = await startFaultProxy(b.server.url, o.faultShare);
  try {
    const label = `${fmt(o.faultShare * 100)}% create responses cut`;
    const job = (kind: DriverKind) => ({
      kind,
      url: proxy.url,
      limit: o.limit,
      employees: o.employees,
      lanes: o.lanes[0]!,
      prefix: `F${runs++}-`,
    });
    return [
      await measure(b, `suitehooks client (M2M), ${label}`, job('m2m'), proxy),
      await measure(b, `netsuite-rest 1.0.9 (TBA), ${label}`, job('netsuite-rest'), proxy),
    ];
  } finally {
    await proxy.close();
  }
}

/**
 * Rows against a sandbox without the bundle (the server adds only its configured latency, so the
 * client's own overhead shows), then against one running the bundle's user event on every write, then
 * the fault rows. Peers of a set share one sandbox and one REST server, so they see the same account.
 */
export async function lifecycleBench(o: LifecycleBenchOptions): Promise<Table> {
  const results = [
    ...(await withBench(o, true, (b) => peerRows(o, b, ', bundle undeployed'))),
    ...(await withBench(o, false, async (b) => [
      ...(await peerRows(o, b, '')),
      ...(o.faultShare > 0 ? await faultRows(o, b) : []),
    ])),
  ];
  const ideal = o.limit / (o.latencyMs / 1000);
  const rate = (r: LifecycleResult) => r.okRequests / (r.elapsedMs / 1000);
  const errorNotes = results
    .filter((r) => r.errors.size > 0)
    .map((r) => `${r.label}, ${r.lanes} callers: ${[...r.errors.entries()].map(([k, n]) => `${n} × ${k}`).join('; ')}`);
  return {
    title: `5. Client under governance (${fmt(o.employees * OPS_PER_EMPLOYEE)} lifecycle operations, concurrency limit ${o.limit}, +${o.latencyMs} ms per request)`,
    head: [
      'library',
      'callers',
      'requests/s',
      'of ideal',
      'caller CPU per request',
      '429s seen',
      'ops done',
      'ops failed',
      'ops skipped',
      'duplicates',
      'orphans',
      'wall',
    ],
    rows: results.map((r) => [
      r.label,
      r.lanes,
      fmt(rate(r), 1),
      `${fmt((100 * rate(r)) / ideal, 1)}%`,
      `${fmt(r.cpuMicros / Math.max(1, r.okRequests))} µs`,
      fmt(r.requests429),
      `${fmt(r.okOps)} of ${fmt(r.ops)}`,
      fmt(r.failedOps),
      fmt(r.skippedOps),
      fmt(r.duplicates),
      r.cut ? `${fmt(r.orphans)} (${fmt(r.cut)} cut)` : fmt(r.orphans),
      `${fmt(r.elapsedMs / 1000, 1)} s`,
    ]),
    notes: [
      `Ideal = limit ÷ latency = ${o.limit} ÷ ${o.latencyMs} ms = ${fmt(ideal)} requests/s; requests/s counts the requests of operations that succeeded (${REQUESTS_PER_EMPLOYEE} per employee: create, update, set roles, deactivate + read-back, delete). Caller CPU per request: the callers' process CPU time (user + system) over those requests — the library's own cost, independent of the server.`,
      `${fmt(o.employees)} employees per row (in ${ROUNDS} rounds taken in turn with the row's peers, after an unreported warm-up), ${OPS_PER_EMPLOYEE} operations each, run by N concurrent callers (a batch job) in a process of their own, apart from the sandbox. "Bundle undeployed": the sandbox runs no script, so each request costs the configured latency and little else — what is left of the gap to the ideal is the client's own overhead. Other rows: every write fires the bundle's user event in the sandbox.`,
      '429s are counted by the sandbox REST server; duplicates are creates the account saw more than once for one external id; orphans are employees created whose create the caller saw fail (it never learnt the id); skipped = steps after a failed create.',
      ...(o.faultShare > 0
        ? [
            `Fault rows: an HTTP proxy lets ${fmt(o.faultShare * 100)}% of successful create responses go unanswered (connection cut after the write). The client finishes such a create with an idempotent upsert by external id; netsuite-rest (got does not retry POST) reports a failure although the employee exists.`,
          ]
        : []),
      'netsuite-rest is used as its README shows (request() per call, TBA, no limiter or retry code of our own); got retries only GET/PUT/DELETE on 429 (twice), so a POST or PATCH that hits the limit fails. Its responses have no `headers` on Node ≥ 16 (the package spreads the response object): the new id is read from rawHeaders.',
      ...(errorNotes.length ? [`Failures: ${errorNotes.join(' | ')}`] : []),
    ],
  };
}

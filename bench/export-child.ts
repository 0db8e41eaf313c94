/**
 * Item 6's client process: exports every employee through the client's iterator (SuiteQL with key
 * paging past 100,000 rows) and reports rows, time and sampled peak memory to the parent. A separate
 * process, so the sandbox and its REST server (in the parent) do not count in the client's memory.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createClient, Secret } from '../lib/client';
import type { DevClientCredentials } from '../lib/sandbox/rest/credentials';

export interface ExportRequest {
  url: string;
  accountId: string;
  creds: DevClientCredentials;
  concurrency: number;
}

export interface ExportReport {
  rows: number;
  ms: number;
  /** Sampled peak of heapUsed + external, and of RSS, in bytes; baseline after a GC before the export. */
  baseline: { heapExternal: number; rss: number };
  peak: { heapExternal: number; rss: number };
  /** heapUsed + external sampled every 10,000 rows (the curve that shows flat memory). */
  curve: number[];
  /** heapUsed + external after a GC once the export finished: what the export kept. */
  retained: number;
  pages: number;
  /** Every id greater than the one before: no row repeated or out of order. */
  ordered: boolean;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function exportAll(req: ExportRequest): Promise<ExportReport> {
  const client = createClient({
    account: req.accountId,
    baseUrl: req.url,
    concurrency: req.concurrency,
    auth: {
      type: 'm2m',
      clientId: req.creds.m2m.clientId,
      certificateId: req.creds.m2m.certificateId,
      privateKey: new Secret(req.creds.m2m.privateKey),
      algorithm: req.creds.m2m.algorithm,
    },
  });
  gc();
  const m0 = process.memoryUsage();
  const baseline = { heapExternal: m0.heapUsed + m0.external, rss: m0.rss };
  const peak = { ...baseline };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapExternal = Math.max(peak.heapExternal, m.heapUsed + m.external);
    peak.rss = Math.max(peak.rss, m.rss);
    return m.heapUsed + m.external;
  };
  const timer = setInterval(sample, 20);
  const curve: number[] = [];
  // Strictly increasing ids prove no row came twice without keeping a set that would grow with the rows.
  let rows = 0;
  let last = -Infinity;
  let ordered = true;
  const started = performance.now();
  for await (const employee of client.employees.list()) {
    const id = Number(employee.id);
    if (id <= last) ordered = false;
    last = id;
    rows++;
    if (rows % 1_000 === 0) sample();
    if (rows % 10_000 === 0) curve.push(sample());
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  gc();
  const m1 = process.memoryUsage();
  return {
    rows,
    ms,
    baseline,
    peak,
    curve,
    retained: m1.heapUsed + m1.external,
    pages: Math.ceil(rows / 1000),
    ordered,
  };
}

process.once('message', (req: ExportRequest) => {
  exportAll(req).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (err: unknown) =>
      process.send!({ ok: false, error: (err as Error)?.message ?? String(err) }, () => process.exit(1)),
  );
});

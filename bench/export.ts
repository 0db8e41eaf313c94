/**
 * Item 6, SuiteQL export: every employee through the client's iterator (`employees.list()`: SuiteQL
 * pages of 1,000, key paging past the 100,000-row ceiling of one query) at 50k, 100k and 150k rows:
 * rows per second and sampled peak memory of the client process, to show memory stays flat.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { startRestServer } from '../lib/sandbox/rest/server';
import { createDevCredentials } from '../lib/sandbox/rest/credentials';
import type { ExportReport, ExportRequest } from './export-child';
import { startSandbox } from './sandbox';
import { fmt, type Table } from './table';

const MB = 1024 * 1024;

function runChild(req: ExportRequest): Promise<ExportReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'export-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m: { ok: boolean; report?: ExportReport; error?: string }) =>
      m.ok ? resolve(m.report!) : reject(new Error(m.error)),
    );
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`export process exited with ${code}`)));
    child.send(req);
  });
}

export async function exportBench(sizes: number[], latencyMs: number): Promise<Table> {
  const sb = await startSandbox({ workers: 1 });
  const dev = createDevCredentials();
  const server = await startRestServer(sb.account, { concurrencyLimit: 5, latencyMs, credentials: dev.registry });
  const rows: (string | number)[][] = [];
  try {
    const existing = sb.account.listEmployees(1, 0).totalResults;
    let total = existing;
    for (const size of sizes) {
      sb.account.seedEmployees(size - total);
      total = size;
      const r = await runChild({ url: server.url, accountId: sb.account.accountId, creds: dev.client, concurrency: 5 });
      rows.push([
        fmt(r.rows),
        fmt(r.rows / (r.ms / 1000)),
        `${fmt(r.ms / 1000, 1)} s`,
        fmt(r.baseline.heapExternal / MB, 1),
        fmt(r.peak.heapExternal / MB, 1),
        fmt(r.retained / MB, 1),
        fmt(r.peak.rss / MB, 0),
        r.rows === size && r.ordered
          ? 'yes'
          : `NO (${fmt(r.rows)} rows of ${fmt(size)}${r.ordered ? '' : ', out of order'})`,
      ]);
    }
  } finally {
    await server.close();
    await sb.close();
  }
  return {
    title: `6. SuiteQL export through the client iterator (pages of 1,000, key paging past 100,000 rows${latencyMs ? `, +${latencyMs} ms per request` : ''})`,
    head: [
      'employees',
      'rows/s',
      'time',
      'heap+ext before (MB)',
      'peak heap+ext (MB)',
      'heap+ext after, post-GC (MB)',
      'peak RSS (MB)',
      'every row once',
    ],
    rows,
    notes: [
      'Client in its own process (the sandbox and REST server run in the parent); heap+ext = process.memoryUsage() heapUsed + external, sampled every 20 ms and every 1,000 rows; before/after are after a forced GC. Check: row count equals the employees seeded and ids strictly increase (no row repeated).',
      'Rows are canonical employee records (all standard fields, refs with names via BUILTIN.DF) built from each SuiteQL row; employees bulk-seeded into the sandbox.',
    ],
  };
}

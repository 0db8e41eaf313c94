/**
 * `npm run bench`: every benchmark item, one table each, printed as it finishes. Figures come from this
 * run only; nothing is asserted. An item whose dependency is missing prints "not available: <reason>"
 * and the others still run. BENCH_QUICK=1 shrinks every workload for a smoke run.
 */
import * as os from 'node:os';
import { emitterBench } from './emitter';
import { bundleLoadBench, bundleTable } from './bundle';
import { governanceBench } from './governance';
import { retryBench } from './retry';
import { lifecycleBench } from './lifecycle';
import { exportBench } from './export';
import { renderTable, unavailable, type Table } from './table';

interface Item {
  title: string;
  run(quick: boolean): Promise<Table | Table[]>;
}

const ITEMS: Item[] = [
  { title: '1. Governance units per event', run: () => governanceBench() },
  { title: '2. Scheduled retry throughput', run: (quick) => retryBench(quick ? 1_200 : 5_000) },
  { title: '3a. Bundle: built entry files', run: async () => bundleTable() },
  { title: '3b. Bundle: load and run', run: (quick) => bundleLoadBench(quick) },
  { title: '4. Emitter CPU per event', run: (quick) => emitterBench(quick) },
  {
    title: '5. Client under governance',
    run: (quick) => lifecycleBench({ employees: quick ? 60 : 400, latencyMs: 50, limit: 5, lanes: [5, 10] }),
  },
  { title: '6. SuiteQL export', run: (quick) => exportBench(quick ? [5_000, 10_000] : [50_000, 100_000, 150_000], 0) },
];

function reasonOf(err: unknown): string {
  const e = err as Error;
  return (e?.message ?? String(err)).split('\n')[0]!.slice(0, 200);
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const only = process.argv.slice(2);
  const started = Date.now();
  console.log(`# suitehooks benchmarks${quick ? ' (BENCH_QUICK=1: reduced workloads)' : ''}`);
  console.log(`\n${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'} · ${os.platform()} ${os.arch()}\n`);
  for (const item of ITEMS) {
    if (only.length && !only.some((o) => item.title.startsWith(o))) continue;
    const t0 = Date.now();
    let tables: Table[];
    try {
      const result = await item.run(quick);
      tables = Array.isArray(result) ? result : [result];
    } catch (err) {
      tables = [unavailable(item.title, reasonOf(err))];
      if (process.env.BENCH_DEBUG) console.error(err);
    }
    for (const t of tables) console.log(renderTable(t));
    console.log(`(${item.title.split(' ')[0]} took ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  console.log(`Total wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

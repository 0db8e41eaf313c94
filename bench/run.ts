/**
 * `npm run bench`: every benchmark item, one table each, printed as it finishes. Figures come from this
 * run only; nothing is asserted. An item whose dependency is missing or broken prints "not available:
 * <reason>" and the others still run (items are imported lazily for that reason).
 *
 *   npm run bench                         all items, full workloads (about 8 minutes on 2 cores)
 *   node dist/bench/run.js 2. 5.          only the items whose title starts so
 *   node dist/bench/run.js --results F    also write the printed tables to F (bench/RESULTS.md)
 *   BENCH_QUICK=1                         reduced workloads, for a smoke run
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { renderTable, unavailable, type Table } from './table';

interface Item {
  title: string;
  run(quick: boolean): Promise<Table | Table[]>;
}

const ITEMS: Item[] = [
  { title: '1. Governance units per event', run: async () => (await import('./governance')).governanceBench() },
  {
    title: '2. Scheduled retry throughput',
    run: async (quick) => (await import('./retry')).retryBench(quick ? 1_200 : 5_000),
  },
  { title: '3a. Bundle: built entry files', run: async () => (await import('./bundle')).bundleTable() },
  { title: '3b. Bundle: load and run', run: async (quick) => (await import('./bundle')).bundleLoadBench(quick) },
  { title: '4. Emitter CPU per event', run: async (quick) => (await import('./emitter')).emitterBench(quick) },
  {
    title: '5. Client under governance',
    run: async (quick) =>
      (await import('./lifecycle')).lifecycleBench({
        employees: quick ? 60 : 400,
        latencyMs: 50,
        limit: 5,
        lanes: [5, 10],
        faultShare: 0.05,
      }),
  },
  {
    title: '6. SuiteQL export',
    run: async (quick) =>
      (await import('./export')).exportBench(quick ? [5_000, 10_000] : [50_000, 100_000, 150_000], 0),
  },
  {
    title: '7. Console governance',
    run: async (quick) => (await import('./console')).consoleBench(quick ? 2_000 : 10_000),
  },
  { title: '8a. Saves while the receiver hangs', run: async () => (await import('./outage')).savesTable() },
  {
    title: '8b. Retry worker against slow receivers',
    run: async (quick) => (await import('./outage')).workerTable(quick),
  },
  { title: '9. Fan-out', run: async (quick) => (await import('./fan-out')).fanOutBench(quick) },
  { title: '10a. Mirror: events', run: async (quick) => (await import('./mirror')).mirrorEventsBench(quick) },
  {
    title: '10b. Mirror reconcile',
    run: async (quick) =>
      (await import('./mirror')).mirrorReconcileBench(quick ? [5_000, 10_000] : [50_000, 100_000, 150_000]),
  },
];

function reasonOf(err: unknown): string {
  const e = err as Error;
  return (e?.message ?? String(err)).split('\n')[0]!.slice(0, 200);
}

function parseArgs(argv: string[]): { only: string[]; results: string | null } {
  const only: string[] = [];
  let results: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--results') results = argv[++i] ?? null;
    else only.push(argv[i]!);
  }
  return { only, results };
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const { only, results } = parseArgs(process.argv.slice(2));
  const out: string[] = [];
  const print = (text: string) => {
    console.log(text);
    out.push(text);
  };
  const started = Date.now();
  const cpus = os.cpus();
  print(`# suitehooks benchmarks${quick ? ' (BENCH_QUICK=1: reduced workloads)' : ''}\n`);
  print(
    `${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · ${os.platform()} ${os.arch()}\n`,
  );
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
    for (const t of tables) print(renderTable(t));
    print(`(${item.title.split(' ')[0]} took ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  print(`Total wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (results) {
    const preamble = [
      '<!-- Written by `node dist/bench/run.js --results bench/RESULTS.md` (npm run bench -- --results bench/RESULTS.md); do not edit by hand. -->',
      '',
      'Reproduce: `npm run bench` (builds, then runs every item and prints these tables). Timings depend on the machine and',
      'its load; governance units, counts and checks are deterministic. Nothing here is asserted by tests.',
      '',
    ];
    fs.writeFileSync(results, [...preamble, ...out].join('\n') + '\n');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

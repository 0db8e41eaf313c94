/**
 * Item 3, the bundle: bytes of each built entry file (what NetSuite loads on every execution) and, in
 * the sandbox's isolated context, the time to load the file and run a no-change edit, as a ratio to an
 * empty user event loaded and run the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startSandbox, UI, type ExtraScript, type SandboxOptions } from './sandbox';
import { fmt, median, type Cell, type Table } from './table';

export const BUNDLE_DIR = path.join(__dirname, '..', '..', 'src', 'FileCabinet', 'SuiteScripts', 'suitehooks');

export function bundleBytes(): { file: string; bytes: number; gzip: number; lines: number }[] {
  return fs
    .readdirSync(BUNDLE_DIR)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(BUNDLE_DIR, file));
      return { file, bytes: text.length, gzip: gzipSync(text).length, lines: text.toString('utf8').split('\n').length };
    });
}

export function bundleTable(): Table {
  const files = bundleBytes();
  const rows: Cell[][] = files.map((f) => [f.file, fmt(f.bytes), fmt(f.gzip), fmt(f.lines)]);
  return {
    title: '3a. Bundle: built entry files',
    head: ['file', 'bytes', 'gzip bytes', 'lines'],
    rows,
    notes: [
      `Built by npm run build:bundle into ${path.relative(process.cwd(), BUNDLE_DIR) || BUNDLE_DIR}; NetSuite loads the whole file on each execution.`,
    ],
  };
}

export const EMPTY_UE: ExtraScript = {
  id: 'customscript_bench_empty_ue',
  file: 'empty_ue.js',
  source: `/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
define([], function () {
  function afterSubmit(context) {}
  return { afterSubmit: afterSubmit };
});
`,
};

/** A sandbox with one employee, and a timed batch of no-change edits of it. */
async function editProbe(
  options: SandboxOptions,
): Promise<{ batch(edits: number): Promise<number>; close(): Promise<void> }> {
  const sb = await startSandbox({ ...options, workers: 1 });
  const id = await sb.account.createEmployee(
    { values: { firstName: 'Load', lastName: 'Probe', subsidiary: { id: '1', refName: null } }, replaceRoles: true },
    UI,
  );
  return {
    async batch(edits) {
      const t0 = performance.now();
      for (let i = 0; i < edits; i++) await sb.account.updateEmployee(id, { values: {} }, UI, 'edit');
      const ms = (performance.now() - t0) / edits;
      const failed = sb.account.executions().filter((e) => !e.ok);
      if (failed.length) throw new Error(`${failed[0]!.script}: ${failed[0]!.error}`);
      return ms;
    },
    close: () => sb.close(),
  };
}

/**
 * Load + run of a no-change edit in the sandbox's isolated context (a fresh vm context per execution,
 * as NetSuite loads the file per execution): each write's time minus the same write with no user
 * event deployed, for the bundle and for an empty user event.
 */
export async function bundleLoadBench(quick: boolean): Promise<Table> {
  const edits = quick ? 40 : 200;
  const probes = [
    await editProbe({ withoutBundle: true }),
    await editProbe({ withoutBundle: true, extra: [EMPTY_UE] }),
    await editProbe({}),
  ];
  const samples: number[][] = probes.map(() => []);
  try {
    for (const p of probes) await p.batch(edits); // warm-up: JIT, statement caches
    // Batches interleaved across the three sandboxes, so a busy moment on the machine hits all three alike.
    for (let round = 0; round < 5; round++)
      for (let i = 0; i < probes.length; i++) samples[i]!.push(await probes[i]!.batch(edits));
  } finally {
    for (const p of probes) await p.close();
  }
  const [none, empty, bundle] = samples.map(median) as [number, number, number];
  const ms = (x: number) => fmt(x, 3);
  return {
    title: '3b. Bundle: load and run a no-change edit in the sandbox (per write)',
    head: ['deployed on EMPLOYEE', 'ms per edit', 'ms over no script', 'ratio to empty user event'],
    rows: [
      ['no user event (the write itself)', ms(none), '—', '—'],
      ['empty user event (afterSubmit does nothing)', ms(empty), ms(empty - none), '1.0×'],
      [
        'suitehooks_employee_ue.js (config, read, diff: nothing to send)',
        ms(bundle),
        ms(bundle - none),
        `${fmt((bundle - none) / (empty - none), 1)}×`,
      ],
    ],
    notes: [
      `Median of 5 batches of ${edits} sequential no-change edits through each sandbox account (one script worker), batches interleaved across the three sandboxes, after a warm-up batch.`,
      'The sandbox compiles each file once at deploy and instantiates it in a fresh isolated context per execution (for each of beforeSubmit and afterSubmit), as NetSuite loads the file per execution.',
    ],
  };
}

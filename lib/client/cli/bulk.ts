/** `suitehooks bulk changes.csv`: apply a file of lifecycle changes with a progress bar and a result file. */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBulk, type BulkRow } from '../bulk';
import { makeClient, type GlobalOptions } from './context';
import { InputError, println, type Io } from './io';

export function readBulkFile(file: string): BulkRow[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (/\.jsonl?$/i.test(file) || /^\s*\{/.test(content)) {
    const rows: BulkRow[] = [];
    content.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let values: unknown;
      try {
        values = JSON.parse(line);
      } catch {
        throw new InputError(`${file}:${i + 1}: not a JSON object`);
      }
      if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new InputError(`${file}:${i + 1}: not a JSON object`);
      rows.push({ line: i + 1, values: values as Record<string, unknown> });
    });
    return rows;
  }
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new InputError(`${file}: not valid CSV (${(err as Error).message})`);
  }
  if (records.length > 0 && !('action' in records[0]!)) throw new InputError(`${file}: the header needs an "action" column`);
  // Line 1 is the header.
  return records.map((values, i) => ({ line: i + 2, values }));
}

/** Fingerprints of rows an earlier run finished (from its result file). */
function finished(resultsFile: string): Set<string> {
  const done = new Set<string>();
  if (!fs.existsSync(resultsFile)) return done;
  for (const line of fs.readFileSync(resultsFile, 'utf8').split('\n')) {
    try {
      const r = JSON.parse(line) as { status?: string; fingerprint?: string };
      if (r.status === 'ok' && r.fingerprint) done.add(r.fingerprint);
    } catch {
      // a torn last line from an interrupted run
    }
  }
  return done;
}

export function registerBulk(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('bulk <file>')
    .description('apply a CSV or JSON-lines file of lifecycle changes (columns: action, id or externalId, role, fields…)')
    .option('-r, --results <file>', 'JSON lines, one result per row; rows already ok there are skipped', '<file>.results.jsonl')
    .action(function (this: Command, file: string) {
      return run(async () => {
        const o = this.opts<{ results: string }>();
        const input = path.resolve(io.cwd, file);
        const rows = readBulkFile(input);
        const resultsFile = o.results === '<file>.results.jsonl' ? `${input}.results.jsonl` : path.resolve(io.cwd, o.results);
        const done = finished(resultsFile);
        const client = makeClient(this.optsWithGlobals<GlobalOptions>(), io);
        const out = fs.openSync(resultsFile, 'a');
        const bar = new SingleBar({ stream: io.stderr, format: 'bulk [{bar}] {value}/{total} rows' }, Presets.shades_classic);
        bar.start(rows.length, 0);
        let totals;
        try {
          totals = await runBulk(client, rows, {
            done,
            onResult: (result) => {
              if (result.status !== 'skipped') fs.writeSync(out, `${JSON.stringify(result)}\n`);
              if (result.status === 'error') println(io.stderr, `line ${result.line}: ${result.action || '(no action)'} ${result.key}: ${result.error}`);
              bar.increment();
            },
          });
        } finally {
          bar.stop();
          fs.closeSync(out);
        }
        println(io.stdout, `${totals.ok} ok, ${totals.failed} failed, ${totals.skipped} skipped (done before); results in ${path.relative(io.cwd, resultsFile)}`);
        if (totals.failed > 0) throw new BulkFailed(totals.failed);
      });
    });
}

/** Some rows failed: exit 1, their details are already printed and in the result file. */
export class BulkFailed extends Error {
  constructor(readonly failed: number) {
    super(`${failed} row${failed === 1 ? '' : 's'} failed`);
    this.name = 'BulkFailed';
  }
}

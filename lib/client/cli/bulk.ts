/** `suitehooks bulk changes.csv`: apply a file of lifecycle changes with a progress bar and a result file. */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulkInputProblems } from '../bulk-check';
import { fileIdentity, finishedRows, runMarkerLine } from '../bulk-results';
import { runBulk, type BulkRow, type BulkTotals } from '../bulk';
import { InterruptedError, SuitehooksError } from '../errors';
import { makeClient, type GlobalOptions } from './context';
import { InputError, onInterrupt, println, type Io } from './io';

function parseJsonLines(file: string, content: string): BulkRow[] {
  const rows: BulkRow[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let values: unknown;
    try {
      values = JSON.parse(line);
    } catch {
      throw new InputError(`${file}:${i + 1}: not a JSON object`);
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values))
      throw new InputError(`${file}:${i + 1}: not a JSON object`);
    rows.push({ line: i + 1, values: values as Record<string, unknown> });
  });
  return rows;
}

/** The rows of a CSV or JSON-lines file, and its bytes (which identify it in the results log). */
export function readBulkFile(file: string): { rows: BulkRow[]; content: Buffer } {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const text = content.toString('utf8');
  if (/\.jsonl?$/i.test(file) || /^\s*\{/.test(text)) return { rows: parseJsonLines(file, text), content };
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new InputError(`${file}: not valid CSV (${(err as Error).message})`);
  }
  const header = records[0];
  if (header && !('action' in header)) throw new InputError(`${file}: the header needs an "action" column`);
  // Line 1 is the header.
  return { rows: records.map((values, i) => ({ line: i + 2, values })), content };
}

function summary(totals: BulkTotals, resultsFile: string, io: Io): string {
  const notRun = totals.notRun > 0 ? `, ${totals.notRun} not run (interrupted)` : '';
  return `${totals.ok} ok, ${totals.failed} failed, ${totals.skipped} skipped (done before)${notRun}; results in ${path.relative(io.cwd, resultsFile)}`;
}

export function registerBulk(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('bulk <file>')
    .description(
      'apply a CSV or JSON-lines file of lifecycle changes (columns: action, id or externalId, role, fields…)',
    )
    .option(
      '-r, --results <file>',
      'JSON lines, one result per row; a re-run of the same file skips its rows already ok',
      '<file>.results.jsonl',
    )
    .action(function (this: Command, file: string) {
      return run(async () => {
        const o = this.opts<{ results: string }>();
        const input = path.resolve(io.cwd, file);
        const { rows, content } = readBulkFile(input);
        const problems = bulkInputProblems(rows);
        if (problems.length > 0) throw new InputError(`${file}: refused, nothing was run:\n  ${problems.join('\n  ')}`);
        const resultsFile =
          o.results === '<file>.results.jsonl' ? `${input}.results.jsonl` : path.resolve(io.cwd, o.results);
        const identity = fileIdentity(content);
        const done = finishedRows(fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '', identity);
        const client = makeClient(this.optsWithGlobals<GlobalOptions>(), io);
        const totals = await applyFile(client, rows, { input, identity, done, resultsFile }, io);
        println(io.stdout, summary(totals, resultsFile, io));
        if (totals.notRun > 0)
          throw new InterruptedError(
            `interrupted: ${totals.notRun} row${totals.notRun === 1 ? '' : 's'} not run; run the same command again to do them`,
          );
        if (totals.failed > 0) throw new BulkFailed(totals.failed);
      });
    });
}

/** Runs the rows, one result line each, after a run marker that is on disk before any row starts. */
async function applyFile(
  client: ReturnType<typeof makeClient>,
  rows: BulkRow[],
  run: { input: string; identity: string; done: Set<string>; resultsFile: string },
  io: Io,
): Promise<BulkTotals> {
  const out = fs.openSync(run.resultsFile, 'a');
  const bar = new SingleBar({ stream: io.stderr, format: 'bulk [{bar}] {value}/{total} rows' }, Presets.shades_classic);
  try {
    fs.writeSync(out, runMarkerLine(run.identity, run.input, rows.length));
    fs.fsyncSync(out);
    onInterrupt(io, 'stopping: no new rows; the rows in flight finish and are recorded');
    bar.start(rows.length, 0);
    return await runBulk(client, rows, {
      done: run.done,
      signal: io.signal,
      onResult: (result) => {
        if (result.status !== 'skipped') fs.writeSync(out, `${JSON.stringify(result)}\n`);
        if (result.status === 'error')
          println(io.stderr, `line ${result.line}: ${result.action || '(no action)'} ${result.key}: ${result.error}`);
        bar.increment();
      },
    });
  } finally {
    bar.stop();
    fs.fsyncSync(out);
    fs.closeSync(out);
  }
}

/** Some rows failed: exit 1, their details are already printed and in the result file. */
export class BulkFailed extends SuitehooksError {
  constructor(readonly failed: number) {
    super('BULK_ROWS_FAILED', `${failed} row${failed === 1 ? '' : 's'} failed`);
  }
}

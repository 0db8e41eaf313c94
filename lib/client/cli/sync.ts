/**
 * `suitehooks sync --out employees.jsonl`: full or incremental export as JSON lines with a resumable
 * cursor. Lines are flushed to disk before the cursor that covers them is saved, so a crash repeats
 * rows (at least once) and never loses one. A full export is written beside the output
 * (`<out>.partial`, its cursor in `<out>.partial-cursor.json`) and swapped in only when complete, with
 * its cursor: a failed or interrupted `--full` leaves the previous export and cursor as they were, and
 * running it again resumes it.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NetSuiteClient } from '../client';
import { InterruptedError } from '../errors';
import { parseCursor, type SyncCursor } from '../sync';
import { makeClient, type GlobalOptions } from './context';
import { InputError, onInterrupt, println, type Io } from './io';

function readCursor(file: string, hint: string): SyncCursor | null {
  if (!fs.existsSync(file)) return null;
  try {
    return parseCursor(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    throw new InputError(`cursor file ${file} is unreadable (${(err as Error).message}); ${hint}`);
  }
}

function saveCursor(file: string, cursor: SyncCursor): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(cursor)}\n`);
  fs.renameSync(tmp, file);
}

/** Where this run writes lines and its cursor, and how it finishes. */
interface Target {
  data: string;
  cursor: string;
  start: SyncCursor | null;
  resumed: boolean;
  /** After the last line: a full export replaces the output and the cursor together. */
  complete(): void;
}

function fullTarget(out: string, cursorFile: string): Target {
  const data = `${out}.partial`;
  const cursor = `${out}.partial-cursor.json`;
  const before = fs.existsSync(data) ? readCursor(cursor, `delete it to start the full export over`) : null;
  const resumed = before !== null && before.after !== null;
  if (!resumed) {
    fs.rmSync(cursor, { force: true });
    fs.writeFileSync(data, '');
  }
  return {
    data,
    cursor,
    start: resumed ? before : null,
    resumed,
    complete: () => {
      fs.renameSync(data, out);
      fs.mkdirSync(path.dirname(cursorFile), { recursive: true });
      fs.renameSync(cursor, cursorFile);
    },
  };
}

function incrementalTarget(out: string, cursorFile: string): Target {
  const start = readCursor(cursorFile, 'delete it or run with --full');
  return { data: out, cursor: cursorFile, start, resumed: start !== null, complete: () => undefined };
}

/** Exports into the target; returns the rows written and whether the signal stopped it. */
async function exportInto(
  client: NetSuiteClient,
  target: Target,
  pageSize: number,
  io: Io,
): Promise<{ count: number; stopped: boolean }> {
  const fd = fs.openSync(target.data, 'a');
  const bar = new SingleBar(
    { stream: io.stderr, format: 'sync [{bar}] {value}/{total} employees' },
    Presets.shades_classic,
  );
  let lines: string[] = [];
  let cursor: SyncCursor = target.start ?? { version: 1, after: null };
  let count = 0;
  const flush = () => {
    if (lines.length) fs.writeSync(fd, lines.join(''));
    fs.fsyncSync(fd);
    lines = [];
    saveCursor(target.cursor, cursor);
  };
  try {
    try {
      const onWarning = (message: string) => println(io.stderr, `warning: ${message}`);
      for await (const item of client.sync({ cursor: target.start, pageSize, onWarning })) {
        if (io.signal?.aborted) break;
        if (count === 0) bar.start(item.expected, 0);
        lines.push(`${JSON.stringify(item.record)}\n`);
        cursor = item.cursor;
        bar.update(++count);
        if (lines.length >= pageSize) flush();
      }
    } catch (err) {
      if (!(err instanceof InterruptedError)) throw err; // a retry the stop cut short
    }
    // Also on a stop: what was read is kept with the cursor that covers it.
    flush();
  } finally {
    bar.stop();
    fs.closeSync(fd);
  }
  return { count, stopped: io.signal?.aborted === true };
}

export function registerSync(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('sync')
    .description('export employees changed since the last run (or all with --full) to JSON lines')
    .requiredOption('-o, --out <file>', 'JSON lines file to append to (--full replaces it once complete)')
    .option('--cursor <file>', 'where the position is kept between runs', '.suitehooks/sync-cursor.json')
    .option(
      '--full',
      'export everything into <out>.partial, then swap it in with its cursor (resumes an interrupted one)',
    )
    .option('--page-size <n>', 'rows per request (at most 1000)', '1000')
    .action(function (this: Command) {
      return run(async () => {
        const o = this.opts<{ out: string; cursor: string; full?: boolean; pageSize: string }>();
        const pageSize = Number(o.pageSize);
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
          throw new InputError('--page-size must be 1..1000');
        const cursorFile = path.resolve(io.cwd, o.cursor);
        const outFile = path.resolve(io.cwd, o.out);
        fs.mkdirSync(path.dirname(outFile), { recursive: true });
        const client = makeClient(this.optsWithGlobals<GlobalOptions>(), io);
        const target = o.full ? fullTarget(outFile, cursorFile) : incrementalTarget(outFile, cursorFile);
        if (o.full && target.resumed)
          println(io.stderr, `resuming the interrupted full export in ${path.relative(io.cwd, target.data)}`);
        onInterrupt(io, 'stopping: no new pages; what was read is saved with its cursor');
        const { count, stopped } = await exportInto(client, target, pageSize, io);
        const written = `${count} employee${count === 1 ? '' : 's'} written to ${path.relative(io.cwd, target.data)}`;
        if (stopped) throw new InterruptedError(`interrupted: ${written}; run the same command again to resume`);
        target.complete();
        const how = o.full ? (target.resumed ? ' (full, resumed)' : ' (full)') : target.resumed ? ' (incremental)' : '';
        println(io.stderr, `${count} employee${count === 1 ? '' : 's'} written to ${o.out}${how}`);
      });
    });
}

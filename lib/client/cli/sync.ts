/**
 * `suitehooks sync --out employees.jsonl`: full or incremental export as JSON lines with a resumable
 * cursor. Lines are flushed to disk before the cursor that covers them is saved, so a crash repeats
 * rows (at least once) and never loses one.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCursor, type SyncCursor } from '../sync';
import { makeClient, type GlobalOptions } from './context';
import { InputError, println, type Io } from './io';

function readCursor(file: string): SyncCursor | null {
  if (!fs.existsSync(file)) return null;
  try {
    return parseCursor(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    throw new InputError(`cursor file ${file} is unreadable (${(err as Error).message}); delete it or run with --full`);
  }
}

function saveCursor(file: string, cursor: SyncCursor): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(cursor)}\n`);
  fs.renameSync(tmp, file);
}

export function registerSync(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('sync')
    .description('export employees changed since the last run (or all with --full) to JSON lines')
    .requiredOption('-o, --out <file>', 'JSON lines file to append to (--full truncates it)')
    .option('--cursor <file>', 'where the position is kept between runs', '.suitehooks/sync-cursor.json')
    .option('--full', 'ignore the cursor and export everything')
    .option('--page-size <n>', 'rows per request (at most 1000)', '1000')
    .action(function (this: Command) {
      return run(async () => {
        const o = this.opts<{ out: string; cursor: string; full?: boolean; pageSize: string }>();
        const pageSize = Number(o.pageSize);
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new InputError('--page-size must be 1..1000');
        const cursorFile = path.resolve(io.cwd, o.cursor);
        const outFile = path.resolve(io.cwd, o.out);
        const start = o.full ? null : readCursor(cursorFile);
        const client = makeClient(this.optsWithGlobals<GlobalOptions>(), io);
        fs.mkdirSync(path.dirname(outFile), { recursive: true });
        const fd = fs.openSync(outFile, o.full ? 'w' : 'a');
        const bar = new SingleBar({ stream: io.stderr, format: 'sync [{bar}] {value}/{total} employees' }, Presets.shades_classic);
        let lines: string[] = [];
        let cursor = start;
        let count = 0;
        const flush = () => {
          if (lines.length) fs.writeSync(fd, lines.join(''));
          fs.fsyncSync(fd);
          lines = [];
          if (cursor) saveCursor(cursorFile, cursor);
        };
        try {
          for await (const item of client.sync({ cursor: start, pageSize })) {
            if (count === 0) bar.start(item.expected, 0);
            lines.push(`${JSON.stringify(item.record)}\n`);
            cursor = item.cursor;
            bar.update(++count);
            if (lines.length >= pageSize) flush();
          }
          flush();
          if (!cursor) saveCursor(cursorFile, { version: 1, after: null });
        } finally {
          bar.stop();
          fs.closeSync(fd);
        }
        println(io.stderr, `${count} employee${count === 1 ? '' : 's'} written to ${o.out}${start ? ' (incremental)' : ''}`);
      });
    });
}

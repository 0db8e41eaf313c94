/** `suitehooks sql "<query>"`: SuiteQL with `?` values (bound as literals), as a table or JSON lines. */
import type { Command } from 'commander';
import { InterruptedError } from '../errors';
import { makeClient, type GlobalOptions } from './context';
import { parseFormat, writeJsonLine, writeTable } from './format';
import { InputError, onInterrupt, type Io } from './io';

/** `-p 42` is a number, `-p abc` a string; `--params '[…]'` gives exact JSON types. */
function bindings(param: string[] | undefined, json: string | undefined): unknown[] {
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new InputError('--params must be a JSON array');
    }
    if (!Array.isArray(parsed)) throw new InputError('--params must be a JSON array');
    return parsed;
  }
  return (param ?? []).map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : p));
}

export function registerSql(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command('sql <query>')
    .description('run a SuiteQL query (read only) and print the rows')
    .option('-p, --param <value>', 'the value of the next ? in the query (repeatable)', collect)
    .option('--params <json>', 'all ? values as a JSON array')
    .option('--format <format>', 'table or jsonl', 'table')
    .option('--max-rows <n>', 'stop after this many rows (at most 100,000 per query)', '1000')
    .action(function (this: Command, query: string) {
      return run(async () => {
        const o = this.opts<{ param?: string[]; params?: string; format: string; maxRows: string }>();
        const format = parseFormat(o.format);
        const max = Number(o.maxRows);
        if (!Number.isInteger(max) || max < 1) throw new InputError('--max-rows must be a positive integer');
        const client = makeClient(this.optsWithGlobals<GlobalOptions>(), io);
        const rows: Record<string, unknown>[] = [];
        let n = 0;
        let stopped = false;
        onInterrupt(io, 'stopping: no new pages; the rows read so far are printed');
        try {
          for await (const row of client.suiteql.rows(query, bindings(o.param, o.params), Math.min(1000, max))) {
            if ((stopped = io.signal?.aborted === true)) break;
            if (format === 'jsonl') writeJsonLine(io.stdout, row);
            else rows.push(row);
            if (++n >= max) break;
          }
        } catch (err) {
          if (!(err instanceof InterruptedError)) throw err; // a retry the stop cut short
          stopped = true;
        }
        if (format === 'table') writeTable(io.stdout, rows);
        if (stopped)
          throw new InterruptedError(`interrupted after ${n} row${n === 1 ? '' : 's'}: the output is incomplete`);
      });
    });
}

/** Output: JSON lines, or an aligned text table for people. */
import type { Writable } from 'node:stream';
import { InputError } from './io';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') {
    const ref = value as { id?: unknown; refName?: unknown };
    return ref.refName ? `${String(ref.refName)} (${String(ref.id)})` : String(ref.id ?? JSON.stringify(value));
  }
  return String(value);
}

export function writeTable(out: Writable, rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) {
    out.write('(no rows)\n');
    return;
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => cell(r[c]).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length))));
  const fit = (v: string, width: number) => (v.length > width ? `${v.slice(0, width - 1)}…` : v.padEnd(width));
  // Every row has a cell per column, so widths[i] is there; a missing one would leave the value whole.
  const line = (values: string[]) =>
    values
      .map((v, i) => fit(v, widths[i] ?? v.length))
      .join('  ')
      .trimEnd();
  out.write(`${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of cells) out.write(`${line(row)}\n`);
}

export function writeJsonLine(out: Writable, value: unknown): void {
  out.write(`${JSON.stringify(value)}\n`);
}

export type Format = 'table' | 'jsonl';

export function parseFormat(value: string): Format {
  if (value !== 'table' && value !== 'jsonl') throw new InputError(`--format is table or jsonl, not "${value}"`);
  return value;
}

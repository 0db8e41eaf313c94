/** A tiny fixed-width table printer: one table per benchmark item, plain text so it pastes into Markdown. */

export type Cell = string | number;

export interface Table {
  title: string;
  head: string[];
  rows: Cell[][];
  /** Lines printed under the table: the bound or comparison, the workload, caveats. */
  notes?: string[];
}

/** Numbers with thousands separators and at most `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function renderTable(t: Table): string {
  const cells = [t.head, ...t.rows.map((r) => r.map(String))];
  const widths = t.head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // Markdown pipe table, padded so it also reads well in a terminal.
  const line = (r: string[]) => `| ${widths.map((w, i) => (r[i] ?? '').padEnd(w)).join(' | ')} |`;
  const out = [
    `### ${t.title}`,
    '',
    line(t.head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ];
  if (t.notes?.length) out.push('', ...t.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}

/** The table printed when an item could not run: says why instead of crashing the whole run. */
export function unavailable(title: string, reason: string): Table {
  return { title, head: ['status'], rows: [[`not available: ${reason}`]] };
}

/** Median of a few repeated measurements: robust to one slow GC pause. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nanoseconds per call of `fn`, the median of `rounds` timed batches after a warm-up batch. */
export function nsPerCall(fn: () => unknown, iterations: number, rounds = 5): number {
  let sink: unknown;
  for (let i = 0; i < iterations; i++) sink = fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) sink = fn();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  keep(sink);
  return median(samples);
}

let kept: unknown;
/** Keeps a result reachable so the optimiser cannot drop the measured work. */
export function keep(v: unknown): void {
  kept = v;
  if (kept === Symbol.for('never')) console.log('');
}

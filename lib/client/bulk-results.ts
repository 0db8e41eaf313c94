/**
 * The bulk results log (JSON lines): each run opens with a marker naming its file by content, then one
 * line per row it ran. A row counts as done only if *that row of that file* ran ok: same file content
 * (identity), same line, same row contents — and only in the unbroken series of latest runs of that
 * file. A run of another file in between (a reactivation after a deactivation) breaks the series, so
 * running the first file again repeats every row instead of skipping them.
 */
import { createHash } from 'node:crypto';
import { rowKey } from './bulk';

export interface RunMarker {
  run: {
    /** SHA-256 of the file's bytes. */
    file: string;
    /** Where it was read (for people; identity is by content). */
    path: string;
    rows: number;
    started: string;
  };
}

export function fileIdentity(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function runMarkerLine(file: string, path: string, rows: number, started = new Date()): string {
  const marker: RunMarker = { run: { file, path, rows, started: started.toISOString() } };
  return `${JSON.stringify(marker)}\n`;
}

interface LoggedRun {
  /** Null for lines written before any marker (an older results file): never inherited. */
  file: string | null;
  ok: string[];
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null; // a torn last line from a killed run
  }
}

function runsOf(log: string): LoggedRun[] {
  const runs: LoggedRun[] = [];
  for (const line of log.split('\n')) {
    const entry = parse(line) as {
      run?: { file?: unknown };
      line?: unknown;
      fingerprint?: unknown;
      status?: unknown;
    } | null;
    if (entry === null || typeof entry !== 'object') continue;
    if (entry.run) {
      runs.push({ file: typeof entry.run.file === 'string' ? entry.run.file : null, ok: [] });
      continue;
    }
    let run = runs.at(-1);
    if (!run) runs.push((run = { file: null, ok: [] }));
    if (entry.status === 'ok' && typeof entry.line === 'number' && typeof entry.fingerprint === 'string')
      run.ok.push(rowKey(entry.line, entry.fingerprint));
  }
  return runs;
}

/** Rows (`rowKey`) the latest unbroken series of runs of the file `identity` finished. */
export function finishedRows(log: string, identity: string): Set<string> {
  const done = new Set<string>();
  const runs = runsOf(log);
  for (const run of [...runs].reverse()) {
    if (run.file !== identity) break;
    for (const key of run.ok) done.add(key);
  }
  return done;
}

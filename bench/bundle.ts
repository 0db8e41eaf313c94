/**
 * Item 3, the bundle: bytes of each built entry file (what NetSuite loads on every execution) and, in
 * the sandbox's isolated context, the time to load the file and run a no-change edit, as a ratio to an
 * empty user event loaded and run the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, type Cell, type Table } from './table';

export const BUNDLE_DIR = path.join(__dirname, '..', '..', 'src', 'FileCabinet', 'SuiteScripts', 'suitehooks');

export interface LoadTiming {
  /** Rows for the load/run part, or a reason it could not be measured. */
  rows: Cell[][] | string;
  notes: string[];
}

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
    notes: [`Built by npm run build:bundle into ${path.relative(process.cwd(), BUNDLE_DIR) || BUNDLE_DIR}; NetSuite loads the whole file on each execution.`],
  };
}

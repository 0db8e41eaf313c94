/**
 * The SuiteQL subset the bundle, the client and the benchmarks use, run on SQLite: read-only SELECTs
 * over the account's tables, `BUILTIN.DF`, `TO_CHAR`/`TO_DATE`/`TO_TIMESTAMP`, `NVL`, `FETCH FIRST n
 * ROWS ONLY`. Answers with lowercase column names, as SuiteQL does.
 */
import Database from 'better-sqlite3';
import { USER_RECORD_TYPES, wallClockIn } from '../../core';
import { NetSuiteError } from '../account/account-types';
import { refName } from '../records/employees';
import { INTERNAL_PREFIX, type Db } from '../account/store';
import { assertRecordTablesOnly } from './access';

export interface SuiteQLOptions {
  /** Time zone SuiteQL formats date-times in (the session user's preference). */
  timeZone: string;
  /** Extra select columns (custom record fields) by column name → referenced record type. */
  selectColumns?: ReadonlyMap<string, string>;
  /** The tables the caller's role may read (access.ts `tablesReadableBy`); absent or null: every one. */
  readableTables?: readonly string[] | null;
}

export function badQuery(detail: string): NetSuiteError {
  return new NetSuiteError(
    400,
    'INVALID_PARAMETER',
    `Invalid search query. Detailed unprocessed description follows. ${detail}`,
  );
}

const REF_BY_COLUMN = new Map(
  USER_RECORD_TYPES.flatMap((t) => t.fields).flatMap((f): [string, string][] =>
    f.kind === 'select' && f.column && f.refType ? [[f.column, f.refType]] : [],
  ),
);

/** Wall-clock parts of an instant in a zone, as the two-digit (four for the year) text masks print. */
function wallParts(date: Date, timeZone: string): Record<string, string> {
  const w = wallClockIn(date.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(w.year).padStart(4, '0'),
    month: two(w.month),
    day: two(w.day),
    hour: two(w.hour),
    minute: two(w.minute),
    second: two(w.second),
  };
}

/** Oracle-style format masks used with dates: YYYY MM DD HH24 MI SS and "quoted" literals. */
function formatMask(date: Date, mask: string, timeZone: string): string {
  const parts = wallParts(date, timeZone);
  return mask.replace(/"([^"]*)"|YYYY|HH24|MM|DD|MI|SS/g, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    return (
      { YYYY: parts.year, HH24: parts.hour, MM: parts.month, DD: parts.day, MI: parts.minute, SS: parts.second }[
        token
      ] ?? token
    );
  });
}

/** Parses text by a mask into a UTC instant, reading the wall time in `timeZone`. */
function parseMask(text: string, mask: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const fields: string[] = [];
  const pattern = mask.replace(
    /"([^"]*)"|YYYY|HH24|MM|DD|MI|SS|([.*+?^${}()|[\]\\])/g,
    (token, literal: string | undefined, special: string | undefined) => {
      if (literal !== undefined) return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (special !== undefined) return `\\${special}`;
      fields.push(token);
      return token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    },
  );
  const m = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!m) throw badQuery(`"${text.slice(0, 40)}" does not match the format "${mask}"`);
  const get = (f: string) => {
    const at = fields.indexOf(f);
    return at >= 0 ? Number(m[at + 1]) : f === 'MM' || f === 'DD' ? 1 : 0;
  };
  const parts = { y: get('YYYY'), mo: get('MM'), d: get('DD'), h: get('HH24'), mi: get('MI'), s: get('SS') };
  // The day and time must exist: 2020-02-30 is an error, not March 1st.
  const date = new Date(Date.UTC(parts.y, parts.mo - 1, parts.d));
  if (
    date.getUTCMonth() !== parts.mo - 1 ||
    date.getUTCDate() !== parts.d ||
    parts.h > 23 ||
    parts.mi > 59 ||
    parts.s > 59
  ) {
    throw badQuery(`a value does not name a real date or time for the format "${mask}"`);
  }
  return parts;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * Registers the SuiteQL functions on a connection (once per connection). `BUILTIN.DF` reads names on a
 * second connection to the same file: a connection cannot run a query while one of its own is running.
 * `now` is the account's clock, which `SYSDATE` reads.
 */
export function registerSuiteQLFunctions(db: Db, timeZone: string, now: () => number = Date.now): Db {
  const names = new Database(db.name, { readonly: true });
  names.pragma('busy_timeout = 10000');
  // SYSDATE [- days]: the account clock (which tests move ahead), as the stored ISO text compares.
  db.function('SYSDATE_ISO', { deterministic: false, varargs: true }, (days?: unknown) =>
    new Date(now() - Number(days ?? 0) * 86_400_000).toISOString(),
  );
  db.function('TO_CHAR', { deterministic: true, varargs: true }, (value: unknown, mask?: unknown) => {
    if (value === null || value === undefined) return null;
    if (mask === undefined || mask === null) return String(value);
    const text = String(value);
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
    if (Number.isNaN(date.getTime())) return text;
    return formatMask(date, String(mask), /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'UTC' : timeZone);
  });
  db.function('TO_DATE', { deterministic: true, varargs: true }, (text: unknown, mask?: unknown) => {
    if (text === null || text === undefined) return null;
    const p = parseMask(String(text), mask === undefined ? 'YYYY-MM-DD' : String(mask));
    return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
  });
  db.function('TO_TIMESTAMP', { deterministic: true, varargs: true }, (text: unknown, mask?: unknown) => {
    if (text === null || text === undefined) return null;
    const p = parseMask(String(text), mask === undefined ? 'YYYY-MM-DD HH24:MI:SS' : String(mask));
    const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
    // The wall time is in the session's zone: shift by that zone's offset at that instant.
    const shown = formatMask(new Date(wall), 'YYYY-MM-DD"T"HH24:MI:SS', timeZone);
    return new Date(wall - (Date.parse(`${shown}Z`) - wall)).toISOString();
  });
  db.function('NVL', { deterministic: true }, (a: unknown, b: unknown) => a ?? b);
  // Names looked up during one query are remembered for that query only (runQuery clears them).
  const cache = new Map<string, string>();
  CLEAR_NAMES.set(db, () => cache.clear());
  db.function('BUILTIN_DF', (refType: unknown, id: unknown) => {
    if (id === null || id === undefined) return null;
    if (typeof refType !== 'string' || refType === '') return String(id);
    const key = `${refType}:${String(id)}`;
    let name = cache.get(key);
    if (name === undefined) {
      try {
        name = refName(names, refType, id) ?? String(id);
      } catch {
        name = String(id);
      }
      cache.set(key, name);
    }
    return name;
  });
  return names;
}

const CLEAR_NAMES = new WeakMap<Db, () => void>();

/**
 * `TO_CHAR(x, '<date mask>')` in UTC as SQLite's own strftime: the same text, computed natively, which
 * matters when a scan orders 150,000 rows by it. Other zones keep the JS function.
 */
function nativeToChar(sql: string): string {
  return sql.replace(
    /TO_CHAR\s*\(\s*((?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)\s*,\s*'((?:[^']|'')*)'\s*\)/gi,
    (whole, expr: string, mask: string) => {
      const format = mask.replace(
        /"([^"]*)"|YYYY|HH24|MM|DD|MI|SS|%|([^"]+?)/g,
        (token, literal: string | undefined) => {
          if (literal !== undefined) return literal.replace(/%/g, '%%');
          const native: Record<string, string> = {
            YYYY: '%Y',
            HH24: '%H',
            MM: '%m',
            DD: '%d',
            MI: '%M',
            SS: '%S',
            '%': '%%',
          };
          return native[token] ?? token;
        },
      );
      return /^[%\w\s:T./-]*$/.test(format) ? `strftime('${format}', ${expr})` : whole;
    },
  );
}

/** String literals and quoted identifiers: what the rewrites below must leave exactly as written. */
const QUOTED = /('(?:[^']|'')*'|"(?:[^"]|"")*")/;

/** Applies `rewrite` to the query text outside its string literals and quoted identifiers. */
function outsideQuotes(text: string, rewrite: (code: string) => string): string {
  return text
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join('');
}

/** Rewrites SuiteQL text into SQLite's dialect; refuses anything but a read. */
export function translate(
  query: string,
  options: Partial<Pick<SuiteQLOptions, 'selectColumns' | 'timeZone'>> = {},
): string {
  const text = query.trim().replace(/;\s*$/, '');
  if (!/^(select|with)\b/i.test(text)) throw badQuery('Only SELECT statements are supported.');
  // Table names may hide in quoted identifiers, never in string literals.
  const code = text
    .split(/('(?:[^']|'')*')/)
    .filter((_, i) => i % 2 === 0)
    .join(' ');
  if (new RegExp(`\\b(${INTERNAL_PREFIX}\\w*|sqlite_\\w*|pragma)\\b`, 'i').test(code)) throw badQuery('Unknown table.');
  const sql = outsideQuotes(text, (part) =>
    part
      .replace(/BUILTIN\.DF\s*\(\s*((?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*))\s*\)/gi, (_m, expr: string, column: string) => {
        const refType =
          REF_BY_COLUMN.get(column.toLowerCase()) ?? options.selectColumns?.get(column.toLowerCase()) ?? '';
        return `BUILTIN_DF('${refType}', ${expr})`;
      })
      .replace(/\bFETCH\s+(?:FIRST|NEXT)\s+(\d+)\s+ROWS?\s+ONLY\b/gi, 'LIMIT $1')
      .replace(
        /\bSYSDATE\b(?:\s*-\s*(\d+(?:\.\d+)?)\b)?/gi,
        (_m, days: string | undefined) => `SYSDATE_ISO(${days ?? ''})`,
      ),
  );
  return (options.timeZone ?? 'UTC') === 'UTC' ? nativeToChar(sql) : sql;
}

/** Bind values: text, numbers, booleans (as `'T'`/`'F'`) and null; anything else is the caller's mistake. */
function bindValues(params: readonly unknown[]): unknown[] {
  return params.map((p, i) => {
    if (typeof p === 'boolean') return p ? 'T' : 'F';
    if (p === null || typeof p === 'string' || (typeof p === 'number' && Number.isFinite(p))) return p;
    throw badQuery(`Parameter ${i + 1} is not a string, number, boolean or null.`);
  });
}

/** Runs a translated query, lowercasing column names; every failure is a NetSuite-shaped query error. */
export function runQuery(
  db: Db,
  sql: string,
  params: readonly unknown[],
  readable: readonly string[] | null = null,
): Record<string, unknown>[] {
  let stmt;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    throw badQuery((e as Error).message);
  }
  if (!stmt.reader || !stmt.readonly) throw badQuery('Only SELECT statements are supported.');
  const bound = bindValues(params);
  CLEAR_NAMES.get(db)?.();
  let rows: Record<string, unknown>[];
  try {
    assertRecordTablesOnly(db, sql, bound, readable);
    rows = stmt.all(...bound) as Record<string, unknown>[];
  } catch (e) {
    // Wrong parameter counts (RangeError), SQLite runtime errors, a function's own NetSuite error.
    throw e instanceof NetSuiteError ? e : badQuery((e as Error).message);
  }
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) out[k.toLowerCase()] = v;
    return out;
  });
}

/**
 * Paging through a large result asks the same count on every page: it is kept while the data is
 * unchanged (no commit by this connection, `total_changes`, nor by another, `data_version`).
 */
const COUNTS = new WeakMap<Db, Map<string, { version: string; n: number }>>();

/** The query as a subquery; on lines of its own, so a trailing `--` comment cannot swallow the `)`. */
function subquery(sql: string): string {
  return `(\n${sql}\n)`;
}

function countRows(db: Db, sql: string, params: readonly unknown[], readable: readonly string[] | null): number {
  let counts = COUNTS.get(db);
  if (!counts) COUNTS.set(db, (counts = new Map<string, { version: string; n: number }>()));
  const version = `${String(db.pragma('data_version', { simple: true }))}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = counts.get(key);
  if (hit?.version === version) return hit.n;
  const [count] = runQuery(db, `SELECT COUNT(*) AS n FROM ${subquery(sql)}`, params, readable);
  const n = Number(count?.n ?? 0); // COUNT(*) answers one row
  if (counts.size > 100) counts.clear();
  counts.set(key, { version, n });
  return n;
}

/**
 * One page as the SuiteQL REST resource answers it: values as strings, and columns whose value is null
 * left out of the item entirely.
 */
export function runPage(
  db: Db,
  query: string,
  params: readonly unknown[],
  limit: number,
  offset: number,
  options: SuiteQLOptions,
): { items: Record<string, unknown>[]; totalResults: number } {
  const sql = translate(query, options);
  const readable = options.readableTables ?? null;
  // The page's own run checks the role's tables even when the count comes from the cache.
  const total = countRows(db, sql, params, readable);
  const rows = runQuery(
    db,
    `SELECT * FROM ${subquery(sql)} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`,
    params,
    readable,
  );
  const items = rows.map((row) => {
    const item: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row))
      if (v !== null && v !== undefined) item[k] = typeof v === 'string' ? v : String(v);
    return item;
  });
  return { items, totalResults: total };
}

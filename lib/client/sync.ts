/**
 * Full and incremental export of one record type of the registry (employees by default) by
 * `lastmodifieddate`. Rows are read in (modification time,
 * id) order, paged by that key, so rows changed during the run move behind the reader instead of
 * being skipped. The cursor only advances over rows older than NetSuite's clock minus a settle window:
 * a later change in the same second cannot slip behind it. Delivery is at least once.
 */
import {
  fromSuiteQLRow,
  suiteqlSelectList,
  recordTypeEntry,
  wallClockText,
  type CanonicalRecord,
  type UserRecordType,
} from '../core';
import type { KeyColumn, SuiteQL } from './suiteql';

export interface SyncCursor {
  version: 1;
  /** The last settled key: [modification time as `YYYY-MM-DDTHH:MM:SS` in the session time zone, id]. */
  after: [string, string] | null;
}

export interface SyncOptions {
  /** Null or absent: a full sync. */
  cursor?: SyncCursor | null;
  pageSize?: number;
  /** Rows modified this close to NetSuite's "now" are sent again next run; default 2 s. */
  settleSeconds?: number;
  /** The integration user's time zone (SuiteQL shows date-times in it); default UTC. */
  timeZone?: string;
  /** Told when something looks wrong but the run goes on (a cursor later than the account's clock). */
  onWarning?: (message: string) => void;
}

export interface SyncItem {
  record: CanonicalRecord;
  /** Store this once the record is safely handled: a resumed run starts after it. */
  cursor: SyncCursor;
  /** Rows this run expects in all (NetSuite's count when the run began), for progress displays. */
  expected: number;
  /**
   * Modified before NetSuite's clock minus the settle window: no later change can share its
   * modification second. An unsettled row is read again by the next run (the cursor stays before it).
   */
  settled: boolean;
}

const MODIFIED = `TO_CHAR(e.lastmodifieddate, 'YYYY-MM-DD"T"HH24:MI:SS')`;
const KEY: KeyColumn[] = [
  { expr: MODIFIED, column: 'lastmodifieddate' },
  { expr: 'e.id', column: 'id', numeric: true },
];

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** Why a cursor's `[time, id]` cannot be a position, or null. A time must be a real calendar second. */
function keyProblem([time, id]: [string, string]): string | null {
  const ms = WALL_TIME.test(time) ? Date.parse(`${time}Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== time)
    return `its time ${JSON.stringify(time)} is not a time (expected YYYY-MM-DDTHH:MM:SS)`;
  if (!/^[1-9]\d{0,15}$/.test(id)) return `its id ${JSON.stringify(id)} is not an internal id (a positive integer)`;
  return null;
}

export function parseCursor(json: unknown): SyncCursor {
  const c = json as SyncCursor;
  const ok =
    c?.version === 1 &&
    (c.after === null ||
      (Array.isArray(c.after) && c.after.length === 2 && c.after.every((v) => typeof v === 'string')));
  if (!ok) throw new TypeError('not a suitehooks sync cursor (expected {"version":1,"after":[time,id]|null})');
  const problem = c.after && keyProblem(c.after);
  if (problem) throw new TypeError(`not a usable sync cursor: ${problem}`);
  return c;
}

const EMPLOYEE = recordTypeEntry('employee');

/** Employees, the client's `sync()` and the `sync` command. */
export function syncEmployees(suiteql: SuiteQL, options: SyncOptions = {}): AsyncGenerator<SyncItem> {
  return syncRecords(suiteql, EMPLOYEE, options);
}

/**
 * Every record of `type` (its field map's SuiteQL columns; a `roles` sublist is not a column and is
 * absent) by (modification time, id). A cursor is a position in one type's order: keep one per type.
 */
export async function* syncRecords(
  suiteql: SuiteQL,
  type: UserRecordType,
  options: SyncOptions = {},
): AsyncGenerator<SyncItem> {
  const timeZone = options.timeZone ?? 'UTC';
  const settleMs = (options.settleSeconds ?? 2) * 1000;
  let cursor: SyncCursor = options.cursor ? parseCursor(options.cursor) : { version: 1, after: null };
  let settledBefore = null as string | null;
  let expected = 0;
  const rows = suiteql.scan({
    select: suiteqlSelectList(type.fields, 'e'),
    from: `${type.id} e`,
    key: KEY,
    after: cursor.after ?? undefined,
    pageSize: options.pageSize,
    keyEveryPage: true,
    onPage: (page) => {
      // Fixed at the first page: later pages only see rows modified after the run began.
      if (settledBefore === null) {
        expected = page.totalResults;
        const now = page.serverDate ? Date.parse(page.serverDate) : NaN;
        settledBefore = Number.isNaN(now) ? '' : wallClockText(now - settleMs, timeZone);
        const start = cursor.after?.[0];
        if (start !== undefined && !Number.isNaN(now) && start > wallClockText(now, timeZone))
          options.onWarning?.(
            `the cursor's time ${start} is later than the account's clock (${wallClockText(now, timeZone)} ${timeZone}): ` +
              'changes made before it are not exported; run with --full if the cursor is wrong',
          );
      }
    },
  });
  for await (const row of rows) {
    const modified = String(row.lastmodifieddate ?? '');
    const settled = settledBefore !== null && modified < settledBefore;
    if (settled) cursor = { version: 1, after: [modified, String(row.id)] };
    yield { record: fromSuiteQLRow(row, type.fields, { timeZone }), cursor, expected, settled };
  }
}

/**
 * `mirror reconcile`: brings the mirror to NetSuite's state, for every record type of the registry
 * (employee, vendor, partner, customer; lib/core/record-types.ts) in turn. Two passes per type, each
 * resumable, each with its own cursor (`reconcile:<type>:sync`, `reconcile:<type>:scan`):
 * 1. incremental, by `lastModifiedDate` (the client's sync): every settled row changed since the last
 *    run is compared with the mirror and repaired; its cursor is saved in the transaction of each batch;
 * 2. a key scan of every id: ids the mirror lacks are fetched and added, and records the scan did not
 *    see (marked per run) are deleted once it completes; its position is saved with each batch.
 * Each batch is one transaction, so a run stopped at any point leaves a consistent database and the
 * next run continues where it stopped. The report holds counts and record ids, never field values.
 */
import { randomUUID } from 'node:crypto';
import { USER_RECORD_TYPES, type UserRecordType } from '../../core';
import { restRoles } from '../access';
import { recordsOf, type NetSuiteClient } from '../client';
import { InterruptedError, NetSuiteApiError } from '../errors';
import { parseCursor, type SyncCursor, type SyncItem } from '../sync';
import { deleteCursor, readCursor, writeCursor } from './cursor-store';
import { idPages, recordsById, withRoles, type RestRoles, type TheirRecord } from './netsuite-reads';
import { repairRecord, rowSequence, tombstone, type RepairOutcome } from './repair';
import type { Query, SqlStore } from './sql-store';

export interface ReconcileOptions {
  /** The integration user's time zone (SuiteQL date-times); default UTC. */
  timeZone?: string;
  /** Rows per SuiteQL page and per transaction; 1..1000, default 1000. */
  pageSize?: number;
  /** Rows modified this close to NetSuite's clock wait for the next run; default 2 s. */
  settleSeconds?: number;
  /** Stops between batches; what was done is kept and the next run resumes. */
  signal?: AbortSignal;
  now?: () => Date;
}

const SHOWN_IDS = 100;

export interface ReconcileReport {
  /** NetSuite rows read by the incremental pass, and ids read by the key scan. */
  read: number;
  scanned: number;
  counts: Record<RepairOutcome | 'unsettled', number>;
  /** The first ids of each repair (at most 100 each): employees by id, other types as `vendor:12`. */
  ids: Record<'created' | 'updated' | 'deleted', string[]>;
  /** Whether this run continued an interrupted one. */
  resumed: boolean;
  /** False when the signal stopped it; run again to finish. */
  complete: boolean;
}

/** What reconcile uses of the client: SuiteQL, the sync, and the REST records (vendors' roles). */
export type ReconcileClient = Pick<
  NetSuiteClient,
  'suiteql' | 'sync' | 'employees' | 'vendors' | 'partners' | 'customers'
>;

interface Context {
  store: SqlStore;
  client: ReconcileClient;
  restRoles: RestRoles;
  options: Required<Omit<ReconcileOptions, 'signal'>> & { signal?: AbortSignal };
  report: ReconcileReport;
  /** The type being reconciled. */
  type: UserRecordType;
}

/** A type's cursors; the employee's names are those of the versions that reconciled employees only. */
const syncCursor = (type: UserRecordType): string => `reconcile:${type.id}:sync`;
const scanCursor = (type: UserRecordType): string => `reconcile:${type.id}:scan`;

interface ScanState {
  run: string;
  after: string | null;
  startedMs: number;
}

function note(ctx: Context, outcomes: readonly [RepairOutcome, string][]): void {
  const { report, type } = ctx;
  for (const [outcome, id] of outcomes) {
    report.counts[outcome]++;
    if (outcome !== 'unchanged' && outcome !== 'newer_in_mirror' && report.ids[outcome].length < SHOWN_IDS)
      report.ids[outcome].push(type.id === 'employee' ? id : `${type.id}:${id}`);
  }
}

/** Repairs each of NetSuite's rows in one transaction, then `finish` (the cursor's save) in it too. */
async function repairAll(ctx: Context, theirs: readonly TheirRecord[], finish: (q: Query) => Promise<void>) {
  const now = ctx.options.now();
  const outcomes = await ctx.store.transaction(async (q) => {
    const done: [RepairOutcome, string][] = [];
    for (const { record, roles } of theirs)
      done.push([
        await repairRecord(q, ctx.store.dialect, { recordType: ctx.type.id, record, roles }, now),
        String(record.id),
      ]);
    await finish(q);
    return done;
  });
  note(ctx, outcomes);
}

async function applySyncBatch(ctx: Context, items: SyncItem[]): Promise<void> {
  const last = items.at(-1);
  if (!last) return; // an empty batch changes nothing, its cursor included
  const settled = items.filter((i) => i.settled).map((i) => i.record);
  ctx.report.counts.unsettled += items.length - settled.length;
  const theirs = await withRoles(ctx.client.suiteql, ctx.type, settled, ctx.restRoles);
  await repairAll(ctx, theirs, (q) => writeCursor(q, syncCursor(ctx.type), last.cursor));
  ctx.report.read += items.length;
}

async function incrementalPass(ctx: Context): Promise<boolean> {
  const stored = await readCursor<unknown>(ctx.store.query, syncCursor(ctx.type));
  const cursor: SyncCursor | null = stored === null ? null : parseCursor(stored);
  const { pageSize, settleSeconds } = ctx.options;
  let batch: SyncItem[] = [];
  for await (const item of ctx.client.sync({ cursor, pageSize, settleSeconds }, ctx.type)) {
    if (ctx.options.signal?.aborted) return false;
    batch.push(item);
    if (batch.length >= pageSize) {
      await applySyncBatch(ctx, batch);
      batch = [];
    }
  }
  if (batch.length) await applySyncBatch(ctx, batch);
  return !ctx.options.signal?.aborted;
}

/** Ids of this page the mirror does not hold at all. */
async function absentIds(ctx: Context, ids: readonly string[]): Promise<string[]> {
  const { rows } = await ctx.store.query<{ record_id: string }>(
    `SELECT record_id FROM mirror_record WHERE record_type = ? AND record_id IN (${ids.map(() => '?').join(', ')})`,
    [ctx.type.id, ...ids],
  );
  const held = new Set(rows.map((r) => r.record_id));
  return ids.filter((id) => !held.has(id));
}

async function scanBatch(ctx: Context, state: ScanState, ids: string[]): Promise<void> {
  const last = ids.at(-1);
  if (last === undefined) return; // an empty batch changes nothing, its cursor included
  const absent = await absentIds(ctx, ids);
  const { records, serverDate } = await recordsById(ctx.client.suiteql, ctx.type, absent, ctx.options.timeZone);
  const settledBefore = (serverDate ? Date.parse(serverDate) : 0) - ctx.options.settleSeconds * 1000;
  const settled = records.filter((r) => rowSequence(r) < settledBefore);
  ctx.report.counts.unsettled += records.length - settled.length;
  const theirs = await withRoles(ctx.client.suiteql, ctx.type, settled, ctx.restRoles);
  await repairAll(ctx, theirs, async (q) => {
    await q(
      `UPDATE mirror_record SET reconcile_mark = ? WHERE record_type = ? AND record_id IN (${ids.map(() => '?').join(', ')})`,
      [state.run, ctx.type.id, ...ids],
    );
    await writeCursor(q, scanCursor(ctx.type), { ...state, after: last });
  });
  ctx.report.scanned += ids.length;
}

/** Deletes what the completed scan did not see, in batches; then forgets the scan. */
async function sweep(ctx: Context, state: ScanState): Promise<void> {
  for (;;) {
    const { rows } = await ctx.store.query<{ record_id: string }>(
      `SELECT record_id FROM mirror_record WHERE record_type = ? AND NOT deleted
         AND (reconcile_mark IS NULL OR reconcile_mark <> ?) AND sequence < ? ORDER BY record_id LIMIT 500`,
      [ctx.type.id, state.run, state.startedMs],
    );
    if (rows.length === 0) break;
    const now = ctx.options.now();
    const outcomes = await ctx.store.transaction(async (q) => {
      const done: [RepairOutcome, string][] = [];
      for (const { record_id: id } of rows)
        done.push([await tombstone(q, ctx.store.dialect, ctx.type.id, id, state.startedMs, now), id]);
      return done;
    });
    note(ctx, outcomes);
  }
  await ctx.store.transaction((q) => deleteCursor(q, scanCursor(ctx.type)));
}

async function keyScan(ctx: Context): Promise<boolean> {
  const stored = await readCursor<ScanState>(ctx.store.query, scanCursor(ctx.type));
  let state: ScanState | null = stored;
  const { pageSize } = ctx.options;
  const pages = idPages(ctx.client.suiteql, ctx.type, pageSize, stored?.after ?? null, (page) => {
    // The scan's start on NetSuite's clock (whole seconds): a record changed after it is never deleted by it.
    if (state === null && page.serverDate)
      state = { run: randomUUID(), after: null, startedMs: Date.parse(page.serverDate) };
  });
  for await (const ids of pages) {
    if (ctx.options.signal?.aborted) return false;
    if (state === null) throw new Error('NetSuite answered without a Date header: the key scan cannot date itself');
    await scanBatch(ctx, state, ids);
  }
  if (ctx.options.signal?.aborted) return false;
  if (state !== null) await sweep(ctx, state);
  return true;
}

/** The REST read of a record's roles; a record deleted since the SuiteQL read is null. */
function restRolesOf(client: ReconcileClient): RestRoles {
  return async (type, id) => {
    try {
      return await restRoles(recordsOf(client, type), id);
    } catch (err) {
      if (err instanceof NetSuiteApiError && err.status === 404) return null;
      throw err;
    }
  };
}

async function anyScanUnderway(store: SqlStore): Promise<boolean> {
  for (const type of USER_RECORD_TYPES) if ((await readCursor(store.query, scanCursor(type))) !== null) return true;
  return false;
}

export async function reconcile(
  store: SqlStore,
  client: ReconcileClient,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError('page size must be 1..1000');
  const report: ReconcileReport = {
    read: 0,
    scanned: 0,
    counts: { created: 0, updated: 0, deleted: 0, unchanged: 0, newer_in_mirror: 0, unsettled: 0 },
    ids: { created: [], updated: [], deleted: [] },
    resumed: await anyScanUnderway(store),
    complete: false,
  };
  const base = {
    store,
    client,
    restRoles: restRolesOf(client),
    options: { timeZone: 'UTC', settleSeconds: 2, now: () => new Date(), ...options, pageSize },
    report,
  };
  try {
    for (const type of USER_RECORD_TYPES) {
      const ctx: Context = { ...base, type };
      if (!((await incrementalPass(ctx)) && (await keyScan(ctx)))) return report;
    }
    report.complete = true;
  } catch (err) {
    if (!(err instanceof InterruptedError)) throw err; // a retry the stop cut short: kept work stays
  }
  return report;
}

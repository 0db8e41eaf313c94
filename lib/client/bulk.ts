/**
 * Lifecycle changes in bulk (rows from a CSV or JSON-lines file), run concurrently within the client's
 * limit, rows of the same employee in file order — whether a row names it by id or by external id.
 * Every action is idempotent, so a file can be run again: creates must carry an `externalId` (they
 * become upserts), deletes of an already deleted employee count as done, and the rows an earlier run
 * of *the same file* finished are skipped (see bulk-results.ts).
 */
import { createHash } from 'node:crypto';
import { SuitehooksError } from '../webhooks/errors';
import { bulkInputProblems, CONTROL_COLUMNS, given } from './bulk-check';
import { BULK_ACTIONS, type BulkAction, type BulkRow } from './bulk-row';
import type { NetSuiteClient } from './client';
import type { EmployeeInput } from './employees';
import { DeleteRefusedError, InterruptedError, NetSuiteApiError, RetriesExhaustedError } from './errors';
import { fieldValue } from './values';

export { BULK_ACTIONS, type BulkAction, type BulkRow };

export interface BulkResult {
  line: number;
  fingerprint: string;
  action: string;
  key: string;
  /** `interrupted`: stopped by a signal before it finished; not done, so a re-run repeats it. */
  status: 'ok' | 'error' | 'interrupted';
  id?: string | undefined;
  error?: string | undefined;
  code?: string | undefined;
  hint?: string | undefined;
}

/** The bulk file breaks the rules (unknown columns, values an action would ignore): nothing was run. */
export class BulkInputError extends SuitehooksError {
  constructor(readonly problems: string[]) {
    super('BULK_INPUT_INVALID', problems.join('\n'));
  }
}

/** The row's contents, whatever the order of its columns. */
export function fingerprint(values: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

/** A row of a file: its line and its contents (the file itself is identified in the results log). */
export const rowKey = (line: number, contents: string) => `${line}:${contents}`;

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

function fields(values: Record<string, unknown>, exclude: readonly string[] = []): EmployeeInput {
  const out: EmployeeInput = {};
  for (const [key, raw] of Object.entries(values)) {
    if ((CONTROL_COLUMNS as readonly string[]).includes(key) || exclude.includes(key) || !given(raw)) continue; // empty cell: leave as is
    out[key] = fieldValue(key, raw);
  }
  return out;
}

/**
 * An internal id as NetSuite reads it: a number, so `2`, `02` and `002` name one employee. Anything
 * else is kept as given (NetSuite refuses it, and the row fails on its own).
 */
export function canonicalInternalId(id: string): string {
  return /^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : id;
}

/**
 * An external id folded for chaining. Oracle documents the characters of an external id but not whether
 * NetSuite compares them case-sensitively (section_156334828635), so `ABC` and `abc` share a chain: run in
 * file order they are right either way, side by side they could race on one employee.
 */
export function chainExternalId(externalId: string): string {
  return externalId.toLowerCase();
}

/** The internal id a row names; with both an id and an external id, they must name the same employee. */
async function targetId(client: NetSuiteClient, values: Record<string, unknown>): Promise<string> {
  const id = text(values.id);
  const externalId = text(values.externalId);
  if (!id && !externalId) throw new TypeError('the row needs an id or an externalId');
  if (!externalId) return id;
  const found = await client.employees.getByExternalId(externalId);
  if (!found) throw new TypeError(`no employee has the external id "${externalId}"`);
  if (id && canonicalInternalId(String(found.id)) !== canonicalInternalId(id))
    throw new TypeError(
      `id ${id} and externalId "${externalId}" (employee ${String(found.id)}) name different employees`,
    );
  return String(found.id);
}

/** The roles of a set-roles row: never empty, so a missing or blank cell cannot remove every role. */
function roleList(values: Record<string, unknown>): string[] {
  const roles = given(values.roles) ? fieldValue('roles', values.roles) : [];
  const list = (Array.isArray(roles) ? roles : [roles]).map((r) => text(r)).filter((r) => r !== '');
  if (list.length === 0)
    throw new TypeError(
      'set-roles needs the roles to keep in "roles"; an empty list would remove every role (use remove-role for that)',
    );
  return list;
}

/** Runs one row's action; returns the employee's id. */
async function perform(client: NetSuiteClient, action: string, values: Record<string, unknown>): Promise<string> {
  const e = client.employees;
  switch (action as BulkAction) {
    case 'create':
    case 'upsert': {
      const externalId = text(values.externalId);
      if (!externalId)
        throw new TypeError(`${action} needs an externalId, so that running the file again cannot create duplicates`);
      return e.upsert(externalId, fields(values, ['externalId']));
    }
    case 'update': {
      const change = fields(values, ['externalId']);
      if (Object.keys(change).length === 0) throw new TypeError('update has no field to change');
      const id = await targetId(client, values);
      await e.update(id, change);
      return id;
    }
    case 'deactivate':
    case 'reactivate':
      return lifecycle(client, action as 'deactivate' | 'reactivate', values);
    case 'delete':
      return remove(client, values);
    case 'add-role':
    case 'remove-role': {
      const role = text(values.role);
      if (!role) throw new TypeError(`${action} needs a role`);
      const id = await targetId(client, values);
      await (action === 'add-role' ? e.addRole(id, role) : e.removeRole(id, role));
      return id;
    }
    case 'set-roles': {
      const roles = roleList(values);
      const id = await targetId(client, values);
      await e.setRoles(id, roles);
      return id;
    }
    default:
      throw new TypeError(`unknown action "${action}" (one of ${BULK_ACTIONS.join(', ')})`);
  }
}

async function lifecycle(
  client: NetSuiteClient,
  action: 'deactivate' | 'reactivate',
  values: Record<string, unknown>,
): Promise<string> {
  const id = await targetId(client, values);
  if (action === 'deactivate') await client.employees.deactivate(id);
  else {
    const access = given(values.giveAccess) ? (fieldValue('giveAccess', values.giveAccess) as boolean) : undefined;
    await client.employees.reactivate(id, access === undefined ? {} : { giveAccess: access });
  }
  return id;
}

/** Deletes by internal id only, so that a re-run finds it gone (404) and counts it done. */
async function remove(client: NetSuiteClient, values: Record<string, unknown>): Promise<string> {
  const id = text(values.id);
  if (!id) throw new TypeError('delete needs the internal id');
  try {
    await client.employees.delete(id);
  } catch (err) {
    if (!(err instanceof NetSuiteApiError && err.status === 404)) throw err; // gone already: done
  }
  return id;
}

/** Applies one row; failures become an error result, never an exception. */
export async function applyRow(client: NetSuiteClient, row: BulkRow): Promise<BulkResult> {
  const { values } = row;
  const action = text(values.action).toLowerCase();
  const base = {
    line: row.line,
    fingerprint: fingerprint(values),
    action,
    key: text(values.id) || text(values.externalId),
  };
  try {
    return { ...base, status: 'ok', id: await perform(client, action, values) };
  } catch (err) {
    const api =
      err instanceof NetSuiteApiError
        ? err
        : err instanceof RetriesExhaustedError && err.cause instanceof NetSuiteApiError
          ? err.cause
          : null;
    return {
      ...base,
      status: err instanceof InterruptedError ? 'interrupted' : 'error',
      error: (err as Error).message ?? String(err),
      code: api?.code,
      hint: err instanceof DeleteRefusedError ? err.hint : api?.hint,
    };
  }
}

export interface BulkOptions {
  /** Rows in flight at once; default the client's concurrency. */
  concurrency?: number;
  /** Rows (`rowKey`) an earlier run of this same file finished. */
  done?: ReadonlySet<string>;
  /** When aborted, no further row starts; rows in flight finish (or end `interrupted`). */
  signal?: AbortSignal | undefined;
  onResult?: (result: BulkResult | { line: number; status: 'skipped' }) => void;
}

export interface BulkTotals {
  ok: number;
  failed: number;
  skipped: number;
  /** Rows stopped by the signal in flight, or never started: a re-run of the file does them. */
  notRun: number;
}

/**
 * One chain per employee: rows naming it by id or by external id are put under its internal id (looked
 * up before anything runs), so they run in file order however they name it (`02` as `2`, an external id
 * in any case); other employees run side by side. An external id not found yet (an upsert in the file
 * creates it) chains by itself.
 */
async function chains(client: NetSuiteClient, rows: readonly BulkRow[]): Promise<BulkRow[][]> {
  const ids = await idsOfExternalIds(client, [...new Set(rows.map((r) => text(r.values.externalId)).filter(Boolean))]);
  const byKey = new Map<string, BulkRow[]>();
  for (const row of rows) {
    const id = canonicalInternalId(text(row.values.id));
    const eid = chainExternalId(text(row.values.externalId));
    const found = ids.get(eid);
    const key = id ? `id:${id}` : eid ? (found ? `id:${found}` : `eid:${eid}`) : `line:${row.line}`;
    const chain = byKey.get(key);
    if (chain) chain.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.values()];
}

/** External id (folded, chainExternalId) → internal id for the employees that exist, 200 per SuiteQL query. */
async function idsOfExternalIds(client: NetSuiteClient, externalIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < externalIds.length; i += 200) {
    const batch = externalIds.slice(i, i + 200);
    const q = `SELECT id, externalid FROM employee WHERE externalid IN (${batch.map(() => '?').join(', ')})`;
    for await (const row of client.suiteql.rows(q, batch))
      found.set(chainExternalId(String(row.externalid)), canonicalInternalId(String(row.id)));
  }
  return found;
}

export async function runBulk(
  client: NetSuiteClient,
  rows: readonly BulkRow[],
  options: BulkOptions = {},
): Promise<BulkTotals> {
  const problems = bulkInputProblems(rows);
  if (problems.length > 0) throw new BulkInputError(problems);
  const totals: BulkTotals = { ok: 0, failed: 0, skipped: 0, notRun: 0 };
  const queue = await chains(client, rows);
  let next = 0;
  const worker = async () => {
    while (next < queue.length && !options.signal?.aborted) {
      const chain = queue[next++] ?? [];
      for (const row of chain) {
        if (options.signal?.aborted) break;
        if (options.done?.has(rowKey(row.line, fingerprint(row.values)))) {
          totals.skipped++;
          options.onResult?.({ line: row.line, status: 'skipped' });
          continue;
        }
        const result = await applyRow(client, row);
        if (result.status === 'ok') totals.ok++;
        else if (result.status === 'error') totals.failed++;
        options.onResult?.(result);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? client.limiter.max) }, worker));
  totals.notRun = rows.length - totals.ok - totals.failed - totals.skipped;
  return totals;
}

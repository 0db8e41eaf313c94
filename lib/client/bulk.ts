/**
 * Lifecycle changes in bulk (rows from a CSV or JSON-lines file), run concurrently within the client's
 * limit, rows of the same record in file order. Every action is idempotent, so a file can be run again: creates must carry an `externalId` (they
 * become upserts), deletes of an already deleted employee count as done, and rows a previous run
 * finished are skipped by fingerprint.
 */
import { createHash } from 'node:crypto';
import type { NetSuiteClient } from './client';
import type { EmployeeInput } from './employees';
import { DeleteRefusedError, NetSuiteApiError, RetriesExhaustedError } from './errors';
import { fieldValue } from './values';

export const BULK_ACTIONS = ['upsert', 'create', 'update', 'deactivate', 'reactivate', 'add-role', 'remove-role', 'set-roles', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Columns that steer a row rather than set a field. */
const CONTROL = new Set(['action', 'id', 'role']);

export interface BulkRow {
  /** 1-based line (CSV: data line; JSON lines: line) for messages. */
  line: number;
  values: Record<string, unknown>;
}

export interface BulkResult {
  line: number;
  fingerprint: string;
  action: string;
  key: string;
  status: 'ok' | 'error';
  id?: string;
  error?: string;
  code?: string;
  hint?: string;
}

export function fingerprint(values: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

function fields(values: Record<string, unknown>, exclude: readonly string[] = []): EmployeeInput {
  const out: EmployeeInput = {};
  for (const [key, raw] of Object.entries(values)) {
    if (CONTROL.has(key) || exclude.includes(key) || raw === '' || raw === undefined) continue; // empty cell: leave as is
    out[key] = fieldValue(key, raw);
  }
  return out;
}

async function targetId(client: NetSuiteClient, values: Record<string, unknown>): Promise<string> {
  const id = text(values.id);
  if (id) return id;
  const externalId = text(values.externalId);
  if (!externalId) throw new TypeError('the row needs an id or an externalId');
  const found = await client.employees.getByExternalId(externalId);
  if (!found) throw new TypeError(`no employee has the external id "${externalId}"`);
  return String(found.id);
}

/** Applies one row; failures become an error result, never an exception. */
export async function applyRow(client: NetSuiteClient, row: BulkRow): Promise<BulkResult> {
  const { values } = row;
  const action = text(values.action).toLowerCase();
  const base = { line: row.line, fingerprint: fingerprint(values), action, key: text(values.id) || text(values.externalId) };
  try {
    const e = client.employees;
    let id: string | undefined;
    switch (action as BulkAction) {
      case 'create':
      case 'upsert': {
        const externalId = text(values.externalId);
        if (!externalId) throw new TypeError(`${action} needs an externalId, so that running the file again cannot create duplicates`);
        id = await e.upsert(externalId, fields(values, ['externalId']));
        break;
      }
      case 'update': {
        const change = fields(values, ['externalId']);
        if (Object.keys(change).length === 0) throw new TypeError('update has no field to change');
        await e.update((id = await targetId(client, values)), change);
        break;
      }
      case 'deactivate':
        await e.deactivate((id = await targetId(client, values)));
        break;
      case 'reactivate': {
        const access = text(values.giveAccess) === '' ? undefined : fieldValue('giveAccess', values.giveAccess);
        await e.reactivate((id = await targetId(client, values)), { giveAccess: access as boolean | undefined });
        break;
      }
      case 'add-role':
      case 'remove-role': {
        const role = text(values.role);
        if (!role) throw new TypeError(`${action} needs a role`);
        id = await targetId(client, values);
        await (action === 'add-role' ? e.addRole(id, role) : e.removeRole(id, role));
        break;
      }
      case 'set-roles': {
        const roles = fieldValue('roles', values.roles ?? '');
        id = await targetId(client, values);
        await e.setRoles(id, Array.isArray(roles) ? (roles as string[]) : []);
        break;
      }
      case 'delete': {
        id = text(values.id);
        if (!id) throw new TypeError('delete needs the internal id');
        try {
          await e.delete(id);
        } catch (err) {
          if (!(err instanceof NetSuiteApiError && err.status === 404)) throw err; // gone already: done
        }
        break;
      }
      default:
        throw new TypeError(`unknown action "${action}" (one of ${BULK_ACTIONS.join(', ')})`);
    }
    return { ...base, status: 'ok', id };
  } catch (err) {
    const api = err instanceof NetSuiteApiError ? err : err instanceof RetriesExhaustedError && err.cause instanceof NetSuiteApiError ? err.cause : null;
    return {
      ...base,
      status: 'error',
      error: (err as Error).message ?? String(err),
      code: api?.code,
      hint: err instanceof DeleteRefusedError ? err.hint : api?.hint,
    };
  }
}

export interface BulkOptions {
  /** Rows in flight at once; default the client's concurrency. */
  concurrency?: number;
  /** Fingerprints finished by an earlier run. */
  done?: ReadonlySet<string>;
  onResult?: (result: BulkResult | { line: number; status: 'skipped' }) => void;
}

/** Rows naming the same record (same id or external id) run in file order; different records run concurrently. */
function chains(rows: readonly BulkRow[]): BulkRow[][] {
  const byKey = new Map<string, BulkRow[]>();
  for (const row of rows) {
    const key = text(row.values.id) ? `id:${text(row.values.id)}` : text(row.values.externalId) ? `eid:${text(row.values.externalId)}` : `line:${row.line}`;
    const chain = byKey.get(key);
    if (chain) chain.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.values()];
}

export async function runBulk(client: NetSuiteClient, rows: readonly BulkRow[], options: BulkOptions = {}): Promise<{ ok: number; failed: number; skipped: number }> {
  const totals = { ok: 0, failed: 0, skipped: 0 };
  const queue = chains(rows);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      for (const row of queue[next++]!) {
        if (options.done?.has(fingerprint(row.values))) {
          totals.skipped++;
          options.onResult?.({ line: row.line, status: 'skipped' });
          continue;
        }
        const result = await applyRow(client, row);
        if (result.status === 'ok') totals.ok++;
        else totals.failed++;
        options.onResult?.(result);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? client.limiter.max) }, worker));
  return totals;
}

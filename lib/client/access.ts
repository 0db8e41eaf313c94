/**
 * The access review: every record that can log in (employee, vendor, partner, customer: the core's
 * registry) with login access, its roles and state, read with key-paged SuiteQL (past 100,000 rows),
 * and the difference between two such exports (who gained or lost access or a role).
 */
import { rolesOf, USER_RECORD_TYPES, type Ref, type UserRecordType } from '../core';
import type { Employees } from './employees';
import type { Row, SuiteQL } from './suiteql';

export interface AccessEntry {
  type: string;
  id: string;
  entityId: string | null;
  email: string | null;
  isInactive: boolean;
  roles: Ref[];
  /** `INACTIVE_WITH_ACCESS`: the record is inactive but login access is still given. */
  flags: string[];
}

/** Roles of records whose type keeps them in a sublist without a documented SuiteQL table (vendors). */
export type RolesByRest = (type: UserRecordType, id: string) => Promise<Ref[]>;

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function entry(type: UserRecordType, row: Row, roles: Ref[]): AccessEntry {
  const isInactive = row.isinactive === 'T' || row.isinactive === true;
  return {
    type: type.id,
    id: String(row.id),
    entityId: text(row.entityid),
    email: text(row.email),
    isInactive,
    roles,
    flags: isInactive ? ['INACTIVE_WITH_ACCESS'] : [],
  };
}

/** The roles of one batch of employees (the `employeerolesforsearch` table), by entity id. */
async function sublistRoles(suiteql: SuiteQL, table: string, ids: string[]): Promise<Map<string, Ref[]>> {
  const out = new Map<string, Ref[]>();
  if (ids.length === 0) return out;
  const rows = suiteql.rows(
    `SELECT r.entity AS entity, r.role AS role, BUILTIN.DF(r.role) AS role_name FROM ${table} r WHERE r.entity IN (${ids.map(Number).join(', ')}) ORDER BY r.entity, r.role`,
  );
  for await (const row of rows) {
    const list = out.get(String(row.entity)) ?? [];
    list.push({ id: String(row.role), refName: text(row.role_name) });
    out.set(String(row.entity), list);
  }
  return out;
}

async function* ofType(suiteql: SuiteQL, type: UserRecordType, rolesByRest: RolesByRest): AsyncGenerator<AccessEntry> {
  const roles = type.roles;
  const select = ['e.id AS id', 'e.entityid AS entityid', 'e.email AS email', 'e.isinactive AS isinactive'];
  if (roles.kind === 'select') select.push(`e.${roles.column} AS role`, `BUILTIN.DF(e.${roles.column}) AS role_name`);
  const rows = suiteql.scan({
    select: select.join(', '),
    from: `${type.id} e`,
    where: "e.giveaccess = 'T'",
    key: [{ expr: 'e.id', column: 'id', numeric: true }],
  });
  let batch: Row[] = [];
  const flush = async function* (): AsyncGenerator<AccessEntry> {
    const table = roles.kind === 'sublist' ? roles.suiteqlTable : null;
    const byId = table
      ? await sublistRoles(
          suiteql,
          table,
          batch.map((r) => String(r.id)),
        )
      : null;
    // Without a SuiteQL table, the batch's REST reads run side by side (the client's limiter bounds them).
    const fromRest =
      roles.kind === 'sublist' && !byId ? await Promise.all(batch.map((r) => rolesByRest(type, String(r.id)))) : null;
    for (const [i, row] of batch.entries()) {
      let list: Ref[];
      if (roles.kind === 'select')
        list = row.role == null || row.role === '' ? [] : [{ id: String(row.role), refName: text(row.role_name) }];
      else list = fromRest?.[i] ?? byId?.get(String(row.id)) ?? [];
      yield entry(type, row, list);
    }
    batch = [];
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === 500) yield* flush();
  }
  yield* flush();
}

/** The roles of one record read from its REST record (for a sublist without a SuiteQL table: vendors). */
export async function restRoles(records: Employees, id: string): Promise<Ref[]> {
  return rolesOf(records.type, await records.get(id));
}

/**
 * Every record with login access, type by type in registry order, by id. Vendors' roles come from the
 * REST record (no SuiteQL table for them is documented), one GET per vendor with access.
 */
export async function* accessList(
  suiteql: SuiteQL,
  recordsOf: (type: UserRecordType) => Employees,
): AsyncGenerator<AccessEntry> {
  const rolesByRest: RolesByRest = (type, id) => restRoles(recordsOf(type), id);
  for (const type of USER_RECORD_TYPES) yield* ofType(suiteql, type, rolesByRest);
}

export interface AccessChange {
  type: string;
  id: string;
  entityId: string | null;
  change: 'access_granted' | 'access_revoked' | 'role_added' | 'role_removed';
  role?: Ref;
}

/** What changed between a previous export and the current one: access gained or lost, roles added or removed. */
export function diffAccess(previous: readonly AccessEntry[], current: readonly AccessEntry[]): AccessChange[] {
  const key = (e: AccessEntry) => `${e.type}:${e.id}`;
  const before = new Map(previous.map((e) => [key(e), e]));
  const after = new Map(current.map((e) => [key(e), e]));
  const out: AccessChange[] = [];
  const base = (e: AccessEntry) => ({ type: e.type, id: e.id, entityId: e.entityId });
  for (const [k, e] of after) {
    const old = before.get(k);
    if (!old) {
      out.push({ ...base(e), change: 'access_granted' });
      continue;
    }
    const had = new Set(old.roles.map((r) => r.id));
    const has = new Set(e.roles.map((r) => r.id));
    for (const r of e.roles) if (!had.has(r.id)) out.push({ ...base(e), change: 'role_added', role: r });
    for (const r of old.roles) if (!has.has(r.id)) out.push({ ...base(e), change: 'role_removed', role: r });
  }
  for (const [k, e] of before) if (!after.has(k)) out.push({ ...base(e), change: 'access_revoked' });
  return out;
}

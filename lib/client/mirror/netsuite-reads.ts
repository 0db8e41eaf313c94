/**
 * What reconcile reads from NetSuite for one registry type besides the incremental sync: role
 * assignments of a batch of records, full rows by id, and the key scan of every id (paged by id past
 * SuiteQL's 100,000-row ceiling). Roles however the type stores them (lib/core/record-types.ts): the
 * one `accessRole` select in the row itself (partners, customers); a SuiteQL table with one row per
 * record and role, joined to `role` for the name (`employeerolesforsearch`: the lines of the employee's
 * `roles` sublist); or, for a sublist without a documented SuiteQL table (vendors), the REST record,
 * one read per record (as the access review does, lib/client/access.ts).
 */
import { fromSuiteQLRow, suiteqlSelectList, type CanonicalRecord, type Ref, type UserRecordType } from '../../core';
import type { SuiteQL, SuiteQLPage } from '../suiteql';
import { splitRoles, uniqueRoles } from './record-state';

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** The roles of one record from its REST record; null when the record no longer exists. */
export type RestRoles = (type: UserRecordType, id: string) => Promise<Ref[] | null>;

/** A NetSuite row as reconcile compares it: the fields without the role field, and the roles. */
export interface TheirRecord {
  record: CanonicalRecord;
  roles: Ref[];
}

/** Role assignments per id from a SuiteQL table of (entity, role) rows; every id gets an entry. */
async function tableRoles(suiteql: SuiteQL, table: string, ids: readonly string[]): Promise<Map<string, Ref[]>> {
  const out = new Map<string, Ref[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = suiteql.rows(
    `SELECT r.entity AS entity, r.role AS role, ro.name AS role_name FROM ${table} r JOIN role ro ON ro.id = r.role WHERE r.entity IN (${placeholders(ids.length)}) ORDER BY r.entity, r.role`,
    ids.map(Number),
  );
  for await (const row of rows) {
    const list = out.get(String(row.entity));
    list?.push({ id: String(row.role), refName: row.role_name === null ? null : String(row.role_name) });
  }
  return out;
}

/**
 * The rows of one batch with their roles. A record whose REST read finds it gone is left out: it was
 * deleted after the SuiteQL read, and the key scan removes it.
 */
export async function withRoles(
  suiteql: SuiteQL,
  type: UserRecordType,
  records: readonly CanonicalRecord[],
  restRoles: RestRoles,
): Promise<TheirRecord[]> {
  const split = records.map((r) => {
    const { fields, roles } = splitRoles(r);
    return { record: fields, roles: roles ?? [] };
  });
  const storage = type.roles;
  if (storage.kind === 'select') return split;
  const ids = split.map((r) => String(r.record.id));
  if (storage.suiteqlTable) {
    const byId = await tableRoles(suiteql, storage.suiteqlTable, ids);
    return split.map((r) => ({ record: r.record, roles: uniqueRoles(byId.get(String(r.record.id)) ?? []) }));
  }
  // Side by side: the client's limiter bounds the concurrent requests.
  const read = await Promise.all(ids.map((id) => restRoles(type, id)));
  return split.flatMap((r, i) => (read[i] ? [{ record: r.record, roles: uniqueRoles(read[i]) }] : []));
}

/** Full rows of `type` by id (at most 1000 ids), with NetSuite's clock at the time of reading. */
export async function recordsById(
  suiteql: SuiteQL,
  type: UserRecordType,
  ids: readonly string[],
  timeZone: string,
): Promise<{ records: CanonicalRecord[]; serverDate: string | null }> {
  if (ids.length === 0) return { records: [], serverDate: null };
  const page: SuiteQLPage = await suiteql.page(
    `SELECT ${suiteqlSelectList(type.fields, 'e')} FROM ${type.id} e WHERE e.id IN (${placeholders(ids.length)}) ORDER BY e.id`,
    ids.map(Number),
    1000,
  );
  return {
    records: page.items.map((row) => fromSuiteQLRow(row, type.fields, { timeZone })),
    serverDate: page.serverDate,
  };
}

/** Every id of `type` after `after`, in pages; `onPage` sees each page (NetSuite's clock). */
export async function* idPages(
  suiteql: SuiteQL,
  type: UserRecordType,
  pageSize: number,
  after: string | null,
  onPage: (page: SuiteQLPage) => void,
): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const row of suiteql.scan({
    select: 'e.id AS id',
    from: `${type.id} e`,
    key: [{ expr: 'e.id', column: 'id', numeric: true }],
    after: after === null ? undefined : [after],
    pageSize,
    onPage,
  })) {
    batch.push(String(row.id));
    if (batch.length >= pageSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

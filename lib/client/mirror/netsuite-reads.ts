/**
 * What reconcile reads from NetSuite besides the incremental sync: role assignments of a batch of
 * employees, full rows by id, and the key scan of every id (paged by id past SuiteQL's 100,000-row
 * ceiling). Roles are read from `employeerolesforsearch` (one row per employee and role) joined to
 * `role` for the name, the same lines as the record's `roles` sublist.
 */
import { EMPLOYEE_FIELDS, fromSuiteQLRow, suiteqlSelectList, type CanonicalRecord, type Ref } from '../../core';
import type { SuiteQL, SuiteQLPage } from '../suiteql';

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Role assignments per employee id (every id given gets an entry, empty when it has none). */
export async function rolesOf(suiteql: SuiteQL, ids: readonly string[]): Promise<Map<string, Ref[]>> {
  const out = new Map<string, Ref[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = suiteql.rows(
    `SELECT r.entity AS entity, r.role AS role, ro.name AS role_name FROM employeerolesforsearch r JOIN role ro ON ro.id = r.role WHERE r.entity IN (${placeholders(ids.length)}) ORDER BY r.entity, r.role`,
    ids.map(Number),
  );
  for await (const row of rows) {
    const list = out.get(String(row.entity));
    list?.push({ id: String(row.role), refName: row.role_name === null ? null : String(row.role_name) });
  }
  return out;
}

/** Full employee rows by id (at most 1000 ids), with NetSuite's clock at the time of reading. */
export async function employeesById(
  suiteql: SuiteQL,
  ids: readonly string[],
  timeZone: string,
): Promise<{ records: CanonicalRecord[]; serverDate: string | null }> {
  if (ids.length === 0) return { records: [], serverDate: null };
  const page: SuiteQLPage = await suiteql.page(
    `SELECT ${suiteqlSelectList(EMPLOYEE_FIELDS, 'e')} FROM employee e WHERE e.id IN (${placeholders(ids.length)}) ORDER BY e.id`,
    ids.map(Number),
    1000,
  );
  return {
    records: page.items.map((row) => fromSuiteQLRow(row, EMPLOYEE_FIELDS, { timeZone })),
    serverDate: page.serverDate,
  };
}

/** Every employee id after `after`, in pages; `onPage` sees each page (NetSuite's clock). */
export async function* employeeIdPages(
  suiteql: SuiteQL,
  pageSize: number,
  after: string | null,
  onPage: (page: SuiteQLPage) => void,
): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const row of suiteql.scan({
    select: 'e.id AS id',
    from: 'employee e',
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

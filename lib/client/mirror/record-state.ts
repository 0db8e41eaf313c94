/**
 * What the mirror holds of one user record, and how it maps to the `mirror_record` columns. Generic
 * over the record type: employees today; vendors, partners and customers (their `roles` sublist or
 * `accessRole` select) use the same columns, a field a type lacks stays null.
 */
import type { CanonicalRecord, CanonicalValue, Ref } from '../../core';

export interface MirrorState {
  recordType: string;
  recordId: string;
  /** The canonical record (REST names), without the role list. */
  fields: CanonicalRecord;
  /** Role assignments, sorted by id. */
  roles: Ref[];
  sequence: number;
  deleted: boolean;
}

/** Canonical field → column, for the values people filter on; everything is also in `fields`. */
const TEXT_COLUMNS: readonly (readonly [string, string])[] = [
  ['entityId', 'entity_id'],
  ['externalId', 'external_id'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['email', 'email'],
  ['title', 'title'],
  ['phone', 'phone'],
  ['mobilePhone', 'mobile_phone'],
  ['hireDate', 'hire_date'],
  ['lastModifiedDate', 'last_modified'],
];
const REF_COLUMNS: readonly (readonly [string, string])[] = [
  ['subsidiary', 'subsidiary'],
  ['department', 'department'],
  ['location', 'location'],
  ['supervisor', 'supervisor'],
  ['employeeType', 'employee_type'],
];
const BOOLEAN_COLUMNS: readonly (readonly [string, string])[] = [
  ['isInactive', 'is_inactive'],
  ['giveAccess', 'give_access'],
];
/** Fields that hold role assignments: employees' and vendors' sublist, partners' and customers' select. */
const ROLE_FIELDS = ['roles', 'accessRole'];

export const RECORD_COLUMNS: readonly string[] = [
  ...TEXT_COLUMNS.map(([, c]) => c),
  ...REF_COLUMNS.flatMap(([, c]) => [`${c}_id`, c]),
  ...BOOLEAN_COLUMNS.map(([, c]) => c),
];

function isRef(value: CanonicalValue | undefined): value is Ref {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The column values of a record's fields, in `RECORD_COLUMNS` order. */
export function columnValues(fields: CanonicalRecord): unknown[] {
  const text = (v: CanonicalValue | undefined) => (v === undefined || v === null ? null : String(v));
  return [
    ...TEXT_COLUMNS.map(([f]) => text(fields[f])),
    ...REF_COLUMNS.flatMap(([f]) => {
      const v = fields[f];
      return isRef(v) ? [v.id, v.refName] : [null, null];
    }),
    ...BOOLEAN_COLUMNS.map(([f]) => fields[f] === true),
  ];
}

function byId(a: Ref, b: Ref): number {
  return Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
}

/** Splits a canonical record into its fields and its role assignments (sorted, without duplicates). */
export function splitRoles(record: CanonicalRecord): { fields: CanonicalRecord; roles: Ref[] | null } {
  const fields: CanonicalRecord = {};
  let roles: Ref[] | null = null;
  for (const [k, v] of Object.entries(record)) {
    if (!ROLE_FIELDS.includes(k)) fields[k] = v;
    else if (Array.isArray(v)) roles = [...(roles ?? []), ...v];
    else roles = [...(roles ?? []), ...(isRef(v) ? [v] : [])];
  }
  return { fields, roles: roles && uniqueRoles(roles) };
}

export function uniqueRoles(roles: readonly Ref[]): Ref[] {
  const seen = new Map<string, Ref>();
  for (const r of roles) if (!seen.has(r.id)) seen.set(r.id, { id: r.id, refName: r.refName ?? null });
  return [...seen.values()].sort(byId);
}

/** A value compared across sources: refs by id, date-times to the second (SuiteQL has no milliseconds). */
function comparable(value: CanonicalValue | undefined): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (isRef(value)) return value.id;
  if (Array.isArray(value)) return value.map((r) => r.id).sort();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value))
    return value.slice(0, 19);
  return value;
}

/** The names (of `theirs`) whose values differ from `ours`; only the fields `theirs` carries are compared. */
export function differingFields(ours: CanonicalRecord, theirs: CanonicalRecord): string[] {
  return Object.keys(theirs)
    .filter((k) => k !== 'id' && JSON.stringify(comparable(ours[k])) !== JSON.stringify(comparable(theirs[k])))
    .sort();
}

export function sameRoles(a: readonly Ref[], b: readonly Ref[]): boolean {
  return a.length === b.length && a.every((r, i) => r.id === b[i]?.id);
}

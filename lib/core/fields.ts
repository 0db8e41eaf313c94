/**
 * The one canonical employee field map: NetSuite field id ↔ REST Record API name ↔ SuiteQL column,
 * with the kind of value each holds. The bundle, the client and the sandbox all read it.
 */

export type ValueKind =
  | 'text'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'float'
  | 'select'
  | 'multiselect'
  /** A sublist of selects reported as added/removed (the `roles` sublist). */
  | 'sublist'
  /** Custom fields of undeclared type: the kind is inferred from the value read. */
  | 'auto';

export interface FieldSpec {
  /** REST Record API name (camelCase); custom fields keep their id. */
  rest: string;
  /** SuiteScript field id (`getValue({ fieldId })`), lower case. */
  nsId: string;
  /** SuiteQL column on the `employee` table, lower case; null where SuiteQL has no column. */
  column: string | null;
  kind: ValueKind;
  /** For selects: the record type the id points at (for name resolution and refNames). */
  refType?: string;
  /** For sublists: the sublist id and the select field on each line. */
  sublist?: { id: string; field: string; rest: string };
  /** System-maintained: never written by the client, not a user change on its own. */
  readOnly?: boolean;
}

/** The standard employee fields (the reference guide's user object), in a stable order. */
export const EMPLOYEE_FIELDS: readonly FieldSpec[] = Object.freeze([
  { rest: 'entityId', nsId: 'entityid', column: 'entityid', kind: 'text' },
  { rest: 'externalId', nsId: 'externalid', column: 'externalid', kind: 'text' },
  { rest: 'firstName', nsId: 'firstname', column: 'firstname', kind: 'text' },
  { rest: 'lastName', nsId: 'lastname', column: 'lastname', kind: 'text' },
  { rest: 'email', nsId: 'email', column: 'email', kind: 'text' },
  { rest: 'title', nsId: 'title', column: 'title', kind: 'text' },
  { rest: 'phone', nsId: 'phone', column: 'phone', kind: 'text' },
  { rest: 'mobilePhone', nsId: 'mobilephone', column: 'mobilephone', kind: 'text' },
  { rest: 'isInactive', nsId: 'isinactive', column: 'isinactive', kind: 'boolean' },
  { rest: 'giveAccess', nsId: 'giveaccess', column: 'giveaccess', kind: 'boolean' },
  { rest: 'subsidiary', nsId: 'subsidiary', column: 'subsidiary', kind: 'select', refType: 'subsidiary' },
  { rest: 'department', nsId: 'department', column: 'department', kind: 'select', refType: 'department' },
  { rest: 'location', nsId: 'location', column: 'location', kind: 'select', refType: 'location' },
  { rest: 'supervisor', nsId: 'supervisor', column: 'supervisor', kind: 'select', refType: 'employee' },
  { rest: 'employeeType', nsId: 'employeetype', column: 'employeetype', kind: 'select', refType: 'employeetype' },
  { rest: 'hireDate', nsId: 'hiredate', column: 'hiredate', kind: 'date' },
  { rest: 'lastModifiedDate', nsId: 'lastmodifieddate', column: 'lastmodifieddate', kind: 'datetime', readOnly: true },
  {
    rest: 'roles',
    nsId: 'roles',
    column: null,
    kind: 'sublist',
    refType: 'role',
    sublist: { id: 'roles', field: 'selectedrole', rest: 'selectedRole' },
  },
] satisfies FieldSpec[]);

/** Fields that never appear in a payload, whatever the configuration says. */
export const FORBIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'password2',
  'socialsecuritynumber',
  'socialSecurityNumber',
  'ssn',
]);

/** Custom entity field ids are accepted as they are. */
const CUSTOM_FIELD = /^custentity[a-z0-9_]*$/;

const DECLARABLE_KINDS: ReadonlySet<string> = new Set([
  'text',
  'boolean',
  'date',
  'datetime',
  'integer',
  'float',
  'select',
  'multiselect',
]);

/**
 * Resolves a field named by REST name (any case) or NetSuite id. Custom `custentity…` ids are accepted
 * as they are, optionally with a declared kind (`custentity_badge:boolean`); undeclared ones infer
 * their kind from the value. Returns null for unknown and forbidden names.
 */
export function resolveField(name: string): FieldSpec | null {
  return resolveFieldIn(EMPLOYEE_FIELDS, name);
}

/** Lookup maps per field list, built once (the registry's lists are frozen and long-lived). */
const INDEX = new WeakMap<readonly FieldSpec[], Map<string, FieldSpec>>();

function indexOf(fields: readonly FieldSpec[]): Map<string, FieldSpec> {
  let index = INDEX.get(fields);
  if (!index) {
    index = new Map<string, FieldSpec>();
    for (const f of fields) index.set(f.nsId, f);
    for (const f of fields) index.set(f.rest.toLowerCase(), f); // a REST name wins over an equal id
    INDEX.set(fields, index);
  }
  return index;
}

/** `resolveField` over another record type's field map (lib/core/record-types.ts). */
export function resolveFieldIn(fields: readonly FieldSpec[], name: string): FieldSpec | null {
  const [rawName, rawKind] = name.split(':').map((s) => s.trim());
  if (!rawName || FORBIDDEN_FIELDS.has(rawName) || FORBIDDEN_FIELDS.has(rawName.toLowerCase())) return null;
  const lower = rawName.toLowerCase();
  const known = indexOf(fields).get(lower);
  if (known) return rawKind === undefined ? known : null;
  if (!CUSTOM_FIELD.test(lower)) return null;
  if (rawKind !== undefined && !DECLARABLE_KINDS.has(rawKind)) return null;
  return { rest: lower, nsId: lower, column: lower, kind: (rawKind as ValueKind | undefined) ?? 'auto' };
}

/** Looks a field up by its SuiteQL column name. */
export function fieldByColumn(column: string, fields: readonly FieldSpec[] = EMPLOYEE_FIELDS): FieldSpec | null {
  const lower = column.toLowerCase();
  return fields.find((f) => f.column === lower) ?? (CUSTOM_FIELD.test(lower) ? resolveFieldIn(fields, lower) : null);
}

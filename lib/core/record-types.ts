/**
 * The one registry of the record types suitehooks watches: every NetSuite record that can log in
 * ("most users are employees, but vendors, partners, and customers also can be users",
 * section_N285060). Each entry names the record type, its event names, its canonical field map and how
 * it stores login access and roles. The bundle, the client, the sandbox, the JSON Schema and the docs
 * read this table; adding a type is one entry here plus its object XML (CONTRIBUTING.md).
 */
import { EMPLOYEE_FIELDS, resolveFieldIn, type FieldSpec } from './fields';
import type {
  CanonicalRecord,
  CanonicalValue,
  ChangeType,
  Changes,
  EventTypeName,
  Ref,
  UserRecordTypeId,
} from './types';

export type { UserRecordTypeId } from './types';

/**
 * Where a record keeps the roles its login gets: a `roles` sublist of `selectedrole` lines (employee,
 * vendor: REST use case section_0413121324) or one `accessrole` select (partner, customer).
 */
export type RoleStorage =
  | {
      kind: 'sublist';
      /** The field in the canonical map (REST name) holding the role refs. */
      rest: string;
      /** SuiteQL table with one row per (entity, role), or null where none is documented. */
      suiteqlTable: string | null;
    }
  | { kind: 'select'; rest: string; column: string };

export interface UserRecordType {
  /** NetSuite's record type id: N/record `type`, REST path `/record/v1/<id>`, SuiteQL table. */
  id: UserRecordTypeId;
  /** `recordtype` of a usereventscript deployment in SDF object XML. */
  sdfRecordType: string;
  /**
   * The user event script's deployment on this type (src/Objects/customscript_suitehooks_employee_ue.xml):
   * one script, one deployment per record type, each with its own parameter values.
   */
  deploymentId: string;
  /** Prefix of the event types: `<prefix>.created`, `.updated`, `.deleted` (the record type id). */
  eventPrefix: UserRecordTypeId;
  /** Singular and plural, for messages, the CLI and the docs. */
  label: string;
  plural: string;
  /** The canonical field map: REST name ↔ SuiteScript id ↔ SuiteQL column, in a stable order. */
  fields: readonly FieldSpec[];
  roles: RoleStorage;
  /** Oracle help pages the entry follows (docs/netsuite.md#record-types). */
  sources: readonly string[];
}

function byRest(rest: string): FieldSpec {
  const spec = EMPLOYEE_FIELDS.find((f) => f.rest === rest);
  if (!spec) throw new Error(`no employee field "${rest}" in EMPLOYEE_FIELDS (lib/core/fields.ts)`);
  return spec;
}

/** Entity fields every login record shares, with the same ids as the employee's (one spec each). */
const ENTITY = ['entityId', 'externalId', 'firstName', 'lastName', 'email', 'phone', 'isInactive', 'giveAccess'];
const SUBSIDIARY = byRest('subsidiary');
const MODIFIED = byRest('lastModifiedDate');
const ROLES_SUBLIST = byRest('roles');
const IS_PERSON: FieldSpec = { rest: 'isPerson', nsId: 'isperson', column: 'isperson', kind: 'boolean' };
const COMPANY: FieldSpec = { rest: 'companyName', nsId: 'companyname', column: 'companyname', kind: 'text' };
const ACCESS_ROLE: FieldSpec = {
  rest: 'accessRole',
  nsId: 'accessrole',
  column: 'accessrole',
  kind: 'select',
  refType: 'role',
};

function entityFields(...extra: FieldSpec[]): readonly FieldSpec[] {
  return Object.freeze([
    ...ENTITY.map(byRest).slice(0, 2),
    IS_PERSON,
    COMPANY,
    ...ENTITY.map(byRest).slice(2),
    SUBSIDIARY,
    ...extra,
    MODIFIED,
  ]);
}

export const VENDOR_FIELDS = entityFields(
  { rest: 'legalName', nsId: 'legalname', column: 'legalname', kind: 'text' },
  ROLES_SUBLIST,
);

export const PARTNER_FIELDS = entityFields(
  byRest('department'),
  byRest('location'),
  { rest: 'partnerCode', nsId: 'partnercode', column: 'partnercode', kind: 'text' },
  ACCESS_ROLE,
);

export const CUSTOMER_FIELDS = entityFields(
  { rest: 'salesRep', nsId: 'salesrep', column: 'salesrep', kind: 'select', refType: 'employee' },
  ACCESS_ROLE,
);

function entry(
  id: UserRecordTypeId,
  plural: string,
  fields: readonly FieldSpec[],
  roles: RoleStorage,
  sources: string[],
): UserRecordType {
  return Object.freeze({
    id,
    sdfRecordType: id.toUpperCase(),
    deploymentId: `customdeploy_suitehooks_${id}_ue`,
    eventPrefix: id,
    label: id,
    plural,
    fields,
    roles,
    sources: Object.freeze(sources),
  });
}

const SELECT_ROLE: RoleStorage = { kind: 'select', rest: 'accessRole', column: 'accessrole' };

/** The registry, in the order the docs and the CLI list the types. */
export const USER_RECORD_TYPES: readonly UserRecordType[] = Object.freeze([
  entry(
    'employee',
    'employees',
    EMPLOYEE_FIELDS,
    { kind: 'sublist', rest: 'roles', suiteqlTable: 'employeerolesforsearch' },
    ['section_N285060'],
  ),
  entry('vendor', 'vendors', VENDOR_FIELDS, { kind: 'sublist', rest: 'roles', suiteqlTable: null }, [
    'section_N3187808',
    'article_164337045826',
    'section_0413121324',
  ]),
  entry('partner', 'partners', PARTNER_FIELDS, SELECT_ROLE, ['section_N3187098', 'section_0815024527']),
  entry('customer', 'customers', CUSTOMER_FIELDS, SELECT_ROLE, ['section_N3184698', 'section_1014091843']),
]);

const BY_ID = new Map(USER_RECORD_TYPES.map((t) => [t.id, t]));

/** The registry entry of a record type id (any case), or null for a type suitehooks does not watch. */
export function userRecordType(id: string): UserRecordType | null {
  return BY_ID.get(id.toLowerCase() as UserRecordTypeId) ?? null;
}

/** The registry entry of a type id the code names (`'employee'`); throws if the registry lacks it. */
export function recordTypeEntry(id: UserRecordTypeId): UserRecordType {
  const type = BY_ID.get(id);
  if (!type) throw new Error(`record type "${id}" has no entry in USER_RECORD_TYPES (lib/core/record-types.ts)`);
  return type;
}

/** The entry whose SDF `recordtype` (EMPLOYEE, VENDOR, …) this is, or null. */
export function userRecordTypeOfSdf(sdfRecordType: string): UserRecordType | null {
  return USER_RECORD_TYPES.find((t) => t.sdfRecordType === sdfRecordType.toUpperCase()) ?? null;
}

const SUFFIX = { create: 'created', update: 'updated', delete: 'deleted' } as const satisfies Record<
  ChangeType,
  string
>;

/**
 * Every event type name as a type (`employee.created` … `customer.deleted`): the contract's
 * `EventTypeName` (lib/core/types.ts), derived there from the record type ids and read by the JSON Schema.
 */
export type UserEventTypeName = EventTypeName;

/** The event type of a change: `vendor.created`, `customer.deleted`, … */
export function eventTypeOf(type: UserRecordType, changeType: ChangeType): UserEventTypeName {
  return `${type.eventPrefix}.${SUFFIX[changeType]}`;
}

/** Every event type name the registry declares, in registry order. */
export const EVENT_TYPE_NAMES: readonly UserEventTypeName[] = Object.freeze(
  USER_RECORD_TYPES.flatMap((t) => (['create', 'update', 'delete'] as const).map((c) => eventTypeOf(t, c))),
);

/** A field of a type by REST name (any case) or NetSuite id, custom `custentity…` ids included. */
export function resolveFieldOf(type: UserRecordType, name: string): FieldSpec | null {
  return resolveFieldIn(type.fields, name);
}

export interface RoleDelta {
  added: Ref[];
  removed: Ref[];
}

function refs(value: CanonicalValue | undefined): Ref[] {
  if (Array.isArray(value)) return value;
  return value && typeof value === 'object' ? [value] : [];
}

/**
 * The roles a change added and removed, whichever way the type stores them: a sublist change is
 * already membership; a select change from A to B is "B added, A removed".
 */
export function roleDelta(type: UserRecordType, changes: Changes): RoleDelta {
  const change = changes[type.roles.rest];
  if (!change) return { added: [], removed: [] };
  if ('added' in change) return { added: change.added, removed: change.removed };
  return { added: refs(change.new), removed: refs(change.old) };
}

/** The roles a canonical record grants, as a list whichever way the type stores them. */
export function rolesOf(type: UserRecordType, record: CanonicalRecord): Ref[] {
  return refs(record[type.roles.rest]);
}

/**
 * Employees, and the other login records of the core's registry (vendor, partner, customer), in the
 * store: reading a row as the canonical record, and applying a write (from the REST layer's canonical
 * values or a script's `setValue`s) with NetSuite's validation. One implementation driven by the type's
 * schema. Pure data work on a connection; firing user events is the engine's job.
 */
import {
  normalizeValue,
  readRecord,
  type CanonicalRecord,
  type CanonicalValue,
  type FieldSource,
  type FieldSpec,
  type Ref,
  USER_RECORD_TYPES,
} from '../../core';
import { NetSuiteError } from '../account/account-types';
import type { Statement } from 'better-sqlite3';
import { STANDARD_SCHEMA, type EmployeeSchema, type RecordSchema } from './employee-schema';
import { isCalendarDate, isDateTime } from './date-input';
import type { Db } from '../account/store';

export type Row = Record<string, unknown>;

/**
 * A record as stored: its row (columns as SuiteQL names them) and its roles sublist (role ids, in line
 * order; always empty for a type whose role is the `accessrole` column).
 */
export interface EmployeeState {
  id: string;
  row: Row;
  roles: string[];
}

/** Display names of referenced records: what `getText` and REST `refName` show. */
export function refName(db: Db, refType: string, id: unknown): string | null {
  if (id === null || id === undefined || id === '') return null;
  let byType = NAME_STATEMENTS.get(db);
  if (!byType) NAME_STATEMENTS.set(db, (byType = new Map<string, Statement>()));
  let stmt = byType.get(refType);
  if (!stmt) {
    stmt = db
      .prepare(
        refType === 'employee'
          ? 'SELECT entityid FROM employee WHERE id = ?'
          : `SELECT name FROM ${refTable(refType)} WHERE id = ?`,
      )
      .pluck();
    byType.set(refType, stmt);
  }
  return (stmt.get(Number(id)) as string | undefined) ?? null;
}

/** Prepared name lookups per connection: SuiteQL's BUILTIN.DF calls this once per row and column. */
const NAME_STATEMENTS = new WeakMap<Db, Map<string, Statement>>();

function refTable(refType: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(refType)) throw new Error(`unknown reference type ${refType}`);
  return refType;
}

export function loadEmployee(db: Db, id: string, schema: RecordSchema = STANDARD_SCHEMA): EmployeeState | null {
  if (!/^\d+$/.test(id)) return null;
  const row = db.prepare(`SELECT * FROM ${schema.type.id} WHERE id = ?`).get(Number(id)) as Row | undefined;
  if (!row) return null;
  const roles = schema.rolesTable
    ? (db
        .prepare(`SELECT role FROM ${schema.rolesTable} WHERE entity = ? ORDER BY line`)
        .pluck()
        .all(Number(id)) as number[])
    : [];
  return { id: String(row.id), row, roles: roles.map(String) };
}

/** A FieldSource over a stored employee, so the core's one reader builds the canonical record. */
export function employeeSource(db: Db, state: EmployeeState, schema: EmployeeSchema): FieldSource {
  const name = (refType: string, id: unknown) => {
    try {
      return refName(db, refType, id);
    } catch {
      return null;
    }
  };
  const column = (nsId: string) => schema.byNsId.get(nsId)?.column ?? null;
  // The core reads only fields the source has (`has`), so a field without a column reads as absent.
  const stored = (nsId: string): unknown => {
    const col = column(nsId);
    return col === null ? undefined : state.row[col];
  };
  return {
    has: (nsId) => column(nsId) !== null,
    value: (nsId) => stored(nsId),
    text: (nsId) => {
      const refType = schema.byNsId.get(nsId)?.refType;
      const raw = stored(nsId);
      if (!refType || raw === null || raw === undefined) return null;
      return schema.byNsId.get(nsId)?.kind === 'multiselect'
        ? String(raw)
            .split(',')
            .map((id) => name(refType, id))
        : name(refType, raw);
    },
    lines: () => state.roles.map((r) => ({ value: r, text: refName(db, 'role', r) })),
  };
}

export function toCanonical(db: Db, state: EmployeeState, schema: EmployeeSchema = STANDARD_SCHEMA): CanonicalRecord {
  return { id: state.id, ...readRecord(employeeSource(db, state, schema), schema.fields).record };
}

function invalid(field: string, detail: string): NetSuiteError {
  return new NetSuiteError(400, 'INVALID_CONTENT', detail, field);
}

function checkRef(db: Db, spec: FieldSpec, id: string): string {
  let known = false;
  try {
    known = /^-?\d+$/.test(id) && (!spec.refType || refName(db, spec.refType, id) !== null);
  } catch {
    known = false;
  }
  if (!known)
    throw new NetSuiteError(400, 'INVALID_KEY_OR_REF', `Invalid ${spec.rest} reference key ${id}.`, spec.rest);
  return id;
}

/** Date and date-time text must name a real day and time (`Date` would roll 2020-02-30 into March). */
function checkDateText(spec: FieldSpec, raw: unknown): void {
  if (typeof raw !== 'string' || raw === '') return;
  if (spec.kind === 'date' && !isCalendarDate(raw) && !isDateTime(raw)) throw new TypeError('not a date (YYYY-MM-DD)');
  if (spec.kind === 'datetime' && !isDateTime(raw))
    throw new TypeError('not a date-time (ISO 8601 with a time zone, e.g. 2017-07-21T17:32:28Z)');
}

/** A canonical value as its stored column value. */
function toColumn(db: Db, spec: FieldSpec, value: CanonicalValue): unknown {
  if (value === null) return spec.kind === 'boolean' ? 'F' : null;
  switch (spec.kind) {
    case 'boolean':
      return value === true ? 'T' : 'F';
    case 'select':
      return Number(checkRef(db, spec, (value as Ref).id));
    case 'multiselect':
      return (value as Ref[]).map((r) => checkRef(db, spec, r.id)).join(',');
    default:
      return value;
  }
}

export interface EmployeeChanges {
  /** Raw values by NetSuite field id: canonical values or SuiteScript values, normalised here. */
  values: Map<FieldSpec, unknown>;
  /** Role ids for the roles sublist, or null when the write does not touch it. */
  roles: { ids: string[]; replace: boolean } | null;
}

/** Reads a canonical write (REST names) into changes; unknown names are refused as NetSuite does. */
export function changesFromCanonical(
  values: CanonicalRecord,
  replaceRoles: boolean,
  schema: EmployeeSchema = STANDARD_SCHEMA,
): EmployeeChanges {
  const out: EmployeeChanges = { values: new Map(), roles: null };
  for (const [name, value] of Object.entries(values)) {
    if (name === 'id') continue;
    const spec = schema.byRest.get(name);
    if (!spec) throw invalid(name, `Invalid field name: ${name}. The field does not exist on ${schema.type.id}.`);
    if (spec.readOnly) continue; // system fields are ignored on write, as the REST API does
    if (spec.kind === 'sublist') {
      const refs = value === null ? [] : Array.isArray(value) ? value : null;
      if (!refs) throw invalid(name, 'roles must be a list of role references.');
      out.roles = { ids: refs.map((r) => String(r.id)), replace: replaceRoles };
    } else out.values.set(spec, value);
  }
  return out;
}

/**
 * Applies changes to the current state (null on create) with NetSuite's checks, and returns the next
 * state and the NetSuite field ids the write carried (an xedit's edited fields).
 */
export function applyChanges(
  db: Db,
  current: EmployeeState | null,
  changes: EmployeeChanges,
  now: string,
  schema: EmployeeSchema = STANDARD_SCHEMA,
): { next: EmployeeState; edited: string[] } {
  const row: Row = current ? { ...current.row } : Object.fromEntries(schema.columns.map((c) => [c, null]));
  if (!current) Object.assign(row, { isinactive: 'F', giveaccess: 'F', datecreated: now });
  if (!current && schema.byNsId.has('isperson')) row.isperson = 'F';
  const edited: string[] = [];
  for (const [spec, raw] of changes.values) {
    let value: CanonicalValue;
    try {
      checkDateText(spec, raw);
      value = normalizeValue(spec, raw);
    } catch (e) {
      // Name the expected kind, not the value (it may be personal data).
      throw invalid(spec.rest, `Invalid value for field ${spec.rest}: ${(e as Error).message.replace(/: ".*$/s, '')}.`);
    }
    if (spec.kind === 'text' && typeof value === 'string' && value.length > 300)
      throw invalid(spec.rest, `${spec.rest} is longer than 300 characters.`);
    if (spec.column === null) throw new Error(`${spec.rest} has no column: a sublist is written through changes.roles`);
    row[spec.column] = toColumn(db, spec, value);
    edited.push(spec.nsId);
  }
  let roles = current ? [...current.roles] : [];
  if (changes.roles) {
    for (const id of changes.roles.ids) {
      if (refName(db, 'role', id) === null)
        throw new NetSuiteError(400, 'INVALID_KEY_OR_REF', `Invalid selectedRole reference key ${id}.`, 'roles');
    }
    const ids = [...new Set(changes.roles.ids)];
    roles = changes.roles.replace ? ids : [...roles, ...ids.filter((r) => !roles.includes(r))];
    edited.push(schema.type.roles.rest);
  }
  validate(db, current, row, roles, schema);
  row.lastmodifieddate = now;
  return { next: { id: current?.id ?? '', row, roles }, edited };
}

const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Mandatory fields: an employee's names; a vendor's, partner's or customer's company name, or its
 * names when it is a person (the Individual/Company choice of section_N3645002). Subsidiary for all
 * (the sandbox is a OneWorld account). The entity id defaults to the name when left empty.
 */
function checkMandatory(row: Row, schema: RecordSchema): void {
  const person = schema.type.id === 'employee' || row.isperson === 'T';
  const names: [column: string, label: string][] = person
    ? [
        ['firstname', 'First Name'],
        ['lastname', 'Last Name'],
      ]
    : [['companyname', 'Company Name']];
  const mandatory: [column: string, label: string][] = [...names, ['subsidiary', 'Subsidiary']];
  const required = mandatory.filter(([col]) => empty(row[col]));
  if (required.length > 0)
    throw new NetSuiteError(400, 'USER_ERROR', `Please enter value(s) for: ${required.map((m) => m[1]).join(', ')}`);
  if (empty(row.entityid))
    row.entityid = person ? `${String(row.firstname)} ${String(row.lastname)}` : String(row.companyname);
}

/** Login access needs an email and a role: a roles line, or the `accessrole` of a partner or customer. */
function checkAccess(row: Row, roles: string[], schema: RecordSchema): void {
  if (row.giveaccess !== 'T') return;
  const role = schema.type.roles;
  const hasRole = role.kind === 'sublist' ? roles.length > 0 : !empty(row[role.column]);
  if (row.email === null || !hasRole)
    throw new NetSuiteError(
      400,
      'USER_ERROR',
      role.kind === 'sublist'
        ? 'To give access, enter an email address and at least one role.'
        : 'To give access, enter an email address and a role.',
    );
}

function validate(db: Db, current: EmployeeState | null, row: Row, roles: string[], schema: RecordSchema): void {
  checkMandatory(row, schema);
  if (row.email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(row.email)))
    throw invalid('email', 'Invalid email address.');
  checkAccess(row, roles, schema);
  if (current && row.supervisor != null && String(row.supervisor) === current.id)
    throw invalid('supervisor', 'An employee cannot be their own supervisor.');
  const selfId = current ? Number(current.id) : -1;
  const table = schema.type.id;
  const dupEntity = db.prepare(`SELECT 1 FROM ${table} WHERE entityid = ? AND id <> ?`).get(row.entityid, selfId);
  if (dupEntity) throw new NetSuiteError(400, 'DUP_ENTITY', 'This entity already exists.', 'entityId');
  if (row.externalid !== null) {
    const dupExternal = db
      .prepare(`SELECT 1 FROM ${table} WHERE externalid = ? AND id <> ?`)
      .get(row.externalid, selfId);
    if (dupExternal)
      throw new NetSuiteError(
        400,
        'DUP_RCRD',
        `A record with external ID ${String(row.externalid)} already exists.`,
        'externalId',
      );
  }
}

/**
 * A write that another, concurrent write beat to the same external id (both passed `validate` before
 * either committed) is NetSuite's DUP_RCRD, not a database error.
 */
function uniqueExternalId<T>(write: () => T, externalId: unknown): T {
  try {
    return write();
  } catch (e) {
    if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && (e as Error).message.includes('externalid')) {
      throw new NetSuiteError(
        400,
        'DUP_RCRD',
        `A record with external ID ${String(externalId)} already exists.`,
        'externalId',
      );
    }
    throw e;
  }
}

/** The tables of login records: NetSuite numbers all entities in one sequence, so ids never collide. */
const ENTITY_TABLES = USER_RECORD_TYPES.map((t) => `'${t.id}'`).join(', ');

/** The next entity id: above every id any entity table has used (deleted ones are not reused). */
function nextEntityId(db: Db): number {
  const used = db
    .prepare(`SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name IN (${ENTITY_TABLES})`)
    .pluck()
    .get() as number;
  return used + 1;
}

/** Commits a state; returns its id (new on insert). */
export function saveEmployee(db: Db, state: EmployeeState, schema: EmployeeSchema = STANDARD_SCHEMA): string {
  const COLUMNS = schema.columns;
  const table = schema.type.id;
  const save = db.transaction(() => {
    let id = state.id;
    if (id === '') {
      const cols = COLUMNS.concat('datecreated', 'id');
      const row: Row = { ...state.row, id: nextEntityId(db) };
      const info = uniqueExternalId(
        () =>
          db
            .prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
            .run(...cols.map((c) => row[c] ?? null)),
        state.row.externalid,
      );
      id = String(info.lastInsertRowid);
    } else {
      uniqueExternalId(
        () =>
          db
            .prepare(`UPDATE ${table} SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
            .run(...COLUMNS.map((c) => state.row[c] ?? null), Number(id)),
        state.row.externalid,
      );
    }
    if (schema.rolesTable) {
      db.prepare(`DELETE FROM ${schema.rolesTable} WHERE entity = ?`).run(Number(id));
      const insert = db.prepare(`INSERT INTO ${schema.rolesTable} (entity, role, line) VALUES (?, ?, ?)`);
      state.roles.forEach((r, i) => insert.run(Number(id), Number(r), i));
    }
    return id;
  });
  // IMMEDIATE: the write lock is taken before the first read (the next id), so concurrent writers from
  // other script workers wait on the busy timeout instead of failing with "database is locked".
  return save.immediate();
}

/**
 * Deletes, refusing when transactions (or direct reports, or customers it is the sales rep of)
 * reference the record, as NetSuite does.
 */
export function deleteEmployeeRow(db: Db, id: string, schema: RecordSchema = STANDARD_SCHEMA): void {
  const isEmployee = schema.type.id === 'employee';
  const transactions = db
    .prepare(`SELECT COUNT(*) FROM "transaction" WHERE entity = ?${isEmployee ? ' OR employee = ?' : ''}`)
    .pluck()
    .get(...(isEmployee ? [Number(id), Number(id)] : [Number(id)])) as number;
  const reports = isEmployee
    ? (db
        .prepare(
          'SELECT (SELECT COUNT(*) FROM employee WHERE supervisor = ?) + (SELECT COUNT(*) FROM customer WHERE salesrep = ?)',
        )
        .pluck()
        .get(Number(id), Number(id)) as number)
    : 0;
  if (transactions + reports > 0) {
    throw new NetSuiteError(
      400,
      'THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS',
      'This record cannot be deleted because it has dependent records.',
    );
  }
  const remove = db.transaction(() => {
    if (schema.rolesTable) db.prepare(`DELETE FROM ${schema.rolesTable} WHERE entity = ?`).run(Number(id));
    db.prepare(`DELETE FROM ${schema.type.id} WHERE id = ?`).run(Number(id));
  });
  remove.immediate();
}

export function notFound(id: string): NetSuiteError {
  return new NetSuiteError(
    404,
    'NONEXISTENT_ID',
    `The record instance does not exist. Provide a valid record instance ID.`,
    id,
    'url',
  );
}

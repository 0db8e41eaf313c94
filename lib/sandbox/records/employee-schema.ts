/**
 * A login record type's fields in this account (employee, vendor, partner, customer: the core's
 * registry): the standard ones of its canonical field map plus the custom entity fields (`custentity_…`)
 * that src/Objects declares for it, each stored in its own column.
 */
import { recordTypeEntry, type FieldSpec, type UserRecordType, type ValueKind } from '../../core';
import type { CustomField } from '../sdf/objects-xml';
import { assertSafeId, type Db } from '../account/store';

export interface RecordSchema {
  /** The registry entry; its id is also the table's name. */
  type: UserRecordType;
  /**
   * Where a sublist of roles is stored (one row per entity and role), or null for a type whose role is
   * one `accessrole` column. Vendors' table is internal: no SuiteQL table for them is documented.
   */
  rolesTable: string | null;
  fields: readonly FieldSpec[];
  byNsId: ReadonlyMap<string, FieldSpec>;
  byRest: ReadonlyMap<string, FieldSpec>;
  /** Stored columns, in a stable order. */
  columns: readonly string[];
}

const KIND_BY_TYPE: Record<string, ValueKind> = {
  CHECKBOX: 'boolean',
  DATE: 'date',
  DATETIMETZ: 'datetime',
  INTEGER: 'integer',
  FLOAT: 'float',
  CURRENCY: 'float',
  PERCENT: 'float',
  SELECT: 'select',
  MULTISELECT: 'multiselect',
};

/** An employee schema is a record schema of the employee type. */
export type EmployeeSchema = RecordSchema;

/** The stored table of each sublist of roles (FIDELITY.md: the vendor's is not SuiteQL-readable). */
const ROLES_TABLE: Readonly<Record<string, string>> = {
  employee: 'employeerolesforsearch',
  vendor: 'sandbox_vendorroles',
};

function rolesTable(type: UserRecordType): string {
  const table = ROLES_TABLE[type.id];
  if (table === undefined) throw new Error(`${type.id} keeps roles in a sublist but ROLES_TABLE has no table for it`);
  return table;
}

export function recordSchema(type: UserRecordType, custom: readonly CustomField[] = []): RecordSchema {
  const fields: FieldSpec[] = [...type.fields];
  for (const f of custom) {
    const id = f.id.toLowerCase();
    const kind = KIND_BY_TYPE[f.fieldType] ?? 'text';
    fields.push({
      rest: id,
      nsId: id,
      column: id,
      kind,
      ...(f.selectRecordType ? { refType: f.selectRecordType.toLowerCase() } : {}),
    });
  }
  return {
    type,
    rolesTable: type.roles.kind === 'sublist' ? rolesTable(type) : null,
    fields,
    byNsId: new Map(fields.map((f) => [f.nsId, f])),
    byRest: new Map(fields.map((f) => [f.rest, f])),
    columns: fields.flatMap((f) => (f.column === null ? [] : [f.column])),
  };
}

export function employeeSchema(custom: readonly CustomField[] = []): EmployeeSchema {
  return recordSchema(recordTypeEntry('employee'), custom);
}

export const STANDARD_SCHEMA = employeeSchema();

/** Adds a column per custom entity field (a deployment that brings new fields adds them). */
export function ensureEmployeeColumns(db: Db, custom: readonly CustomField[], table = 'employee'): void {
  const existing = new Set(
    (db.prepare(`PRAGMA table_info(${assertSafeId(table)})`).all() as { name: string }[]).map((c) => c.name),
  );
  for (const f of custom) {
    const id = assertSafeId(f.id.toLowerCase());
    if (!existing.has(id))
      db.exec(
        `ALTER TABLE ${table} ADD COLUMN ${id} ${f.fieldType === 'INTEGER' || f.fieldType === 'SELECT' ? 'INTEGER' : ['FLOAT', 'CURRENCY', 'PERCENT'].includes(f.fieldType) ? 'REAL' : 'TEXT'}`,
      );
  }
}

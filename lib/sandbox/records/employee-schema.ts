/**
 * The employee's fields in this account: the standard ones of the canonical field map plus the custom
 * entity fields (`custentity_…`) that src/Objects declares for employees, each stored in its own column.
 */
import { EMPLOYEE_FIELDS, type FieldSpec, type ValueKind } from '../../core';
import type { CustomField } from '../sdf/objects-xml';
import { assertSafeId, type Db } from '../account/store';

export interface EmployeeSchema {
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

export function employeeSchema(custom: readonly CustomField[] = []): EmployeeSchema {
  const fields: FieldSpec[] = [...EMPLOYEE_FIELDS];
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
    fields,
    byNsId: new Map(fields.map((f) => [f.nsId, f])),
    byRest: new Map(fields.map((f) => [f.rest, f])),
    columns: fields.filter((f) => f.column !== null).map((f) => f.column!),
  };
}

export const STANDARD_SCHEMA = employeeSchema();

/** Adds a column per custom entity field (a deployment that brings new fields adds them). */
export function ensureEmployeeColumns(db: Db, custom: readonly CustomField[]): void {
  const existing = new Set((db.prepare('PRAGMA table_info(employee)').all() as { name: string }[]).map((c) => c.name));
  for (const f of custom) {
    const id = assertSafeId(f.id.toLowerCase());
    if (!existing.has(id))
      db.exec(
        `ALTER TABLE employee ADD COLUMN ${id} ${f.fieldType === 'INTEGER' || f.fieldType === 'SELECT' ? 'INTEGER' : ['FLOAT', 'CURRENCY', 'PERCENT'].includes(f.fieldType) ? 'REAL' : 'TEXT'}`,
      );
  }
}

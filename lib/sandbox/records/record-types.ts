/**
 * The record types scripts can load, save and search besides employees: custom records (schema from
 * src/Objects) and script deployments (read-only; their parameter values). Maps SuiteScript values to
 * stored columns and back.
 */
import { refName } from './employees';
import type { CustomRecordType } from '../sdf/objects-xml';
import { isDate, midnightIn, ymdIn } from '../runtime/ns-format';
import type { FieldKind, Line, RecordSpec } from '../runtime/record-model';
import type { Db } from '../account/store';

export function kindOfFieldType(fieldType: string): FieldKind {
  switch (fieldType) {
    case 'CHECKBOX':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'DATETIMETZ':
      return 'datetime';
    case 'INTEGER':
      return 'integer';
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT':
      return 'float';
    case 'SELECT':
      return 'select';
    case 'MULTISELECT':
      return 'multiselect';
    default:
      return 'text';
  }
}

const STANDARD_CUSTOM: Record<string, FieldKind> = {
  name: 'text',
  isinactive: 'boolean',
  created: 'datetime',
  lastmodified: 'datetime',
  owner: 'select',
};

export interface TableSpec extends RecordSpec {
  table: string;
  /** Stored column for a field id, or null when the type has no such field. */
  column(fieldId: string): string | null;
}

export function customRecordSpec(db: Db, type: CustomRecordType): TableSpec {
  const fields = new Map(type.fields.map((f) => [f.id, f]));
  return {
    type: type.id,
    table: type.id,
    kind: (id) => {
      const field = fields.get(id);
      return STANDARD_CUSTOM[id] ?? (field ? kindOfFieldType(field.fieldType) : null);
    },
    column: (id) => (id === 'internalid' || id === 'id' ? 'id' : STANDARD_CUSTOM[id] || fields.has(id) ? id : null),
    text: (id, value) => {
      const target = id === 'owner' ? 'employee' : fields.get(id)?.selectRecordType;
      try {
        return target ? refName(db, target, value) : null;
      } catch {
        return null;
      }
    },
  };
}

const DEPLOYMENT_COLUMNS: Record<string, FieldKind> = {
  scriptid: 'text',
  script: 'text',
  status: 'text',
  isdeployed: 'boolean',
  title: 'text',
};

/** Script deployments: their own columns; parameter values are added when one is loaded. */
export function deploymentSpec(): TableSpec {
  return {
    type: 'scriptdeployment',
    table: 'scriptdeployment',
    kind: (id) => DEPLOYMENT_COLUMNS[id] ?? null,
    column: (id) => (id === 'internalid' || id === 'id' ? 'id' : DEPLOYMENT_COLUMNS[id] && id !== 'title' ? id : null),
    text: () => null,
  };
}

/** A SuiteScript value as a stored column value. */
export function toColumnValue(kind: FieldKind | null, value: unknown): unknown {
  if (value === '' || value === null || value === undefined) return kind === 'boolean' ? 'F' : null;
  switch (kind) {
    case 'boolean':
      return value === true ? 'T' : 'F';
    case 'date':
      return ymdIn((value as Date).getTime());
    case 'datetime':
      return (value as Date).toISOString();
    case 'multiselect':
      return (value as string[]).join(',');
    case 'select':
      return Number(value);
    default:
      return value;
  }
}

/** A stored column value as the SuiteScript value `getValue` returns (empty is ''). */
export function fromColumnValue(kind: FieldKind | null, raw: unknown): unknown {
  if (kind === 'boolean') return raw === 'T';
  if (raw === null || raw === undefined || raw === '') return '';
  switch (kind) {
    case 'date':
      return new Date(midnightIn(String(raw)));
    case 'datetime':
      return new Date(String(raw));
    case 'integer':
    case 'float':
      return Number(raw);
    case 'multiselect':
      return String(raw).split(',').filter(Boolean);
    case 'select':
      return String(raw);
    default:
      return isDate(raw) ? raw : String(raw);
  }
}

export function rowValues(
  spec: TableSpec,
  row: Record<string, unknown>,
): { values: Map<string, unknown>; sublists: Map<string, Line[]> } {
  const values = new Map<string, unknown>();
  for (const [col, raw] of Object.entries(row)) {
    if (col === 'id') continue;
    values.set(col, fromColumnValue(spec.kind(col), raw));
  }
  return { values, sublists: new Map() };
}

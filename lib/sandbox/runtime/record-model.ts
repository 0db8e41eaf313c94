/**
 * `N/record` Record objects: body fields and sublists holding SuiteScript values (strings, booleans,
 * numbers, `Date`s, select ids as strings). The same class serves loaded records, records being created,
 * and the `oldRecord`/`newRecord` of a user event (read-only, and on xedit limited to the edited fields:
 * docs/netsuite.md#user-events).
 */
import type { EmployeeSchema } from '../records/employee-schema';
import { refName, type EmployeeState } from '../records/employees';
import { formatDate, isDate, midnightIn, ymdIn } from './ns-format';
import { recordCost } from './governance';
import type { Db } from '../account/store';
import type { ScriptEnv } from './script-env';

export type FieldKind = 'text' | 'boolean' | 'date' | 'datetime' | 'integer' | 'float' | 'select' | 'multiselect';

export type Line = Record<string, unknown>;

export interface RecordSpec {
  type: string;
  kind(fieldId: string): FieldKind | null;
  /** Display text of a select value. */
  text(fieldId: string, value: unknown): string | null;
}

/** Reads an options object or the positional shorthand (`getValue('title')`). */
function opt(options: unknown, key: string): unknown {
  return typeof options === 'string' ? { [key]: options } : (options ?? {});
}

export class ScriptRecord {
  readonly dirty = new Set<string>();
  readonly dirtySublists = new Set<string>();

  constructor(
    private readonly env: ScriptEnv,
    readonly spec: RecordSpec,
    public id: string | null,
    private readonly values: Map<string, unknown>,
    private readonly sublists: Map<string, Line[]>,
    private readonly mode: { readOnly: boolean; isDynamic: boolean; partial: boolean } = {
      readOnly: false,
      isDynamic: false,
      partial: false,
    },
    /** Called by save(); absent on read-only records. */
    private readonly saver?: (record: ScriptRecord, options: Record<string, unknown>) => string,
  ) {}

  get type(): string {
    return this.spec.type;
  }

  get isDynamic(): boolean {
    return this.mode.isDynamic;
  }

  private out(value: unknown): unknown {
    if (isDate(value)) return this.env.date(value.getTime());
    if (Array.isArray(value)) return (value as unknown[]).slice();
    return value;
  }

  /** Raw values for the writer: host Dates, as set. */
  valueOf(fieldId: string): unknown {
    return this.values.get(fieldId);
  }

  hasField(fieldId: string): boolean {
    return this.values.has(fieldId);
  }

  lines(sublistId: string): Line[] | null {
    return this.sublists.get(sublistId) ?? null;
  }

  getValue(options: unknown): unknown {
    const { fieldId } = opt(options, 'fieldId') as { fieldId: string };
    if (fieldId === 'id' || fieldId === 'internalid') return this.id ?? '';
    const v = this.values.get(String(fieldId).toLowerCase());
    if (v === undefined) return this.mode.partial ? undefined : '';
    return this.out(v);
  }

  getText(options: unknown): unknown {
    const { fieldId } = opt(options, 'fieldId') as { fieldId: string };
    const id = String(fieldId).toLowerCase();
    return this.textOf(id, this.values.get(id));
  }

  private textOf(fieldId: string, value: unknown): unknown {
    if (value === undefined || value === null || value === '')
      return value === undefined && this.mode.partial ? undefined : '';
    const kind = this.spec.kind(fieldId);
    if (kind === 'select') return this.spec.text(fieldId, value) ?? '';
    if (kind === 'multiselect' && Array.isArray(value)) return value.map((v) => this.spec.text(fieldId, v) ?? '');
    if (kind === 'boolean') return value ? 'T' : 'F';
    if (kind === 'date' && isDate(value)) return formatDate(ymdIn(value.getTime()));
    return String(value);
  }

  setValue(options: unknown): this {
    const { fieldId, value } = (options ?? {}) as { fieldId: string; value: unknown };
    this.assertWritable();
    const id = String(fieldId).toLowerCase();
    this.values.set(id, checkValue(this.env, this.spec, id, value));
    this.dirty.add(id);
    return this;
  }

  setText(options: unknown): this {
    const { fieldId, text } = (options ?? {}) as { fieldId: string; text: unknown };
    return this.setValue({ fieldId, value: text });
  }

  getFields(): string[] {
    return [...this.values.keys()];
  }

  getSublists(): string[] {
    return [...this.sublists.keys()];
  }

  getLineCount(options: unknown): number {
    const { sublistId } = opt(options, 'sublistId') as { sublistId: string };
    const lines = this.sublists.get(String(sublistId).toLowerCase());
    return lines ? lines.length : -1;
  }

  private line(options: unknown): { lines: Line[]; line: number; fieldId: string } {
    const { sublistId, fieldId, line } = (options ?? {}) as { sublistId: string; fieldId: string; line: number };
    const lines = this.sublists.get(String(sublistId).toLowerCase());
    if (!lines)
      throw this.env.raise(
        'SSS_INVALID_SUBLIST_OPERATION',
        `You have attempted an invalid sublist or line item operation. The sublist ${sublistId} does not exist.`,
      );
    if (!Number.isInteger(line) || line < 0 || line > lines.length) {
      throw this.env.raise(
        'SSS_INVALID_SUBLIST_OPERATION',
        `You have attempted an invalid sublist or line item operation: line ${line} of ${sublistId}.`,
      );
    }
    return { lines, line, fieldId: String(fieldId).toLowerCase() };
  }

  getSublistValue(options: unknown): unknown {
    const { lines, line, fieldId } = this.line(options);
    return this.out(lines[line]?.[fieldId] ?? '');
  }

  getSublistText(options: unknown): unknown {
    const { lines, line, fieldId } = this.line(options);
    const value = lines[line]?.[fieldId];
    if (value === undefined || value === null || value === '') return '';
    return refName(this.env.services.db, 'role', value) ?? String(value);
  }

  setSublistValue(options: unknown): this {
    this.assertWritable();
    const { lines, line, fieldId } = this.line(options);
    const { value, sublistId } = options as { value: unknown; sublistId: string };
    const values = lines[line] ?? {}; // line() allows one past the end: a new line
    if (line === lines.length) lines.push(values);
    values[fieldId] = value === null || value === undefined ? '' : String(value);
    this.dirtySublists.add(String(sublistId).toLowerCase());
    return this;
  }

  insertLine(options: unknown): this {
    this.assertWritable();
    const { lines, line } = this.line({ ...(options as object), fieldId: '' });
    lines.splice(line, 0, {});
    this.dirtySublists.add(String((options as { sublistId: string }).sublistId).toLowerCase());
    return this;
  }

  removeLine(options: unknown): this {
    this.assertWritable();
    const { lines, line } = this.line({ ...(options as object), fieldId: '' });
    lines.splice(line, 1);
    this.dirtySublists.add(String((options as { sublistId: string }).sublistId).toLowerCase());
    return this;
  }

  save(options?: unknown): number {
    if (!this.saver) throw this.env.raise('SSS_INVALID_RECORD_OPERATION', 'This record cannot be saved here.');
    // Record.save is governed: 10 employee, 4 custom record, 20 transaction (docs/netsuite.md#governance).
    this.env.governance.charge(recordCost('save', this.type));
    this.id = this.saver(this, (options ?? {}) as Record<string, unknown>);
    this.dirty.clear();
    this.dirtySublists.clear();
    return Number(this.id);
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      type: this.type,
      isDynamic: this.isDynamic,
      fields: Object.fromEntries(this.values),
      sublists: Object.fromEntries(this.sublists),
    };
  }

  private assertWritable(): void {
    if (this.mode.readOnly)
      throw this.env.raise('SSS_INVALID_RECORD_OPERATION', 'The record is read-only in this context.');
  }
}

/** Longest text NetSuite stores per field type. */
export const MAX_TEXT: Partial<Record<string, number>> = {
  TEXT: 300,
  EMAIL: 254,
  URL: 999,
  TEXTAREA: 4000,
  CLOBTEXT: 1_000_000,
};

/** Coerces and checks a value set by a script, as NetSuite's setValue does for the field's type. */
function checkValue(env: ScriptEnv, spec: RecordSpec, fieldId: string, value: unknown): unknown {
  const kind = spec.kind(fieldId);
  // The value itself stays out of the message: it may be personal data and end up in a log.
  const bad = () =>
    env.raise('INVALID_FLD_VALUE', `You have entered an Invalid Field Value for the following field: ${fieldId}`);
  if (value === null || value === undefined || value === '') return kind === 'boolean' ? false : '';
  switch (kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw bad();
      return value;
    case 'date':
    case 'datetime':
      if (!isDate(value) || Number.isNaN(value.getTime())) throw bad();
      return new Date(value.getTime());
    case 'integer':
    case 'float': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n) || (kind === 'integer' && !Number.isInteger(n))) throw bad();
      return n;
    }
    case 'select':
      return String(value);
    case 'multiselect':
      return (Array.isArray(value) ? value : [value]).map(String);
    default:
      return String(value);
  }
}

export function employeeSpec(db: Db, schema: EmployeeSchema): RecordSpec {
  return {
    type: schema.type.id,
    kind: (fieldId) => {
      const f = schema.byNsId.get(fieldId);
      return !f || f.kind === 'sublist' ? null : f.kind === 'auto' ? 'text' : f.kind;
    },
    text: (fieldId, value) => {
      const f = schema.byNsId.get(fieldId);
      try {
        return f?.refType ? refName(db, f.refType, value) : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * A stored employee as SuiteScript values. `empty` is what an empty field reads as: `''` on loaded and
 * new records, `null` on a user event's oldRecord (docs/netsuite.md#user-events: "Empty fields can read
 * `null` on the old record and `''` on the new one"). `only` limits the fields (xedit).
 */
export function employeeValues(
  state: EmployeeState,
  empty: '' | null,
  schema: EmployeeSchema,
  only?: ReadonlySet<string>,
): { values: Map<string, unknown>; sublists: Map<string, Line[]> } {
  const values = new Map<string, unknown>();
  for (const f of schema.fields) {
    if (!f.column || (only && !only.has(f.nsId))) continue;
    const raw = state.row[f.column];
    let v: unknown;
    if (f.kind === 'boolean') v = raw === 'T';
    else if (raw === null || raw === undefined || raw === '') v = empty;
    else if (f.kind === 'date') v = new Date(midnightIn(String(raw)));
    else if (f.kind === 'datetime') v = new Date(String(raw));
    else if (f.kind === 'integer' || f.kind === 'float') v = Number(raw);
    else if (f.kind === 'multiselect') v = String(raw).split(',');
    else v = String(raw);
    values.set(f.nsId, v);
  }
  const sublists = new Map<string, Line[]>();
  if (schema.rolesTable && (!only || only.has('roles')))
    sublists.set(
      'roles',
      state.roles.map((r) => ({ selectedrole: r })),
    );
  return { values, sublists };
}

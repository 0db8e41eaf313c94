/**
 * `N/record`: create, load, save, submitFields and delete for employees and the other login records of
 * the core's registry (vendor, partner, customer), custom records and deployments.
 */
import { NetSuiteError } from '../../account/account-types';
import { loadEmployee } from '../../records/employees';
import { recordCost } from '../governance';
import { ScriptRecord, employeeSpec, employeeValues, MAX_TEXT, type Line } from '../record-model';
import {
  customRecordSpec,
  deploymentSpec,
  kindOfFieldType,
  rowValues,
  toColumnValue,
  type TableSpec,
} from '../../records/record-types';
import { requireRecordAccess, requireRolePermission } from '../../account/permissions';
import type { ScriptEnv } from '../script-env';
import type { RecordSchema } from '../../records/employee-schema';

const TYPE_ENUM = Object.freeze({
  EMPLOYEE: 'employee',
  VENDOR: 'vendor',
  PARTNER: 'partner',
  CUSTOMER: 'customer',
  SCRIPT_DEPLOYMENT: 'scriptdeployment',
  SUBSIDIARY: 'subsidiary',
  DEPARTMENT: 'department',
  LOCATION: 'location',
});

/** The options object of a call (none given: an empty one); each caller states the shape it reads. */
function arg(options: unknown): unknown {
  return options ?? {};
}

/** Runs an account write, turning an account error (validation) into the script's error shape. */
function guard<T>(env: ScriptEnv, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NetSuiteError) throw env.raise(e.code, e.detail);
    throw e;
  }
}

/** Custom records and script deployments (every record type but the employee). */
/** A script's employee write: the user events it fires run with this script's role (chapter_N2997500). */
function triggeredBy(env: ScriptEnv): ScriptEnv['origin'] {
  return { ...env.origin, scriptRoleId: env.roleId };
}

function customType(env: ScriptEnv, type: string) {
  const custom = env.services.recordTypes.get(type);
  if (!custom) throw env.raise('SSS_INVALID_RECORD_TYPE', `The record type [${type.toUpperCase()}] is invalid.`);
  return custom;
}

function tableSpec(env: ScriptEnv, type: string): TableSpec {
  if (type === 'scriptdeployment') return deploymentSpec();
  return customRecordSpec(env.services.db, customType(env, type));
}

function notExist(env: ScriptEnv): Error {
  return env.raise('RCRD_DSNT_EXIST', 'That record does not exist.');
}

/** The schema of a login record type (employee, vendor, partner, customer), or undefined. */
function loginSchema(env: ScriptEnv, type: string): RecordSchema | undefined {
  return env.services.recordSchemas.get(type);
}

/** Saves a login record through the account (which fires user events). */
function saveEmployee(env: ScriptEnv, record: ScriptRecord, schema: RecordSchema): string {
  const values = new Map<string, unknown>();
  for (const id of record.dirty) values.set(id, record.valueOf(id));
  const roles =
    schema.rolesTable && record.dirtySublists.has('roles')
      ? (record.lines('roles') ?? []).map((l) => String(l.selectedrole ?? '')).filter(Boolean)
      : null;
  return guard(env, () =>
    env.services.employees.write(
      record.id ? 'edit' : 'create',
      record.id,
      values,
      roles,
      triggeredBy(env),
      env.isUserEvent,
      schema.type.id,
    ),
  );
}

/** A custom record's mandatory fields and text lengths, as NetSuite checks them on save. */
function checkCustomFields(env: ScriptEnv, type: string, record: ScriptRecord, options: Record<string, unknown>): void {
  for (const f of customType(env, type).fields) {
    const v = record.valueOf(f.id);
    if (f.isMandatory && !options.ignoreMandatoryFields && (v === undefined || v === '' || v === null)) {
      throw env.raise('USER_ERROR', `Please enter value(s) for: ${f.label}`);
    }
    const max = Math.min(f.maxLength ?? Infinity, MAX_TEXT[f.fieldType] ?? Infinity);
    if (typeof v === 'string' && v.length > max) {
      throw env.raise(
        'INVALID_FLD_VALUE',
        `The field ${f.id} contained more than the maximum number ( ${max} ) of characters allowed.`,
      );
    }
  }
}

/** Writes a custom record's changed fields (an UPDATE, or an INSERT for a new one); returns its id. */
function writeTableRow(env: ScriptEnv, spec: TableSpec, record: ScriptRecord): string {
  const { db } = env.services;
  const now = new Date(env.services.clock.now()).toISOString();
  const cols = [...record.dirty].filter((id) => spec.column(id) !== null && id !== 'id');
  const vals = cols.map((id) => toColumnValue(spec.kind(id), record.valueOf(id)));
  if (record.id) {
    db.prepare(`UPDATE ${spec.table} SET ${cols.map((c) => `${c} = ?, `).join('')}lastmodified = ? WHERE id = ?`).run(
      ...vals,
      now,
      Number(record.id),
    );
    return record.id;
  }
  const all = [...cols, 'created', 'lastmodified'];
  const info = db
    .prepare(`INSERT INTO ${spec.table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`)
    .run(...vals, now, now);
  return String(info.lastInsertRowid);
}

function tableSaver(env: ScriptEnv, spec: TableSpec) {
  return (record: ScriptRecord, options: Record<string, unknown>): string => {
    if (spec.type === 'scriptdeployment')
      throw env.raise(
        'SSS_INVALID_RECORD_OPERATION',
        'Script deployments are edited in src/Objects or the sandbox configuration.',
      );
    requireRecordAccess(env, spec.type, record.id ? 'EDIT' : 'CREATE');
    checkCustomFields(env, spec.type, record, options);
    return writeTableRow(env, spec, record);
  };
}

function loadTable(env: ScriptEnv, spec: TableSpec, id: string, readOnly: boolean): ScriptRecord {
  if (spec.type === 'scriptdeployment') requireRolePermission(env, 'SUITESCRIPT');
  requireRecordAccess(env, spec.type, 'VIEW');
  const row = env.services.db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(Number(id)) as
    Record<string, unknown> | undefined;
  if (!row) throw notExist(env);
  const { values, sublists } = rowValues(spec, row);
  if (spec.type === 'scriptdeployment') {
    for (const [k, v] of Object.entries(env.services.deploymentParams(String(row.scriptid)))) values.set(k, v);
  }
  return new ScriptRecord(
    env,
    spec,
    id,
    values,
    sublists,
    { readOnly, isDynamic: false, partial: false },
    readOnly ? undefined : tableSaver(env, spec),
  );
}

function load(env: ScriptEnv, options: unknown): ScriptRecord {
  const { type, id, isDynamic } = arg(options) as { type: string; id: unknown; isDynamic?: boolean };
  const t = String(type).toLowerCase();
  env.governance.charge(recordCost('load', t));
  const schema = loginSchema(env, t);
  if (schema) {
    const { db } = env.services;
    const state = loadEmployee(db, String(id), schema);
    if (!state) throw notExist(env);
    const { values, sublists } = employeeValues(state, '', schema);
    return new ScriptRecord(
      env,
      employeeSpec(db, schema),
      state.id,
      values,
      sublists,
      { readOnly: false, isDynamic: !!isDynamic, partial: false },
      (r) => saveEmployee(env, r, schema),
    );
  }
  return loadTable(env, tableSpec(env, t), String(id), t === 'scriptdeployment');
}

/** A new custom record with its fields' defaults set (and dirty, so they are saved). */
function newTableRecord(env: ScriptEnv, t: string, isDynamic: boolean): ScriptRecord {
  const spec = tableSpec(env, t);
  if (t === 'scriptdeployment')
    throw env.raise('SSS_INVALID_RECORD_OPERATION', 'Script deployments are created by deploying src/Objects.');
  requireRecordAccess(env, t, 'CREATE');
  const values = new Map<string, unknown>();
  for (const f of customType(env, t).fields) {
    const kind = kindOfFieldType(f.fieldType);
    if (kind === 'boolean') values.set(f.id, f.defaultChecked);
    else if (f.defaultValue !== null) values.set(f.id, f.defaultValue);
  }
  const record = new ScriptRecord(
    env,
    spec,
    null,
    values,
    new Map(),
    { readOnly: false, isDynamic, partial: false },
    tableSaver(env, spec),
  );
  for (const k of values.keys()) record.dirty.add(k);
  return record;
}

function create(env: ScriptEnv, options: unknown): ScriptRecord {
  const { type, isDynamic, defaultValues } = arg(options) as {
    type: string;
    isDynamic?: boolean;
    defaultValues?: Record<string, unknown>;
  };
  const t = String(type).toLowerCase();
  env.governance.charge(recordCost('create', t));
  const { db } = env.services;
  const schema = loginSchema(env, t);
  const record = schema
    ? new ScriptRecord(
        env,
        employeeSpec(db, schema),
        null,
        new Map(),
        new Map<string, Line[]>(schema.rolesTable ? [['roles', []]] : []),
        { readOnly: false, isDynamic: !!isDynamic, partial: false },
        (r) => saveEmployee(env, r, schema),
      )
    : newTableRecord(env, t, !!isDynamic);
  for (const [fieldId, value] of Object.entries(defaultValues ?? {})) record.setValue({ fieldId, value });
  return record;
}

function submitFields(env: ScriptEnv, options: unknown): number {
  const { type, id, values } = arg(options) as { type: string; id: unknown; values: Record<string, unknown> };
  const t = String(type).toLowerCase();
  env.governance.charge(recordCost('submitFields', t));
  const schema = loginSchema(env, t);
  if (schema) {
    if (!loadEmployee(env.services.db, String(id), schema)) throw notExist(env);
    const changes = new Map(Object.entries(values ?? {}).map(([k, v]) => [k.toLowerCase(), v] as [string, unknown]));
    return Number(
      guard(env, () =>
        env.services.employees.write('xedit', String(id), changes, null, triggeredBy(env), env.isUserEvent, t),
      ),
    );
  }
  const spec = tableSpec(env, t);
  requireRecordAccess(env, t, 'EDIT');
  const record = loadTable(env, spec, String(id), t === 'scriptdeployment');
  for (const [fieldId, value] of Object.entries(values ?? {})) record.setValue({ fieldId, value });
  // submitFields costs its own units only: save through the saver, not the governed Record.save.
  return Number(tableSaver(env, spec)(record, { ignoreMandatoryFields: true }));
}

function remove(env: ScriptEnv, options: unknown): number {
  const { type, id } = arg(options) as { type: string; id: unknown };
  const t = String(type).toLowerCase();
  env.governance.charge(recordCost('delete', t));
  const schema = loginSchema(env, t);
  if (schema) {
    if (!loadEmployee(env.services.db, String(id), schema)) throw notExist(env);
    guard(env, () => env.services.employees.remove(String(id), triggeredBy(env), env.isUserEvent, t));
    return Number(id);
  }
  const spec = tableSpec(env, t);
  requireRecordAccess(env, t, 'FULL');
  const info = env.services.db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(Number(id));
  if (info.changes === 0) throw notExist(env);
  return Number(id);
}

export function createRecordModule(env: ScriptEnv): Record<string, unknown> {
  return {
    load: (options: unknown) => load(env, options),
    create: (options: unknown) => create(env, options),
    submitFields: (options: unknown) => submitFields(env, options),
    delete: (options: unknown) => remove(env, options),
    Type: TYPE_ENUM,
  };
}

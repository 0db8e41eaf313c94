/** `N/record`: create, load, save, submitFields and delete for employees, custom records and deployments. */
import { NetSuiteError } from '../../account/account-types';
import { loadEmployee } from '../../records/employees';
import { recordCost } from '../governance';
import { ScriptRecord, employeeSpec, employeeValues, MAX_TEXT, type Line } from '../record-model';
import { customRecordSpec, deploymentSpec, kindOfFieldType, rowValues, toColumnValue, type TableSpec } from '../../records/record-types';
import { requireRecordAccess } from '../../account/permissions';
import type { ScriptEnv } from '../script-env';

const TYPE_ENUM = Object.freeze({ EMPLOYEE: 'employee', SCRIPT_DEPLOYMENT: 'scriptdeployment', SUBSIDIARY: 'subsidiary', DEPARTMENT: 'department', LOCATION: 'location' });

function arg<T>(options: unknown): T {
  return (options ?? {}) as T;
}

export function createRecordModule(env: ScriptEnv): Record<string, unknown> {
  const { services } = env;
  const { db } = services;

  /** Converts an account error (validation) into the script's error shape. */
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof NetSuiteError) throw env.raise(e.code, e.detail);
      throw e;
    }
  };

  const tableSpec = (type: string): TableSpec => {
    if (type === 'scriptdeployment') return deploymentSpec();
    const custom = services.recordTypes.get(type);
    if (!custom) throw env.raise('SSS_INVALID_RECORD_TYPE', `The record type [${type.toUpperCase()}] is invalid.`);
    return customRecordSpec(db, custom);
  };

  const notExist = () => env.raise('RCRD_DSNT_EXIST', 'That record does not exist.');

  const employeeSaver = (record: ScriptRecord): string => {
    const values = new Map<string, unknown>();
    for (const id of record.dirty) values.set(id, record.valueOf(id));
    const roles = record.dirtySublists.has('roles') ? (record.lines('roles') ?? []).map((l) => String(l.selectedrole ?? '')).filter(Boolean) : null;
    return guard(() => services.employees.write(record.id ? 'edit' : 'create', record.id, values, roles, env.origin, env.isUserEvent));
  };

  const tableSaver = (spec: TableSpec) => (record: ScriptRecord, options: Record<string, unknown>): string => {
    if (spec.type === 'scriptdeployment') throw env.raise('SSS_INVALID_RECORD_OPERATION', 'Script deployments are edited in src/Objects or the sandbox configuration.');
    requireRecordAccess(env, spec.type, record.id ? 'EDIT' : 'CREATE');
    const custom = services.recordTypes.get(spec.type)!;
    for (const f of custom.fields) {
      const v = record.valueOf(f.id);
      if (f.isMandatory && !options.ignoreMandatoryFields && (v === undefined || v === '' || v === null)) {
        throw env.raise('USER_ERROR', `Please enter value(s) for: ${f.label}`);
      }
      const max = Math.min(f.maxLength ?? Infinity, MAX_TEXT[f.fieldType] ?? Infinity);
      if (typeof v === 'string' && v.length > max) {
        throw env.raise('INVALID_FLD_VALUE', `The field ${f.id} contained more than the maximum number ( ${max} ) of characters allowed.`);
      }
    }
    const now = new Date(services.clock.now()).toISOString();
    const cols = [...record.dirty].filter((id) => spec.column(id) !== null && id !== 'id');
    const vals = cols.map((id) => toColumnValue(spec.kind(id), record.valueOf(id)));
    if (record.id) {
      db.prepare(`UPDATE ${spec.table} SET ${cols.map((c) => `${c} = ?, `).join('')}lastmodified = ? WHERE id = ?`).run(...vals, now, Number(record.id));
      return record.id;
    }
    const all = [...cols, 'created', 'lastmodified'];
    const info = db.prepare(`INSERT INTO ${spec.table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`).run(...vals, now, now);
    return String(info.lastInsertRowid);
  };

  const loadTable = (spec: TableSpec, id: string, readOnly: boolean): ScriptRecord => {
    requireRecordAccess(env, spec.type, 'VIEW');
    const row = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(Number(id)) as Record<string, unknown> | undefined;
    if (!row) throw notExist();
    const { values, sublists } = rowValues(spec, row);
    if (spec.type === 'scriptdeployment') {
      for (const [k, v] of Object.entries(services.deploymentParams(String(row.scriptid)))) values.set(k, v);
    }
    return new ScriptRecord(env, spec, id, values, sublists, { readOnly, isDynamic: false, partial: false }, readOnly ? undefined : tableSaver(spec));
  };

  const load = (options: unknown): ScriptRecord => {
    const { type, id, isDynamic } = arg<{ type: string; id: unknown; isDynamic?: boolean }>(options);
    const t = String(type).toLowerCase();
    env.governance.charge(recordCost('load', t));
    if (t === 'employee') {
      const state = loadEmployee(db, String(id));
      if (!state) throw notExist();
      const { values, sublists } = employeeValues(state, '', services.employeeSchema);
      return new ScriptRecord(env, employeeSpec(db, services.employeeSchema), state.id, values, sublists, { readOnly: false, isDynamic: !!isDynamic, partial: false }, employeeSaver);
    }
    return loadTable(tableSpec(t), String(id), t === 'scriptdeployment');
  };

  const create = (options: unknown): ScriptRecord => {
    const { type, isDynamic, defaultValues } = arg<{ type: string; isDynamic?: boolean; defaultValues?: Record<string, unknown> }>(options);
    const t = String(type).toLowerCase();
    env.governance.charge(recordCost('create', t));
    let record: ScriptRecord;
    if (t === 'employee') {
      record = new ScriptRecord(env, employeeSpec(db, services.employeeSchema), null, new Map(), new Map<string, Line[]>([['roles', []]]), { readOnly: false, isDynamic: !!isDynamic, partial: false }, employeeSaver);
    } else {
      const spec = tableSpec(t);
      if (t === 'scriptdeployment') throw env.raise('SSS_INVALID_RECORD_OPERATION', 'Script deployments are created by deploying src/Objects.');
      requireRecordAccess(env, t, 'CREATE');
      const values = new Map<string, unknown>();
      for (const f of services.recordTypes.get(t)!.fields) {
        const kind = kindOfFieldType(f.fieldType);
        if (kind === 'boolean') values.set(f.id, f.defaultChecked);
        else if (f.defaultValue !== null) values.set(f.id, f.defaultValue);
      }
      record = new ScriptRecord(env, spec, null, values, new Map(), { readOnly: false, isDynamic: !!isDynamic, partial: false }, tableSaver(spec));
      for (const k of values.keys()) record.dirty.add(k);
    }
    for (const [fieldId, value] of Object.entries(defaultValues ?? {})) record.setValue({ fieldId, value });
    return record;
  };

  const submitFields = (options: unknown): number => {
    const { type, id, values } = arg<{ type: string; id: unknown; values: Record<string, unknown> }>(options);
    const t = String(type).toLowerCase();
    env.governance.charge(recordCost('submitFields', t));
    if (t === 'employee') {
      if (!loadEmployee(db, String(id))) throw notExist();
      const changes = new Map(Object.entries(values ?? {}).map(([k, v]) => [k.toLowerCase(), v] as [string, unknown]));
      return Number(guard(() => services.employees.write('xedit', String(id), changes, null, env.origin, env.isUserEvent)));
    }
    const spec = tableSpec(t);
    requireRecordAccess(env, t, 'EDIT');
    const record = loadTable(spec, String(id), t === 'scriptdeployment');
    for (const [fieldId, value] of Object.entries(values ?? {})) record.setValue({ fieldId, value });
    // submitFields costs its own units only: save through the saver, not the governed Record.save.
    return Number(tableSaver(spec)(record, { ignoreMandatoryFields: true }));
  };

  const remove = (options: unknown): number => {
    const { type, id } = arg<{ type: string; id: unknown }>(options);
    const t = String(type).toLowerCase();
    env.governance.charge(recordCost('delete', t));
    if (t === 'employee') {
      if (!loadEmployee(db, String(id))) throw notExist();
      guard(() => services.employees.remove(String(id), env.origin, env.isUserEvent));
      return Number(id);
    }
    const spec = tableSpec(t);
    requireRecordAccess(env, t, 'FULL');
    const info = db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(Number(id));
    if (info.changes === 0) throw notExist();
    return Number(id);
  };

  return { load, create, submitFields, delete: remove, Type: TYPE_ENUM };
}

/**
 * The script engine of one thread: the employee write pipeline that fires user events, and scheduled
 * script runs. Everything here is synchronous, as SuiteScript is; it runs in a worker thread so a
 * blocking `N/https` call never stalls the REST API or a receiver on the main thread.
 */
import { NetSuiteError, type EmployeeWrite } from '../account/account-types';
import { Clock } from '../account/clock';
import { typedParams, type LoadedProject } from '../sdf/deploy';
import { employeeSchema, recordSchema, type EmployeeSchema, type RecordSchema } from '../records/employee-schema';
import { USER_RECORD_TYPES } from '../../core';
import {
  applyChanges,
  changesFromCanonical,
  deleteEmployeeRow,
  loadEmployee,
  notFound,
  saveEmployee,
  type EmployeeChanges,
  type EmployeeState,
} from '../records/employees';
import { describeError, intoRealm, SuiteScriptError } from './errors';
import { Governance, timeLimitExceeded, timeLimitSeconds, usageLimit } from './governance';
import { moduleResolver } from './modules';
import type { Deployment, ScriptObject } from '../sdf/objects-xml';
import { ScriptRecord, employeeSpec, employeeValues } from './record-model';
import { customRecordSpec, rowValues, toColumnValue, type TableSpec } from '../records/record-types';
import { instantiate } from './script-loader';
import type { EmployeeWriter, HttpRequest, HttpResult, LogEntry, Origin, ScriptEnv, Services } from './script-env';
import { isDate, ymdIn } from './ns-format';
import { roleIdOf } from '../account/permissions';
import { openDatabase, type Db } from '../account/store';
import { registerSuiteQLFunctions } from '../suiteql/query';
import { finishTask, submitTask, taskStatus } from '../scheduling/tasks';
import { serveSuitelet, suiteletError, type SuiteletResult } from '../suitelet/host';
import type { SuiteletRequest } from '../suitelet/request';

export interface EngineOptions {
  accountId: string;
  timeZone: string;
  /** Search sorts empty values first when ascending (Oracle sorts them last). */
  emptyValuesFirst: boolean;
  dbPath: string;
  clockBuffer: SharedArrayBuffer;
  /**
   * A test-safety net in real time (a runaway loop must not hold a worker forever); NetSuite's own time
   * limits are enforced on the account clock by Governance.
   */
  scriptTimeoutMs: number;
  /** Hosts for which plain http:// is allowed (explicit opt-in; loopback only). */
  plainHttpHosts: string[];
  http(request: HttpRequest): HttpResult;
  onLog?(entry: LogEntry): void;
}

export type UserEventType = 'create' | 'edit' | 'xedit' | 'delete';

/** A script's `Date` for a date field is a day in the scripts' (Pacific) time zone, whatever the machine's. */
function scriptDate(kind: string, value: unknown): unknown {
  return kind === 'date' && isDate(value) ? ymdIn(value.getTime()) : value;
}

/**
 * The role a script runs with (chapter_N2997500): "when one script triggers another, the triggered
 * script runs with the first script's role", not its own deployment's; else the deployment's Execute As
 * Role; else the user's role.
 */
function effectiveRole(deployment: Deployment, origin: Origin): string | null {
  if (origin.scriptRoleId !== undefined) return origin.scriptRoleId;
  return deployment.runAsRole ? roleIdOf(deployment.runAsRole) : origin.roleId;
}

const RUNNABLE = new Set(['RELEASED', 'TESTING']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export class Engine implements EmployeeWriter {
  readonly db: Db;
  readonly clock: Clock;
  readonly services: Services;
  private readonly scripts: Map<string, ScriptObject>;
  private readonly schema: EmployeeSchema;
  /** The schema of every login record type (the core's registry), the employee's included. */
  private readonly schemas: ReadonlyMap<string, RecordSchema>;

  constructor(
    private readonly options: EngineOptions,
    private readonly project: LoadedProject | null,
  ) {
    this.db = openDatabase(options.dbPath);
    this.clock = new Clock(options.clockBuffer);
    // The worker's connections live as long as the thread; terminating it releases them.
    registerSuiteQLFunctions(this.db, options.timeZone, () => this.clock.now());
    this.scripts = new Map((project?.objects.scripts ?? []).map((s) => [s.id, s]));
    this.schema = employeeSchema(project?.objects.employeeFields);
    this.schemas = new Map(
      USER_RECORD_TYPES.map((t) => [
        t.id,
        t.id === 'employee' ? this.schema : recordSchema(t, project?.objects.entityFields[t.id]),
      ]),
    );
    const recordTypes = new Map((project?.objects.recordTypes ?? []).map((t) => [t.id, t]));
    this.services = {
      db: this.db,
      clock: this.clock,
      accountId: options.accountId,
      timeZone: options.timeZone,
      emptyValuesFirst: options.emptyValuesFirst,
      recordTypes,
      employeeSchema: this.schema,
      recordSchemas: this.schemas,
      employees: this,
      http: (r) => options.http(r),
      allowsPlainHttp: (url) => {
        const host = new URL(url).hostname.toLowerCase();
        return LOOPBACK.has(host) && options.plainHttpHosts.some((h) => h.toLowerCase() === host || h === '*');
      },
      log: (entry) => this.log(entry),
      submitTask: (scriptId, deploymentId, submitter, params) =>
        this.submitTask(scriptId, deploymentId, submitter, params),
      taskStatus: (id) => taskStatus(this.db, id),
      deploymentParams: (deploymentId) => this.params(deploymentId),
    };
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  log(entry: LogEntry): void {
    this.db
      .prepare('INSERT INTO sandbox_log (at, script, deployment, level, title, details) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.script, entry.deployment, entry.level, entry.title, entry.details);
    this.options.onLog?.(entry);
  }

  private params(deploymentId: string): Record<string, unknown> {
    const row = this.db.prepare('SELECT script, params FROM scriptdeployment WHERE scriptid = ?').get(deploymentId) as
      { script: string; params: string } | undefined;
    return row ? typedParams(this.scripts.get(row.script), JSON.parse(row.params) as Record<string, string>) : {};
  }

  // ---- employee writes -------------------------------------------------------------------------

  /**
   * A write from the Account (REST layer, sandbox UI, CSV import): canonical values. `userEvents` false
   * is a CSV import without "Run Server SuiteScript and Trigger Workflows" (docs/netsuite.md#user-events).
   */
  writeCanonical(
    op: 'create' | 'edit' | 'xedit',
    id: string | null,
    write: EmployeeWrite,
    origin: Origin,
    userEvents = true,
    type = 'employee',
  ): string {
    const schema = this.schemaOf(type);
    return this.commit(
      op,
      id,
      changesFromCanonical(write.values, write.replaceRoles ?? false, schema),
      origin,
      !userEvents,
      schema,
    );
  }

  private schemaOf(type: string): RecordSchema {
    const schema = this.schemas.get(type);
    if (!schema) throw new NetSuiteError(400, 'INVALID_RCRD_TYPE', `The record type ${type} is not supported.`);
    return schema;
  }

  /** A write from a script's N/record: SuiteScript values by field id; roles as the full list when touched. */
  write(
    op: 'create' | 'edit' | 'xedit',
    id: string | null,
    values: Map<string, unknown>,
    roles: string[] | null,
    origin: Origin,
    fromUserEvent: boolean,
    type = 'employee',
  ): string {
    const schema = this.schemaOf(type);
    const changes: EmployeeChanges = { values: new Map(), roles: roles ? { ids: roles, replace: true } : null };
    for (const [fieldId, value] of values) {
      const spec = schema.byNsId.get(fieldId);
      if (!spec)
        throw new NetSuiteError(400, 'INVALID_FLD_VALUE', `The field ${fieldId} does not exist on ${schema.type.id}.`);
      if (!spec.readOnly) changes.values.set(spec, scriptDate(spec.kind, value));
    }
    return this.commit(op, id, changes, origin, fromUserEvent, schema);
  }

  remove(id: string, origin: Origin, fromUserEvent: boolean, type = 'employee'): void {
    const schema = this.schemaOf(type);
    const current = loadEmployee(this.db, id, schema);
    if (!current) throw notFound(id);
    if (!fromUserEvent) this.runUserEvents('beforeSubmit', 'delete', current, current, null, origin, schema);
    deleteEmployeeRow(this.db, id, schema);
    if (!fromUserEvent) this.runUserEvents('afterSubmit', 'delete', current, current, null, origin, schema);
  }

  private commit(
    op: 'create' | 'edit' | 'xedit',
    id: string | null,
    changes: EmployeeChanges,
    origin: Origin,
    fromUserEvent: boolean,
    schema: RecordSchema,
  ): string {
    const current = op === 'create' ? null : loadEmployee(this.db, String(id), schema);
    if (op !== 'create' && !current) throw notFound(String(id));
    let { next, edited } = applyChanges(this.db, current, changes, this.now(), schema);
    const only = op === 'xedit' ? new Set(edited) : null;
    if (!fromUserEvent) {
      // Values a beforeSubmit sets on newRecord are saved with the record.
      const set = this.setBeforeSubmit(
        this.runUserEvents('beforeSubmit', op, current, next, only, origin, schema),
        schema,
      );
      if (set.values.size > 0 || set.roles) {
        const again = applyChanges(this.db, next, set, this.now(), schema);
        next = { ...again.next, id: next.id };
        for (const f of again.edited) only?.add(f);
      }
    }
    next.id = saveEmployee(this.db, next, schema);
    if (!fromUserEvent) this.runUserEvents('afterSubmit', op, current, next, only, origin, schema);
    return next.id;
  }

  // ---- custom records saved in NetSuite's own forms ------------------------------------------------

  /**
   * An administrator's create or edit of a custom record in NetSuite's record form (the sandbox UI and
   * tests): the row is written, then the afterSubmit user events deployed on that custom record type
   * run as for any record (a deployment's record type names it as `[scriptid=customrecord_…]`).
   * Values are SuiteScript values by field id; an unknown field is refused.
   */
  writeCustom(type: string, id: string | null, values: Record<string, unknown>, origin: Origin): string {
    const recordType = this.services.recordTypes.get(type);
    if (!recordType) throw new NetSuiteError(400, 'INVALID_RCRD_TYPE', `The record type ${type} is not supported.`);
    const spec = customRecordSpec(this.db, recordType);
    const cols = Object.keys(values);
    for (const c of cols)
      if (spec.column(c) === null || c === 'id')
        throw new NetSuiteError(400, 'INVALID_FLD_VALUE', `The field ${c} does not exist on ${type}.`);
    const read = (rowId: string) =>
      this.db.prepare(`SELECT * FROM ${type} WHERE id = ?`).get(Number(rowId)) as Record<string, unknown> | undefined;
    const old = id === null ? null : read(id);
    if (id !== null && !old) throw notFound(id);
    const now = this.now();
    const vals = cols.map((c) => toColumnValue(spec.kind(c), values[c]));
    let rowId = id;
    if (rowId !== null) {
      const sets = cols.map((c) => `${c} = ?, `).join('');
      this.db.prepare(`UPDATE ${type} SET ${sets}lastmodified = ? WHERE id = ?`).run(...vals, now, Number(rowId));
    } else {
      const all = [...cols, 'created', 'lastmodified'];
      const sql = `INSERT INTO ${type} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
      rowId = String(this.db.prepare(sql).run(...vals, now, now).lastInsertRowid);
    }
    const saved = read(rowId);
    if (!saved) throw notFound(rowId); // the row just written
    this.runCustomAfterSubmit(id === null ? 'create' : 'edit', spec, old ?? null, saved, origin);
    return rowId;
  }

  private runCustomAfterSubmit(
    type: 'create' | 'edit',
    spec: TableSpec,
    old: Record<string, unknown> | null,
    next: Record<string, unknown>,
    origin: Origin,
  ): void {
    const sdfType = `[SCRIPTID=${spec.type.toUpperCase()}]`;
    const deployments = [
      ...this.userEventDeployments(type, origin.executionContext, sdfType),
      ...this.userEventDeployments(type, origin.executionContext, spec.type.toUpperCase()),
    ];
    for (const { script, deployment } of deployments) {
      this.execute(script, deployment, origin, true, null, 'afterSubmit', (instance, env) => {
        const record = (row: Record<string, unknown>) => {
          const { values, sublists } = rowValues(spec, row);
          return new ScriptRecord(env, spec, String(row.id), values, sublists, {
            readOnly: true,
            isDynamic: false,
            partial: false,
          });
        };
        const context = { type, oldRecord: old ? record(old) : null, newRecord: record(next) };
        instance.call(instance.entry.afterSubmit, context, this.options.scriptTimeoutMs);
      });
    }
  }

  // ---- user events -----------------------------------------------------------------------------

  private userEventDeployments(
    type: UserEventType,
    executionContext: string,
    recordType: string,
  ): { script: ScriptObject; deployment: Deployment }[] {
    const out: { script: ScriptObject; deployment: Deployment }[] = [];
    for (const script of this.scripts.values()) {
      if (script.type !== 'usereventscript' || script.isInactive) continue;
      for (const deployment of script.deployments) {
        if (deployment.recordType !== recordType || !deployment.isDeployed || !RUNNABLE.has(deployment.status))
          continue;
        if (deployment.executionContexts && !deployment.executionContexts.has(executionContext)) continue;
        if (deployment.eventType && deployment.eventType !== type) continue;
        out.push({ script, deployment });
      }
    }
    return out;
  }

  /**
   * Runs the deployed user events of one stage. beforeSubmit errors abort the write (NetSuite shows
   * them to the user); afterSubmit errors are logged and never undo the committed write.
   */
  private runUserEvents(
    stage: 'beforeSubmit' | 'afterSubmit',
    type: UserEventType,
    old: EmployeeState | null,
    next: EmployeeState,
    only: Set<string> | null,
    origin: Origin,
    schema: RecordSchema,
  ): ScriptRecord[] {
    const newRecords: ScriptRecord[] = [];
    const deployments = this.userEventDeployments(type, origin.executionContext, schema.type.sdfRecordType);
    for (const { script, deployment } of deployments) {
      const outcome = this.execute(script, deployment, origin, true, null, stage, (instance, env) => {
        const fn = instance.entry[stage];
        const spec = employeeSpec(this.db, schema);
        const oldValues = old && employeeValues(old, null, schema);
        const newValues = employeeValues(next, '', schema, only ?? undefined);
        const newRecord = new ScriptRecord(env, spec, next.id || null, newValues.values, newValues.sublists, {
          readOnly: stage === 'afterSubmit',
          isDynamic: false,
          partial: only !== null,
        });
        newRecords.push(newRecord);
        const context = {
          type,
          UserEventType: Object.freeze({
            CREATE: 'create',
            EDIT: 'edit',
            XEDIT: 'xedit',
            DELETE: 'delete',
            VIEW: 'view',
            COPY: 'copy',
          }),
          oldRecord: oldValues
            ? new ScriptRecord(env, spec, old.id, oldValues.values, oldValues.sublists, {
                readOnly: true,
                isDynamic: false,
                partial: false,
              })
            : null,
          newRecord,
        };
        instance.call(fn, context, this.options.scriptTimeoutMs);
      });
      if (!outcome.ok && stage === 'beforeSubmit')
        throw new NetSuiteError(400, 'USER_ERROR', `${outcome.error.name}: ${outcome.error.message}`);
    }
    return newRecords;
  }

  /** The fields beforeSubmit scripts set on their newRecord, as changes (later scripts win). */
  private setBeforeSubmit(records: ScriptRecord[], schema: RecordSchema): EmployeeChanges {
    const changes: EmployeeChanges = { values: new Map(), roles: null };
    for (const record of records) {
      for (const fieldId of record.dirty) {
        const spec = schema.byNsId.get(fieldId);
        if (spec && !spec.readOnly && spec.kind !== 'sublist')
          changes.values.set(spec, scriptDate(spec.kind, record.valueOf(fieldId)));
      }
      if (schema.rolesTable && record.dirtySublists.has('roles'))
        changes.roles = {
          ids: (record.lines('roles') ?? []).map((l) => String(l.selectedrole ?? '')).filter(Boolean),
          replace: true,
        };
    }
    return changes;
  }

  // ---- executions ------------------------------------------------------------------------------

  /** One execution: fresh context, fresh governance; script errors are logged as NetSuite's execution log does. */
  private execute(
    script: ScriptObject,
    deployment: Deployment,
    origin: Origin,
    isUserEvent: boolean,
    taskId: number | null,
    entryPoint: string,
    body: (instance: ReturnType<typeof instantiate>, env: ScriptEnv) => void,
    runParams: Record<string, string> = {},
  ): { ok: true; usage: number } | { ok: false; usage: number; error: { name: string; message: string } } {
    let realmError: ErrorConstructor | undefined;
    let realmDate: DateConstructor | undefined;
    // Time runs on the account clock from the start of the execution (tests move it; section_161591009480).
    const governance = new Governance(usageLimit(script.type), (e) => intoRealm(e, realmError), {
      now: () => this.clock.now(),
      startedAt: this.clock.now(),
      limitMs: timeLimitSeconds(script.type) * 1000,
    });
    const env: ScriptEnv = {
      services: this.services,
      script,
      deployment,
      governance,
      origin,
      roleId: effectiveRole(deployment, origin),
      isUserEvent,
      taskId,
      runParams: typedParams(script, runParams),
      raise: (name, message) => intoRealm(new SuiteScriptError(name, message), realmError),
      date: (ms) => new (realmDate ?? Date)(ms),
    };
    const resolve = moduleResolver(env);
    try {
      const compiled = this.project?.compiled.get(script.id);
      if (!compiled) throw new SuiteScriptError('SSS_MISSING_SCRIPT', `${script.id} is not deployed`);
      const instance = instantiate(compiled, { module: resolve, log: resolve('N/log'), now: () => this.clock.now() });
      realmError = instance.realmError;
      realmDate = instance.realmDate;
      // A script without this entry point is not executed for it (no execution, no governance).
      if (typeof instance.entry[entryPoint] !== 'function') return { ok: true, usage: 0 };
      body(instance, env);
      // NetSuite stops a script at its time limit, whatever it caught: the execution ends there.
      if (governance.killedByTime()) throw timeLimitExceeded();
      this.recordExecution(script, deployment, origin, governance, null);
      return { ok: true, usage: governance.usage() };
    } catch (e) {
      const error = describeError(governance.killedByTime() ? timeLimitExceeded() : e);
      this.log({
        at: this.now(),
        script: script.id,
        deployment: deployment.id,
        level: 'ERROR',
        title: error.name,
        details: error.message,
      });
      this.recordExecution(script, deployment, origin, governance, `${error.name}: ${error.message}`);
      return { ok: false, usage: governance.usage(), error };
    }
  }

  /** Governance readings: one row per execution, with the units it used. */
  private recordExecution(
    script: ScriptObject,
    deployment: Deployment,
    origin: Origin,
    governance: Governance,
    error: string | null,
  ): void {
    this.db
      .prepare(
        'INSERT INTO sandbox_execution (at, script, deployment, kind, execution_context, usage, usage_limit, ok, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.now(),
        script.id,
        deployment.id,
        script.type,
        origin.executionContext,
        governance.usage(),
        governance.limit,
        error ? 'F' : 'T',
        error,
      );
  }

  // ---- Suitelets (lib/sandbox/suitelet/) -------------------------------------------------------

  /** One Suitelet request: `onRequest` of a deployed, released or testing Suitelet, with 1,000 units. */
  runSuitelet(scriptId: string, deploymentId: string, request: SuiteletRequest, origin: Origin): SuiteletResult {
    const script = this.scripts.get(scriptId);
    const deployment =
      script?.type === 'suitelet' && !script.isInactive
        ? script.deployments.find((d) => d.id === deploymentId)
        : undefined;
    if (!script || !deployment || !deployment.isDeployed || !RUNNABLE.has(deployment.status))
      return suiteletError(
        404,
        'Error',
        'SSS_INVALID_SCRIPTLET_ID: That Suitelet is invalid, disabled, or no longer exists.',
      );
    let result: SuiteletResult | null = null;
    const outcome = this.execute(script, deployment, origin, false, null, 'onRequest', (instance, env) => {
      result = serveSuitelet(instance, env, request, this.options.scriptTimeoutMs);
    });
    if (!outcome.ok)
      return suiteletError(
        500,
        'An unexpected SuiteScript error has occurred',
        `${outcome.error.name}: see the script's execution log.`,
      );
    return (
      result ??
      suiteletError(
        500,
        'An unexpected SuiteScript error has occurred',
        'SSS_MISSING_ENTRY_POINT: the script has no onRequest.',
      )
    );
  }

  // ---- scheduled scripts -----------------------------------------------------------------------

  /** N/task: queues a Not Scheduled deployment on demand, with parameter values for that run. */
  submitTask(
    scriptId: string,
    deploymentId: string,
    submitterTaskId: number | null,
    params: Record<string, unknown> | null,
  ): number {
    const script = this.scripts.get(scriptId);
    if (script?.type !== 'scheduledscript' || !script.deployments.some((d) => d.id === deploymentId)) {
      throw new SuiteScriptError(
        'INVALID_SCRIPT_DEPLOYMENT_ID_1',
        `No scheduled script deployment ${deploymentId} of ${scriptId}.`,
      );
    }
    return submitTask(
      this.db,
      { script: scriptId, deployment: deploymentId, invocation: 'ONDEMAND', params },
      submitterTaskId,
      this.now(),
    );
  }

  /** Runs a task claimed by `claimNextTask` (PROCESSING) to completion; returns its final status. */
  runTask(taskId: number): { status: string; usage: number; error?: string } {
    const task = this.db
      .prepare(
        `SELECT id, script, deployment, invocation, params FROM sandbox_task WHERE id = ? AND status = 'PROCESSING'`,
      )
      .get(taskId) as { script: string; deployment: string; invocation: string; params: string | null } | undefined;
    const script = task && this.scripts.get(task.script);
    const deployment = task && script?.deployments.find((d) => d.id === task.deployment);
    if (!task || !script || !deployment) return { status: 'FAILED', usage: 0, error: 'not a claimed task' };
    const origin: Origin = { executionContext: 'SCHEDULED', userId: '-4', roleId: '3' };
    const runParams = task.params ? (JSON.parse(task.params) as Record<string, string>) : {};
    const outcome = this.execute(
      script,
      deployment,
      origin,
      false,
      taskId,
      'execute',
      (instance) => {
        const context = {
          type: task.invocation,
          InvocationType: Object.freeze({
            SCHEDULED: 'SCHEDULED',
            ON_DEMAND: 'ONDEMAND',
            USER_INTERFACE: 'USERINTERFACE',
            ABORTED: 'ABORTED',
            SKIPPED: 'SKIPPED',
          }),
        };
        instance.call(instance.entry.execute, context, this.options.scriptTimeoutMs);
      },
      runParams,
    );
    const error = outcome.ok ? null : `${outcome.error.name}: ${outcome.error.message}`;
    finishTask(this.db, taskId, outcome.ok ? 'COMPLETE' : 'FAILED', this.now(), error);
    return error ? { status: 'FAILED', usage: outcome.usage, error } : { status: 'COMPLETE', usage: outcome.usage };
  }
}

/**
 * The sandbox account: the `Account` the REST layer serves (reads on the main thread, writes and their
 * user events in script workers), plus the controls tests, benchmarks and the demo use: secrets and
 * parameters, the clock and scheduled scripts, logs and governance readings.
 */
import { CONTEXT_TYPE, USER_RECORD_TYPES, type CanonicalRecord } from '../../core';
import {
  NetSuiteError,
  type Account,
  type EmployeeWrite,
  type RecordAccount,
  type RecordFilter,
  type SuiteQLPage,
  type WriteContext,
} from './account-types';
import { Clock } from './clock';
import { installObjects, loadProject, type LoadedProject, type ParamOverrides } from '../sdf/deploy';
import { employeeFilterSql } from '../records/employee-filter';
import { KeyedLock } from './keyed-lock';
import { employeeSchema, recordSchema, type EmployeeSchema, type RecordSchema } from '../records/employee-schema';
import { loadEmployee, notFound, toCanonical } from '../records/employees';
import { defaultProjectDir } from '../paths';
import { setRecordPermission, setRolePermission, type Level, type RolePermission } from './permissions';
import { nextSlot, schedulesOf, type Schedule } from '../scheduling/scheduler';
import type { LogEntry, Origin } from '../runtime/script-env';
import { seedCompany, seedSyntheticEmployees } from './seed';
import { createSchema, openDatabase, removeDatabaseFile, tempDatabasePath, type Db } from './store';
import { registerSuiteQLFunctions } from '../suiteql/query';
import { SuiteQLRunner } from '../suiteql/runner';
import { tablesReadableBy } from '../suiteql/access';
import { NETSUITE_HTTP_LIMITS, type HttpLimits } from '../workers/sync-http';
import { claimNextTask, finishTask, submitTask, type Invocation } from '../scheduling/tasks';
import { sentEmails, type SentEmail } from '../runtime/modules/email';
import { evictCache } from '../runtime/modules/cache';
import type { SuiteletResult } from '../suitelet/host';
import type { SuiteletRequest } from '../suitelet/request';
import { setUiDomain } from '../suitelet/urls';
import { WorkerPool } from '../workers/pool';

export interface SecretValue {
  value: string;
  /** Script ids allowed to use the secret; absent means every script. */
  restrictTo?: string[];
}

export interface AccountOptions {
  /** Realm form, upper case with underscore. Default `1234567_SB1`. */
  accountId?: string;
  /** SQLite file; persistent when given, a temporary file (removed on close) otherwise. */
  dbPath?: string;
  /** SDF project to deploy (`src/` by default); null deploys nothing. */
  projectDir?: string | null;
  timeZone?: string;
  /**
   * Where N/search puts empty values when sorting ascending: `last` as Oracle does (default), or `first`,
   * so a test can show a script does not depend on it.
   */
  searchEmptyValues?: 'last' | 'first';
  /** Script worker threads: how many writes run their user events at once. Default 2. */
  workers?: number;
  /** API Secrets by script id (`custsecret_…`). Stored in the account, never printed. */
  secrets?: Record<string, string | SecretValue>;
  /** Script parameter values by deployment id, over the values in src/Objects. */
  params?: ParamOverrides;
  /** Seed the sample company (default true; a persistent database is seeded once). */
  seed?: boolean;
  /** NetSuite's HTTP limits and extra trusted certificates (tests shorten the limits). */
  http?: Partial<HttpLimits>;
  /** Opt-in: hosts (loopback only) to which N/https may send plain http://. */
  plainHttpHosts?: string[];
  /**
   * A test-safety net in REAL (wall-clock) time: a runaway loop in a script must not hold a worker
   * forever. Default 5 minutes. Not NetSuite's limit: the documented time limits per script type
   * (TIME_LIMIT_SECONDS, section_161591009480) are enforced on the account clock.
   */
  realTimeSafetyNetMs?: number;
  /** Time a SuiteQL query (REST, `runSuiteQL`) may run before it is cancelled. Default 30 s. */
  suiteqlTimeoutMs?: number;
  /** Every script log entry, as it is written. */
  onLog?(entry: LogEntry): void;
}

export interface TaskRun {
  taskId: number;
  scriptId: string;
  deploymentId: string;
  status: string;
  usage: number;
  error?: string;
}

export interface Execution {
  at: string;
  script: string;
  deployment: string;
  kind: string;
  executionContext: string;
  usage: number;
  limit: number;
  ok: boolean;
  error: string | null;
}

/** Bound on tasks one `runDue` call runs, so a script that always reschedules itself cannot spin forever. */
const MAX_TASKS_PER_RUN = 500;

export class SandboxAccount implements Account, RecordAccount {
  readonly accountId: string;
  readonly clock: Clock;
  readonly db: Db;
  private readonly namesDb: Db;
  readonly dbPath: string;
  readonly project: LoadedProject | null;
  private readonly timeZone: string;
  private readonly temporary: boolean;
  private readonly pool: WorkerPool;
  private readonly limits: HttpLimits;
  private readonly schedules: Schedule[];
  /** Standard fields plus the custom entity fields src/Objects declares for employees. */
  readonly employeeSchema: EmployeeSchema;
  /** Every login record type's schema (the core's registry), the employee's included. */
  private readonly schemas: ReadonlyMap<string, RecordSchema>;
  private readonly nextDue = new Map<string, number | null>();
  private readonly locks = new KeyedLock();
  private running: Promise<TaskRun[]> | null = null;
  private readonly suiteql: SuiteQLRunner;
  private selects: Map<string, string> | null = null;
  private timer: NodeJS.Timeout | null = null;

  private constructor(options: AccountOptions, project: LoadedProject | null) {
    this.accountId = options.accountId ?? '1234567_SB1';
    this.timeZone = options.timeZone ?? 'UTC';
    this.temporary = !options.dbPath;
    this.dbPath = options.dbPath ?? tempDatabasePath();
    this.clock = new Clock();
    this.project = project;
    this.employeeSchema = employeeSchema(project?.objects.employeeFields);
    this.schemas = new Map(
      USER_RECORD_TYPES.map((t) => [
        t.id,
        t.id === 'employee' ? this.employeeSchema : recordSchema(t, project?.objects.entityFields[t.id]),
      ]),
    );
    this.db = openDatabase(this.dbPath);
    createSchema(this.db);
    this.namesDb = registerSuiteQLFunctions(this.db, this.timeZone, () => this.clock.now());
    this.suiteql = new SuiteQLRunner({
      init: () => ({
        dbPath: this.dbPath,
        timeZone: this.timeZone,
        selectColumns: [...this.selectColumns],
        heapLimitBytes: 256 * 1024 * 1024,
      }),
      timeoutMs: options.suiteqlTimeoutMs ?? 30_000,
      now: () => this.clock.now(),
      maxProcesses: 2,
    });
    if (options.seed !== false) seedCompany(this.db, this.nowIso());
    if (project) installObjects(this.db, project.objects, options.params ?? {});
    for (const [id, secret] of Object.entries(options.secrets ?? {})) {
      const s = typeof secret === 'string' ? { value: secret } : secret;
      this.setSecret(id, s.value, s.restrictTo);
    }
    this.limits = {
      ...NETSUITE_HTTP_LIMITS,
      ...options.http,
      trustedCertificates: [...(options.http?.trustedCertificates ?? [])],
    };
    this.schedules = schedulesOf(project?.objects.scripts ?? []);
    for (const s of this.schedules) this.nextDue.set(s.deploymentId, nextSlot(s, this.clock.now()));
    this.pool = new WorkerPool(
      Math.max(1, options.workers ?? 2),
      {
        accountId: this.accountId,
        timeZone: this.timeZone,
        emptyValuesFirst: options.searchEmptyValues === 'first',
        dbPath: this.dbPath,
        clockBuffer: this.clock.buffer,
        projectDir: project?.dir ?? null,
        scriptTimeoutMs: options.realTimeSafetyNetMs ?? 300_000,
        plainHttpHosts: options.plainHttpHosts ?? [],
        limits: this.limits,
      },
      () => this.limits,
      (entry) => options.onLog?.(entry),
    );
  }

  /** Creates the account, deploys the project and waits for the script workers. Throws DeployError for a broken bundle. */
  static async create(options: AccountOptions = {}): Promise<SandboxAccount> {
    const dir = options.projectDir === undefined ? defaultProjectDir() : options.projectDir;
    const project = dir === null ? null : loadProject(dir);
    const account = new SandboxAccount(options, project);
    try {
      await account.pool.ready();
    } catch (e) {
      await account.close();
      throw e;
    }
    return account;
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  // ---- Account (the REST layer's seam) ---------------------------------------------------------

  getEmployee(id: string): CanonicalRecord | null {
    return this.getRecord('employee', id);
  }

  findEmployeeByExternalId(externalId: string): string | null {
    return this.findRecordByExternalId('employee', externalId);
  }

  listEmployees(limit: number, offset: number, filter?: RecordFilter): { ids: string[]; totalResults: number } {
    return this.listRecords('employee', limit, offset, filter);
  }

  private schemaOf(type: string): RecordSchema {
    const schema = this.schemas.get(type);
    if (!schema) throw new NetSuiteError(400, 'INVALID_RCRD_TYPE', `The record type ${type} is not supported.`);
    return schema;
  }

  getRecord(type: string, id: string): CanonicalRecord | null {
    const schema = this.schemaOf(type);
    const state = loadEmployee(this.db, id, schema);
    return state ? toCanonical(this.db, state, schema) : null;
  }

  findRecordByExternalId(type: string, externalId: string): string | null {
    const table = this.schemaOf(type).type.id;
    const id = this.db.prepare(`SELECT id FROM ${table} WHERE externalid = ?`).pluck().get(externalId) as
      number | undefined;
    return id === undefined ? null : String(id);
  }

  listRecords(
    type: string,
    limit: number,
    offset: number,
    filter?: RecordFilter,
  ): { ids: string[]; totalResults: number } {
    const schema = this.schemaOf(type);
    const { where, params } = filter ? employeeFilterSql(filter, schema) : { where: '1', params: [] };
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM ${schema.type.id} WHERE ${where}`)
      .pluck()
      .get(...params) as number;
    const ids = this.db
      .prepare(`SELECT id FROM ${schema.type.id} WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, limit, offset) as number[];
    return { ids: ids.map(String), totalResults: total };
  }

  async createRecord(type: string, write: EmployeeWrite, ctx: WriteContext): Promise<string> {
    this.schemaOf(type);
    return this.pool.run<string>({
      kind: 'write',
      op: 'create',
      id: null,
      write,
      origin: origin(ctx),
      recordType: type,
    });
  }

  async updateRecord(
    type: string,
    id: string,
    write: EmployeeWrite,
    ctx: WriteContext,
    eventType: 'edit' | 'xedit' = 'edit',
  ): Promise<void> {
    this.schemaOf(type);
    await this.serialized(id, () =>
      this.pool.run({ kind: 'write', op: eventType, id, write, origin: origin(ctx), recordType: type }),
    );
  }

  async deleteRecord(type: string, id: string, ctx: WriteContext): Promise<void> {
    if (!loadEmployee(this.db, id, this.schemaOf(type))) throw notFound(id);
    await this.serialized(id, () => this.pool.run({ kind: 'delete', id, origin: origin(ctx), recordType: type }));
  }

  now(): number {
    return this.clock.now();
  }

  async createEmployee(write: EmployeeWrite, ctx: WriteContext): Promise<string> {
    return this.pool.run<string>({ kind: 'write', op: 'create', id: null, write, origin: origin(ctx) });
  }

  async updateEmployee(
    id: string,
    write: EmployeeWrite,
    ctx: WriteContext,
    eventType: 'edit' | 'xedit' = 'edit',
  ): Promise<void> {
    await this.serialized(id, () => this.pool.run({ kind: 'write', op: eventType, id, write, origin: origin(ctx) }));
  }

  async deleteEmployee(id: string, ctx: WriteContext): Promise<void> {
    if (!loadEmployee(this.db, id)) throw notFound(id);
    await this.serialized(id, () => this.pool.run({ kind: 'delete', id, origin: origin(ctx) }));
  }

  /** Runs in a separate process, so a query that never ends is cancelled after `suiteqlTimeoutMs`. */
  runSuiteQL(
    query: string,
    params: readonly unknown[],
    limit: number,
    offset: number,
    roleId?: string,
  ): Promise<SuiteQLPage> {
    const readable =
      roleId === undefined ? null : tablesReadableBy(this.db, this.project?.objects.recordTypes ?? [], roleId);
    return this.suiteql.run(query, params, limit, offset, readable);
  }

  /** Writes to one record run one at a time (NetSuite locks a record while it saves). */
  private serialized<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(id, fn);
  }

  /** Custom select columns by name → the record type `BUILTIN.DF` names them from. */
  private get selectColumns(): Map<string, string> {
    if (this.selects) return this.selects;
    const out = (this.selects = new Map<string, string>());
    for (const t of this.project?.objects.recordTypes ?? [])
      for (const f of t.fields) if (f.selectRecordType) out.set(f.id, f.selectRecordType);
    const entityFields = [
      ...(this.project?.objects.employeeFields ?? []),
      ...Object.values(this.project?.objects.entityFields ?? {}).flat(),
    ];
    for (const f of entityFields) if (f.selectRecordType) out.set(f.id, f.selectRecordType);
    return out;
  }

  // ---- people and imports (the sandbox's "UI") ---------------------------------------------------

  /** An inline edit in the UI (xedit, USERINTERFACE): only these fields reach the user event. */
  inlineEdit(id: string, values: CanonicalRecord, userId = '1'): Promise<void> {
    return this.updateEmployee(id, { values }, { executionContext: 'USERINTERFACE', userId, roleId: '3' }, 'xedit');
  }

  /** A full edit in the UI (edit, USERINTERFACE). */
  edit(id: string, values: CanonicalRecord, userId = '1'): Promise<void> {
    return this.updateEmployee(id, { values }, { executionContext: 'USERINTERFACE', userId, roleId: '3' }, 'edit');
  }

  /**
   * A CSV import (CSVIMPORT): rows in order, each creating an employee or updating the one its `id` or
   * `externalId` names. User events run only with "Run Server SuiteScript and Trigger Workflows" (default
   * on). A failing row is reported and the import goes on, as NetSuite's import job does.
   */
  async csvImport(
    rows: readonly CanonicalRecord[],
    options: { runServerSuiteScript?: boolean; userId?: string } = {},
  ): Promise<{ row: number; id?: string; error?: string }[]> {
    const origin: Origin = { executionContext: 'CSVIMPORT', userId: options.userId ?? '1', roleId: '3' };
    const userEvents = options.runServerSuiteScript ?? true;
    const results: { row: number; id?: string; error?: string }[] = [];
    for (const [row, { id, ...values }] of rows.entries()) {
      try {
        const existing =
          typeof id === 'string'
            ? id
            : typeof values.externalId === 'string'
              ? this.findEmployeeByExternalId(values.externalId)
              : null;
        const write: EmployeeWrite = { values, replaceRoles: true };
        if (existing) {
          if (!loadEmployee(this.db, existing)) throw notFound(existing);
          await this.serialized(existing, () =>
            this.pool.run({ kind: 'write', op: 'edit', id: existing, write, origin, userEvents }),
          );
          results.push({ row, id: existing });
        } else
          results.push({
            row,
            id: await this.pool.run<string>({ kind: 'write', op: 'create', id: null, write, origin, userEvents }),
          });
      } catch (e) {
        results.push({ row, error: e instanceof NetSuiteError ? `${e.code}: ${e.detail}` : String(e) });
      }
    }
    return results;
  }

  // ---- sandbox controls ------------------------------------------------------------------------

  /** Stores an API Secret (value never logged or printed). */
  setSecret(scriptId: string, value: string, restrictTo?: string[]): void {
    if (!/^custsecret[a-z0-9_]{1,30}$/.test(scriptId)) throw new Error(`API Secret ids look like custsecret_…`);
    this.db
      .prepare(
        'INSERT INTO sandbox_secret (scriptid, value, restrict_to) VALUES (?, ?, ?) ON CONFLICT (scriptid) DO UPDATE SET value = excluded.value, restrict_to = excluded.restrict_to',
      )
      .run(scriptId, value, restrictTo ? JSON.stringify(restrictTo) : null);
  }

  removeSecret(scriptId: string): void {
    this.db.prepare('DELETE FROM sandbox_secret WHERE scriptid = ?').run(scriptId);
  }

  /** Sets (or with null clears) a script parameter on a deployment, as an administrator would. */
  setParameter(deploymentId: string, paramId: string, value: string | null): void {
    const row = this.db.prepare('SELECT params FROM scriptdeployment WHERE scriptid = ?').pluck().get(deploymentId) as
      string | undefined;
    if (row === undefined) throw new Error(`no deployment ${deploymentId}`);
    const stored = JSON.parse(row) as Record<string, string>;
    const params =
      value === null
        ? Object.fromEntries(Object.entries(stored).filter(([id]) => id !== paramId))
        : { ...stored, [paramId]: value };
    this.db
      .prepare('UPDATE scriptdeployment SET params = ? WHERE scriptid = ?')
      .run(JSON.stringify(params), deploymentId);
  }

  getParameters(deploymentId: string): Record<string, string> {
    const row = this.db.prepare('SELECT params FROM scriptdeployment WHERE scriptid = ?').pluck().get(deploymentId) as
      string | undefined;
    return row === undefined ? {} : (JSON.parse(row) as Record<string, string>);
  }

  /**
   * Gives a role access to a custom record type, or with null takes it away, as an administrator does on
   * the type's Permissions subtab (added to the levels the SDF object lists). Role ids are internal ids.
   */
  setRecordPermission(recordType: string, roleId: string, level: Level | null): void {
    if (!this.project?.objects.recordTypes.some((t) => t.id === recordType))
      throw new Error(`no custom record type ${recordType}`);
    setRecordPermission(this.db, recordType, roleId, level);
  }

  /**
   * Grants a role one of the permissions the sandbox checks beyond custom records (SuiteScript,
   * SuiteScript Scheduling: permissions.ts), or with false takes it away, as an administrator does on
   * Setup > Users/Roles > Manage Roles > Permissions. The Administrator role has them all.
   */
  setRolePermission(roleId: string, permission: RolePermission, granted: boolean): void {
    setRolePermission(this.db, roleId, permission, granted);
  }

  /** Trusts a certificate (PEM) for N/https, e.g. a local receiver's self-signed one. */
  trustCertificate(pem: string): void {
    this.limits.trustedCertificates.push(pem);
  }

  /** Changes the N/https connect/response limits (tests shorten NetSuite's 5 s / 45 s). */
  setHttpLimits(limits: Partial<Pick<HttpLimits, 'connectTimeoutMs' | 'responseTimeoutMs'>>): void {
    Object.assign(this.limits, limits);
  }

  /**
   * N/cache's "cached data is not persistent" (section_4642661313): drops every cached entry, or one
   * cache's by name, as NetSuite may at any time. Returns how many entries went.
   */
  evictCache(name?: string): number {
    return evictCache(this.db, name);
  }

  /** Inserts synthetic employees in bulk (no user events). */
  seedEmployees(count: number): void {
    const start = this.db.prepare('SELECT COUNT(*) FROM employee').pluck().get() as number;
    seedSyntheticEmployees(this.db, count, this.nowIso(), start);
  }

  /**
   * Creates (`id` null) or edits a custom record as an administrator does in NetSuite's record form,
   * firing the afterSubmit user events deployed on its type (e.g. a suitehooks Endpoint). Values are
   * SuiteScript values by field id (checkboxes as booleans). Returns the internal id.
   */
  saveCustomRecord(type: string, id: string | null, values: Record<string, unknown>, userId = '1'): Promise<string> {
    const origin: Origin = { executionContext: 'USERINTERFACE', userId, roleId: '3' }; // Administrator
    return this.pool.run<string>({ kind: 'customWrite', type, id, values, origin });
  }

  /** Rows of a custom record type (e.g. the delivery outbox), with their stored values. */
  customRecords(type: string): Record<string, unknown>[] {
    if (!this.project?.objects.recordTypes.some((t) => t.id === type)) throw new Error(`no custom record type ${type}`);
    return this.db.prepare(`SELECT * FROM ${type} ORDER BY id`).all() as Record<string, unknown>[];
  }

  // ---- Suitelets and email (lib/sandbox/suitelet/, modules/email.ts) ---------------------------

  /** Runs a Suitelet request as `user` in `role` (audience checks are the UI route's). */
  runSuitelet(
    scriptId: string,
    deploymentId: string,
    request: SuiteletRequest,
    user: { userId: string; roleId: string },
  ): Promise<SuiteletResult> {
    return this.pool.run<SuiteletResult>({
      kind: 'suitelet',
      scriptId,
      deploymentId,
      request,
      origin: { executionContext: 'SUITELET', ...user },
    });
  }

  /** The host `url.resolveDomain` answers (the UI's `127.0.0.1:<port>` once it is served). */
  setUiDomain(domain: string): void {
    setUiDomain(this.db, domain);
  }

  /** Emails scripts sent (N/email), oldest first: nothing leaves the machine. */
  sentEmails(): SentEmail[] {
    return sentEmails(this.db);
  }

  /** Script log entries (N/log and script errors), oldest first. */
  logs(filter: { script?: string; level?: string } = {}): LogEntry[] {
    return (
      this.db
        .prepare('SELECT at, script, deployment, level, title, details FROM sandbox_log ORDER BY id')
        .all() as LogEntry[]
    ).filter((e) => (!filter.script || e.script === filter.script) && (!filter.level || e.level === filter.level));
  }

  /** Governance readings: every script execution with the units it used and its limit. */
  executions(filter: { script?: string } = {}): Execution[] {
    const rows = this.db.prepare('SELECT * FROM sandbox_execution ORDER BY id').all() as Record<string, unknown>[];
    return rows
      .map((r) => ({
        at: String(r.at),
        script: String(r.script),
        deployment: String(r.deployment),
        kind: String(r.kind),
        executionContext: String(r.execution_context),
        usage: Number(r.usage),
        limit: Number(r.usage_limit),
        ok: r.ok === 'T',
        error: (r.error as string | null) ?? null,
      }))
      .filter((e) => !filter.script || e.script === filter.script);
  }

  // ---- scheduled scripts -----------------------------------------------------------------------

  private scheduledDeployment(scriptId: string, deploymentId?: string): { id: string; status: string } {
    const script = this.project?.objects.scripts.find((s) => s.id === scriptId && s.type === 'scheduledscript');
    const dep = script?.deployments.find((d) => d.id === (deploymentId ?? script.deployments[0]?.id));
    if (!script || !dep) throw new Error(`no scheduled script deployment ${deploymentId ?? ''} of ${scriptId}`);
    return {
      id: dep.id,
      status: String(
        this.db.prepare('SELECT status FROM scriptdeployment WHERE scriptid = ?').pluck().get(dep.id) ?? dep.status,
      ),
    };
  }

  /** Queues a deployment on demand, as N/task does: only a Not Scheduled one, never while it is queued or running. */
  submitScheduled(scriptId: string, deploymentId?: string, params?: Record<string, string>): number {
    const dep = this.scheduledDeployment(scriptId, deploymentId);
    return submitTask(
      this.db,
      { script: scriptId, deployment: dep.id, invocation: 'ONDEMAND', params },
      null,
      this.nowIso(),
    );
  }

  /**
   * Runs a deployment now, and whatever it starts, returning every run: a Scheduled deployment as its
   * schedule would start it, a Not Scheduled one on demand (N/task rules).
   */
  async runScheduled(scriptId: string, deploymentId?: string, params?: Record<string, string>): Promise<TaskRun[]> {
    await this.running?.catch(() => undefined);
    const dep = this.scheduledDeployment(scriptId, deploymentId);
    const invocation: Invocation = dep.status === 'SCHEDULED' ? 'SCHEDULED' : 'ONDEMAND';
    submitTask(this.db, { script: scriptId, deployment: dep.id, invocation, params }, null, this.nowIso());
    return this.runDue();
  }

  /** Moves the clock forward and runs everything that became due. */
  async advance(ms: number): Promise<TaskRun[]> {
    this.clock.advance(ms);
    return this.runDue();
  }

  /** Queues deployments whose schedule is due, then runs queued tasks until none is left. */
  runDue(): Promise<TaskRun[]> {
    if (this.running) return this.running.then(() => this.runDue());
    this.running = this.drain().finally(() => (this.running = null));
    return this.running;
  }

  /** Queues the Scheduled deployments whose slot has come (a missed slot runs once). */
  private queueScheduled(): void {
    const now = this.clock.now();
    for (const s of this.schedules) {
      const due = this.nextDue.get(s.deploymentId);
      if (due === null || due === undefined || due > now) continue;
      this.nextDue.set(s.deploymentId, nextSlot(s, now + 1));
      try {
        submitTask(
          this.db,
          { script: s.scriptId, deployment: s.deploymentId, invocation: 'SCHEDULED' },
          null,
          this.nowIso(),
        );
      } catch {
        // already queued or running, or no longer Scheduled: NetSuite skips the slot too
      }
    }
  }

  /**
   * Runs queued tasks on the script workers: different deployments at once, one deployment never twice
   * at once (claimNextTask), each task's successors (a worker it starts, itself again) as they are queued.
   */
  private async drain(): Promise<TaskRun[]> {
    this.queueScheduled();
    const runs: TaskRun[] = [];
    const inFlight = new Set<Promise<void>>();
    let started = 0;
    const startNext = (): boolean => {
      if (inFlight.size >= this.pool.size || started >= MAX_TASKS_PER_RUN) return false;
      const task = claimNextTask(this.db, this.nowIso());
      if (!task) return false;
      started++;
      const run: Promise<void> = this.runTask(task, runs).finally(() => inFlight.delete(run));
      inFlight.add(run);
      return true;
    };
    for (;;) {
      while (startNext());
      if (inFlight.size === 0) return runs.sort((a, b) => a.taskId - b.taskId);
      await Promise.race(inFlight);
    }
  }

  /** One claimed task on a script worker; a worker that fails leaves the task FAILED, never PROCESSING. */
  private async runTask(task: { id: number; script: string; deployment: string }, runs: TaskRun[]): Promise<void> {
    const run = { taskId: task.id, scriptId: task.script, deploymentId: task.deployment };
    try {
      runs.push({
        ...run,
        ...(await this.pool.run<{ status: string; usage: number; error?: string }>({ kind: 'task', taskId: task.id })),
      });
    } catch (e) {
      finishTask(this.db, task.id, 'FAILED', this.nowIso(), (e as Error).message);
      runs.push({ ...run, status: 'FAILED', usage: 0, error: (e as Error).message });
    }
  }

  /** Checks the schedules every `intervalMs` of real time (the demo server); tests call runDue/advance instead. */
  startScheduler(intervalMs = 1_000): void {
    this.timer ??= setInterval(() => void this.runDue().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.suiteql.close();
    await this.pool.close();
    await this.running?.catch(() => undefined);
    this.namesDb.close();
    this.db.close();
    if (this.temporary) removeDatabaseFile(this.dbPath);
  }
}

/**
 * Execution contexts of scripts (runtime.ContextType): a write made in one of them is a script's, so the
 * user events it fires run with the role given, the triggering script's (chapter_N2997500).
 */
const SCRIPT_CONTEXTS: ReadonlySet<string> = new Set([
  CONTEXT_TYPE.ACTION,
  CONTEXT_TYPE.BUNDLE_INSTALLATION,
  CONTEXT_TYPE.CUSTOM_MASSUPDATE,
  CONTEXT_TYPE.MAP_REDUCE,
  CONTEXT_TYPE.PORTLET,
  CONTEXT_TYPE.RESTLET,
  CONTEXT_TYPE.SCHEDULED,
  CONTEXT_TYPE.SDF_INSTALLATION,
  CONTEXT_TYPE.SUITELET,
]);

function origin(ctx: WriteContext): Origin {
  if (!ctx || typeof ctx.executionContext !== 'string')
    throw new NetSuiteError(500, 'UNEXPECTED_ERROR', 'write context missing');
  const executionContext = ctx.executionContext.toUpperCase();
  const roleId = String(ctx.roleId);
  return {
    executionContext,
    userId: String(ctx.userId),
    roleId,
    ...(SCRIPT_CONTEXTS.has(executionContext) ? { scriptRoleId: roleId } : {}),
  };
}

/**
 * What one script execution sees: its script and deployment, its governance, its runtime identity, and
 * the account services behind the `N/*` modules. Built by the engine for every execution.
 */
import type { Clock } from '../account/clock';
import type { EmployeeSchema, RecordSchema } from '../records/employee-schema';
import type { Governance } from './governance';
import type { Deployment, ScriptObject, CustomRecordType } from '../sdf/objects-xml';
import type { Db } from '../account/store';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export type HttpResult =
  | { ok: true; code: number; headers: Record<string, string>; body: string }
  | { ok: false; name: string; message: string };

export interface LogEntry {
  at: string;
  script: string | null;
  deployment: string | null;
  level: string;
  title: string;
  details: string;
}

/** Who and what runs: becomes `runtime.executionContext` and `runtime.getCurrentUser()`. */
export interface Origin {
  executionContext: string;
  userId: string;
  roleId: string;
  /**
   * Set when a script's write triggered this execution: the role that script ran with, which the
   * triggered script runs with too, not its own deployment's Execute As Role (chapter_N2997500); null
   * for a role the sandbox lacks. Absent for a user's own action.
   */
  scriptRoleId?: string | null;
}

/** The employee write pipeline, as scripts reach it through N/record. */
export interface EmployeeWriter {
  /** `values` by NetSuite field id (SuiteScript values); `roles` the full role list when the sublist was touched. */
  write(
    op: 'create' | 'edit' | 'xedit',
    id: string | null,
    values: Map<string, unknown>,
    roles: string[] | null,
    origin: Origin,
    fromUserEvent: boolean,
    /** A login record type of the core's registry; the employee when not given. */
    type?: string,
  ): string;
  remove(id: string, origin: Origin, fromUserEvent: boolean, type?: string): void;
}

/** Account services the modules use (one per worker). */
export interface Services {
  db: Db;
  clock: Clock;
  accountId: string;
  timeZone: string;
  /** Search sorts empty values first when ascending (Oracle: last; the other order is for tests). */
  emptyValuesFirst: boolean;
  recordTypes: ReadonlyMap<string, CustomRecordType>;
  employeeSchema: EmployeeSchema;
  /** Every login record type's schema by record type id (employee, vendor, partner, customer). */
  recordSchemas: ReadonlyMap<string, RecordSchema>;
  employees: EmployeeWriter;
  http(request: HttpRequest): HttpResult;
  /** Whether plain http:// is allowed for this URL (explicit opt-in, loopback only). */
  allowsPlainHttp(url: string): boolean;
  log(entry: LogEntry): void;
  submitTask(
    scriptId: string,
    deploymentId: string,
    submitterTaskId: number | null,
    params: Record<string, unknown> | null,
  ): number;
  taskStatus(taskId: number): string | null;
  /** Script parameter values of a deployment (XML values and local overrides), typed as getValue returns them. */
  deploymentParams(deploymentId: string): Record<string, unknown>;
}

export interface ScriptEnv {
  services: Services;
  script: ScriptObject;
  deployment: Deployment;
  governance: Governance;
  origin: Origin;
  /**
   * The role whose permissions apply: the triggering script's role when another script's write ran
   * this one, else the deployment's Execute As Role when it names one, else the role of the user whose
   * action ran the script (chapter_N2997500); null for a role the sandbox lacks.
   */
  roleId: string | null;
  /** Writes made by a user event script do not fire user events (docs/netsuite.md#user-events). */
  isUserEvent: boolean;
  /** The scheduled task this execution runs, if any (lets a script reschedule itself). */
  taskId: number | null;
  /** Parameter values given to this run by N/task (they win over the deployment's). */
  runParams: Record<string, unknown>;
  /** Makes an error look native to the script's realm. */
  raise(name: string, message: string): Error;
  /** A Date of the script's realm. */
  date(ms: number): Date;
}

/** Messages between the account (main thread) and its script workers. */
import type { EmployeeWrite, ErrorSource } from '../account/account-types';
import type { Origin } from '../runtime/script-env';
import type { HttpLimits } from './sync-http';
import type { SuiteletRequest } from '../suitelet/request';

export interface WorkerInit {
  accountId: string;
  timeZone: string;
  /** Search sorts empty values first when ascending (Oracle: last); tests flip it. */
  emptyValuesFirst: boolean;
  dbPath: string;
  clockBuffer: SharedArrayBuffer;
  projectDir: string | null;
  scriptTimeoutMs: number;
  plainHttpHosts: string[];
  limits: HttpLimits;
  httpFlag: SharedArrayBuffer;
  httpPort: unknown;
}

export type Job =
  | {
      kind: 'write';
      op: 'create' | 'edit' | 'xedit';
      id: string | null;
      write: EmployeeWrite;
      origin: Origin;
      userEvents?: boolean;
      /** A login record type of the core's registry; the employee when not given. */
      recordType?: string;
    }
  | { kind: 'delete'; id: string; origin: Origin; recordType?: string }
  | { kind: 'task'; taskId: number }
  | { kind: 'customWrite'; type: string; id: string | null; values: Record<string, unknown>; origin: Origin }
  | { kind: 'suitelet'; scriptId: string; deploymentId: string; request: SuiteletRequest; origin: Origin };

export type JobError =
  | { netsuite: { status: number; code: string; detail: string; errorPath: string | undefined; source: ErrorSource } }
  | { error: { name: string; message: string } };

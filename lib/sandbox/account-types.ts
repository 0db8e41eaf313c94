/**
 * The seam between the sandbox's account (store, scripts, user events: lib/sandbox/*) and its REST API
 * layer (lib/sandbox/rest/*). The REST layer speaks HTTP and NetSuite's wire rules; the account owns
 * the data and runs the deployed scripts on every write.
 */
import type { CanonicalRecord } from '../core';

/** Who and what makes a write: becomes `runtime.executionContext` and `runtime.getCurrentUser()`. */
export interface WriteContext {
  executionContext: string; // 'RESTWEBSERVICES', 'USERINTERFACE', 'CSVIMPORT', …
  userId: string;
  roleId: string;
}

export interface EmployeeWrite {
  /** Canonical values by REST name: selects as `{ id }` refs, `roles` as refs, booleans, `YYYY-MM-DD` dates. */
  values: CanonicalRecord;
  /** For `roles`: true sets the exact list (`?replace=roles`); false adds lines not yet present. */
  replaceRoles?: boolean;
}

/** A NetSuite-shaped failure; the REST layer renders it as NetSuite's error body. */
export class NetSuiteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errorPath?: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'NetSuiteError';
  }
}

export interface SuiteQLPage {
  /** Rows with lowercase column names; booleans `'T'`/`'F'`, as SuiteQL answers. */
  items: Record<string, unknown>[];
  totalResults: number;
}

export interface Account {
  /** Realm form, upper case with underscore: `1234567_SB1`. */
  readonly accountId: string;
  /** Full canonical employee (REST names, `{ id, refName }` refs, `roles` refs), or null. */
  getEmployee(id: string): CanonicalRecord | null;
  /** Internal id of the employee with this external id, or null. */
  findEmployeeByExternalId(externalId: string): string | null;
  listEmployees(limit: number, offset: number): { ids: string[]; totalResults: number };
  /** Creates, fires user events (create), returns the new internal id. Validation errors are NetSuiteErrors. */
  createEmployee(write: EmployeeWrite, ctx: WriteContext): Promise<string>;
  /** Updates, fires user events (`edit`, or `xedit` for inline-style partial writes). */
  updateEmployee(id: string, write: EmployeeWrite, ctx: WriteContext, eventType?: 'edit' | 'xedit'): Promise<void>;
  /** Deletes, fires user events (delete); refused with a NetSuiteError when transactions reference it. */
  deleteEmployee(id: string, ctx: WriteContext): Promise<void>;
  /** Runs the SuiteQL subset the sandbox supports; limit/offset already validated by the caller. */
  runSuiteQL(query: string, params: readonly unknown[], limit: number, offset: number): SuiteQLPage;
}

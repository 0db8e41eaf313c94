/**
 * The seam between the sandbox's account (store, scripts, user events: lib/sandbox/*) and its REST API
 * layer (lib/sandbox/rest/*). The REST layer speaks HTTP and NetSuite's wire rules; the account owns
 * the data and runs the deployed scripts on every write.
 */
import type { CanonicalRecord } from '../../core';

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

/**
 * Where in the request an error lies, which names the member NetSuite's error detail carries
 * (section_156570709583): the body (`o:errorPath`), a query parameter (`o:errorQueryParam`), a header
 * (`o:errorHeader`) or the URL path (`o:urlPath`).
 */
export type ErrorSource = 'body' | 'query' | 'header' | 'url';

/** A NetSuite-shaped failure; the REST layer renders it as NetSuite's error body. */
export class NetSuiteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** The body path, query parameter, header or URL part the error is about (see `source`). */
    readonly errorPath?: string,
    readonly source: ErrorSource = 'body',
  ) {
    super(`${code}: ${detail}`);
    this.name = 'NetSuiteError';
  }
}

/** One condition of a record collection filter (`?q=`, section_1545222128), as the REST layer parsed it. */
export interface FilterCondition {
  kind: 'condition';
  /** The field as written (field names are matched without regard to case). */
  field: string;
  /** Upper case, e.g. `START_WITH`, `ANY_OF`, `ON_OR_AFTER`. */
  operator: string;
  /** Literal values: quoted text stays text; bare words stay as written. */
  values: { text: string; quoted: boolean }[];
}

export type RecordFilter = FilterCondition | { kind: 'and' | 'or'; parts: RecordFilter[] };

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
  /** A page of employee ids in id order, optionally filtered; a filter the account cannot apply is a 400 naming `q`. */
  listEmployees(limit: number, offset: number, filter?: RecordFilter): { ids: string[]; totalResults: number };
  /** Creates, fires user events (create), returns the new internal id. Validation errors are NetSuiteErrors. */
  createEmployee(write: EmployeeWrite, ctx: WriteContext): Promise<string>;
  /** Updates, fires user events (`edit`, or `xedit` for inline-style partial writes). */
  updateEmployee(id: string, write: EmployeeWrite, ctx: WriteContext, eventType?: 'edit' | 'xedit'): Promise<void>;
  /** Deletes, fires user events (delete); refused with a NetSuiteError when transactions reference it. */
  deleteEmployee(id: string, ctx: WriteContext): Promise<void>;
  /**
   * Runs the SuiteQL subset the sandbox supports, bounded in time; limit/offset already validated by the
   * caller. With `roleId`, only the tables that role may read (suiteql/access.ts).
   */
  runSuiteQL(
    query: string,
    params: readonly unknown[],
    limit: number,
    offset: number,
    roleId?: string,
  ): Promise<SuiteQLPage>;
  /** The account's clock (NetSuite's time): the REST `Date` header and record timestamps both read it. */
  now(): number;
}

/**
 * The same operations for every login record type of the core's registry (`employee`, `vendor`,
 * `partner`, `customer`), for the REST routes of the other types and for tests. The type is a record
 * type id; an unknown one is a NetSuiteError.
 */
export interface RecordAccount {
  getRecord(type: string, id: string): CanonicalRecord | null;
  findRecordByExternalId(type: string, externalId: string): string | null;
  listRecords(
    type: string,
    limit: number,
    offset: number,
    filter?: RecordFilter,
  ): { ids: string[]; totalResults: number };
  createRecord(type: string, write: EmployeeWrite, ctx: WriteContext): Promise<string>;
  updateRecord(
    type: string,
    id: string,
    write: EmployeeWrite,
    ctx: WriteContext,
    eventType?: 'edit' | 'xedit',
  ): Promise<void>;
  deleteRecord(type: string, id: string, ctx: WriteContext): Promise<void>;
}

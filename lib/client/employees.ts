/**
 * The employee lifecycle over the REST Record API: create, upsert by external id, update, deactivate
 * (both flags, read back), reactivate, delete (refusals explained), and roles through the `roles`
 * sublist. Values go in and come out in the canonical shape of the core's field map.
 */
import {
  EMPLOYEE_FIELDS,
  fromRestRecord,
  fromSuiteQLRow,
  resolveField,
  suiteqlSelectList,
  toRestBody,
  type CanonicalRecord,
  type Ref,
} from '../core';
import { DeactivationError, DeleteRefusedError, NetSuiteApiError, WriteOutcomeUnknownError } from './errors';
import type { ApiResponse, Transport } from './http';
import type { RefInput, Resolver } from './resolve';
import type { SuiteQL } from './suiteql';

const COLLECTION = '/services/rest/record/v1/employee';

/** Field values by REST name; selects and roles may be given by id or by name. */
export type EmployeeInput = Record<string, string | number | boolean | null | RefInput | RefInput[]>;

function recordPath(id: string): string {
  if (!/^-?\d+$/.test(id))
    throw new TypeError(
      `"${String(id).slice(0, 40)}" is not an internal id (use upsert/getByExternalId for external ids)`,
    );
  return `${COLLECTION}/${id}`;
}

const eidPath = (externalId: string) => {
  if (typeof externalId !== 'string' || externalId === '')
    throw new TypeError('an external id must be a non-empty string');
  return `${COLLECTION}/${encodeURIComponent(`eid:${externalId}`)}`;
};

function idFromLocation(res: ApiResponse): string {
  const id = /\/employee\/(-?\d+)\/?$/.exec(res.headers.get('location') ?? '')?.[1];
  if (!id) throw new Error(`NetSuite answered ${res.status} without a Location naming the employee`);
  return id;
}

export interface ListOptions {
  /** A SuiteQL condition on alias `e`, e.g. `e.isinactive = 'F'`, with bound `params`. */
  where?: string | undefined;
  params?: readonly unknown[] | undefined;
  pageSize?: number | undefined;
}

export class Employees {
  constructor(
    private readonly transport: Transport,
    private readonly suiteql: SuiteQL,
    private readonly resolver: Resolver,
    private readonly timeZone = 'UTC',
  ) {}

  /** Canonical values → REST body, resolving names to ids. */
  private async body(values: EmployeeInput): Promise<Record<string, unknown>> {
    const canonical: CanonicalRecord = {};
    const specs = [];
    for (const [key, value] of Object.entries(values)) {
      const spec = resolveField(key);
      if (!spec) throw new TypeError(`unknown employee field "${key}"`);
      specs.push(spec);
      const refType = spec.refType;
      if (value === null) canonical[spec.rest] = null;
      else if ((spec.kind === 'sublist' || spec.kind === 'multiselect') && refType) {
        const refs = Array.isArray(value) ? value : [value as RefInput];
        canonical[spec.rest] = await Promise.all(
          refs.map(async (r): Promise<Ref> => ({ id: await this.resolver.id(refType, r), refName: null })),
        );
      } else if (spec.kind === 'select' && refType) {
        canonical[spec.rest] = { id: await this.resolver.id(refType, value as RefInput), refName: null };
      } else if (typeof value === 'object') throw new TypeError(`"${key}" takes a plain value`);
      else canonical[spec.rest] = value;
    }
    return toRestBody(canonical, specs);
  }

  async get(id: string): Promise<CanonicalRecord> {
    const res = await this.transport.request('GET', recordPath(id), { query: { expandSubResources: true } });
    return fromRestRecord(res.body as Record<string, unknown>);
  }

  /** The record's own fields, without its sublists (roles): all a read-back of the flags needs, and less for NetSuite to build. */
  private async fieldsOf(id: string): Promise<CanonicalRecord> {
    const res = await this.transport.request('GET', recordPath(id));
    return fromRestRecord(res.body as Record<string, unknown>);
  }

  async getByExternalId(externalId: string): Promise<CanonicalRecord | null> {
    try {
      const res = await this.transport.request('GET', eidPath(externalId), { query: { expandSubResources: true } });
      return fromRestRecord(res.body as Record<string, unknown>);
    } catch (err) {
      if (err instanceof NetSuiteApiError && err.status === 404) return null;
      throw err;
    }
  }

  /**
   * Creates an employee and returns its internal id. When the outcome is unknown (the connection broke
   * after sending), an employee with an `externalId` is finished with the idempotent upsert; one
   * without is reported as WriteOutcomeUnknownError instead of being sent twice.
   */
  async create(values: EmployeeInput): Promise<string> {
    const body = await this.body(values);
    try {
      return idFromLocation(await this.transport.request('POST', COLLECTION, { body, policy: 'create' }));
    } catch (err) {
      if (
        err instanceof WriteOutcomeUnknownError &&
        typeof values.externalId === 'string' &&
        values.externalId !== ''
      ) {
        return this.upsert(values.externalId, values);
      }
      throw err;
    }
  }

  /** Creates or updates the employee with this external id (`PUT employee/eid:…`); safe to repeat. */
  async upsert(externalId: string, values: EmployeeInput): Promise<string> {
    const { externalId: _ignored, ...rest } = values;
    const res = await this.transport.request('PUT', eidPath(externalId), { body: await this.body(rest) });
    return idFromLocation(res);
  }

  async update(id: string, values: EmployeeInput): Promise<void> {
    await this.transport.request('PATCH', recordPath(id), { body: await this.body(values) });
  }

  /**
   * Sets isInactive and clears giveAccess in one write, reads back, and throws if either did not stick.
   * Returns the record as read back: its own fields, without sublists.
   */
  async deactivate(id: string): Promise<CanonicalRecord> {
    await this.update(id, { isInactive: true, giveAccess: false });
    const record = await this.fieldsOf(id);
    if (record.isInactive !== true || record.giveAccess !== false)
      throw new DeactivationError(id, record.isInactive, record.giveAccess);
    return record;
  }

  /** Clears isInactive and, when `giveAccess` is given, sets login access too; reads back like deactivate. */
  async reactivate(id: string, options: { giveAccess?: boolean } = {}): Promise<CanonicalRecord> {
    const values: EmployeeInput = { isInactive: false };
    if (options.giveAccess !== undefined) values.giveAccess = options.giveAccess;
    await this.update(id, values);
    const record = await this.fieldsOf(id);
    if (record.isInactive !== false || (options.giveAccess !== undefined && record.giveAccess !== options.giveAccess)) {
      throw new Error(
        `employee ${id} was not reactivated: read back isInactive=${String(record.isInactive)}, giveAccess=${String(record.giveAccess)}`,
      );
    }
    return record;
  }

  /** Deletes; an employee with history is refused by NetSuite: DeleteRefusedError suggests deactivating. */
  async delete(id: string): Promise<void> {
    try {
      await this.transport.request('DELETE', recordPath(id));
    } catch (err) {
      if (err instanceof NetSuiteApiError && err.status === 400) throw new DeleteRefusedError(id, err);
      throw err;
    }
  }

  /** Sets the exact list of roles (`?replace=roles`). */
  async setRoles(id: string, roles: readonly RefInput[]): Promise<void> {
    await this.transport.request('PATCH', recordPath(id), {
      query: { replace: 'roles' },
      body: await this.body({ roles: [...roles] }),
    });
  }

  /** Adds a role line (a role already held is left as it is). */
  async addRole(id: string, role: RefInput): Promise<void> {
    await this.transport.request('PATCH', recordPath(id), { body: await this.body({ roles: [role] }) });
  }

  /** Removes a role: reads the lines and writes the rest back with `?replace=roles`. */
  async removeRole(id: string, role: RefInput): Promise<void> {
    const [roleId, record] = await Promise.all([this.resolver.id('role', role), this.get(id)]);
    const current = (record.roles as Ref[] | null) ?? [];
    if (!current.some((r) => r.id === roleId)) return;
    await this.setRoles(
      id,
      current.filter((r) => r.id !== roleId).map((r) => ({ id: r.id })),
    );
  }

  /** Every employee (optionally filtered) as canonical records, by id, past 100,000 rows. */
  async *list(options: ListOptions = {}): AsyncGenerator<CanonicalRecord> {
    const rows = this.suiteql.scan({
      select: suiteqlSelectList(EMPLOYEE_FIELDS, 'e'),
      from: 'employee e',
      where: options.where,
      params: options.params,
      key: [{ expr: 'e.id', column: 'id', numeric: true }],
      pageSize: options.pageSize,
    });
    for await (const row of rows) yield fromSuiteQLRow(row, EMPLOYEE_FIELDS, { timeZone: this.timeZone });
  }
}

/**
 * The lifecycle of a record that can log in (employee, vendor, partner, customer: the core's registry)
 * over the REST Record API: create, upsert by external id, update, deactivate (both flags, read back),
 * reactivate, delete (refusals explained), and roles however the type stores them (the `roles` sublist,
 * or the one `accessRole` of partners and customers). Values go in and come out in the canonical shape
 * of the type's field map.
 */
import {
  fromRestRecord,
  fromSuiteQLRow,
  resolveFieldOf,
  rolesOf,
  suiteqlSelectList,
  toRestBody,
  recordTypeEntry,
  type CanonicalRecord,
  type Ref,
  type UserRecordType,
} from '../core';
import { DeactivationError, DeleteRefusedError, NetSuiteApiError, WriteOutcomeUnknownError } from './errors';
import type { ApiResponse, Transport } from './http';
import type { RefInput, Resolver } from './resolve';
import type { SuiteQL } from './suiteql';

const EMPLOYEE = recordTypeEntry('employee');

/** Field values by REST name; selects and roles may be given by id or by name. */
export type EmployeeInput = Record<string, string | number | boolean | null | RefInput | RefInput[]>;

export interface ListOptions {
  /** A SuiteQL condition on alias `e`, e.g. `e.isinactive = 'F'`, with bound `params`. */
  where?: string | undefined;
  params?: readonly unknown[] | undefined;
  pageSize?: number | undefined;
}

export class Employees {
  private readonly collection: string;

  constructor(
    private readonly transport: Transport,
    private readonly suiteql: SuiteQL,
    private readonly resolver: Resolver,
    private readonly timeZone = 'UTC',
    /** The registry type this instance manages; the employee by default. */
    readonly type: UserRecordType = EMPLOYEE,
  ) {
    this.collection = `/services/rest/record/v1/${type.id}`;
  }

  private recordPath(id: string): string {
    if (!/^-?\d+$/.test(id))
      throw new TypeError(
        `"${String(id).slice(0, 40)}" is not an internal id (use upsert/getByExternalId for external ids)`,
      );
    return `${this.collection}/${id}`;
  }

  private eidPath(externalId: string): string {
    if (typeof externalId !== 'string' || externalId === '')
      throw new TypeError('an external id must be a non-empty string');
    return `${this.collection}/${encodeURIComponent(`eid:${externalId}`)}`;
  }

  private idFromLocation(res: ApiResponse): string {
    const id = new RegExp(`/${this.type.id}/(-?\\d+)/?$`).exec(res.headers.get('location') ?? '')?.[1];
    if (!id) throw new Error(`NetSuite answered ${res.status} without a Location naming the ${this.type.label}`);
    return id;
  }

  /** Canonical values → REST body, resolving names to ids. */
  private async body(values: EmployeeInput): Promise<Record<string, unknown>> {
    const canonical: CanonicalRecord = {};
    const specs = [];
    for (const [key, value] of Object.entries(values)) {
      const spec = resolveFieldOf(this.type, key);
      if (!spec) throw new TypeError(`unknown ${this.type.label} field "${key}"`);
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
    const res = await this.transport.request('GET', this.recordPath(id), { query: { expandSubResources: true } });
    return fromRestRecord(res.body as Record<string, unknown>, this.type.fields);
  }

  /** The record's own fields, without its sublists (roles): all a read-back of the flags needs, and less for NetSuite to build. */
  private async fieldsOf(id: string): Promise<CanonicalRecord> {
    const res = await this.transport.request('GET', this.recordPath(id));
    return fromRestRecord(res.body as Record<string, unknown>, this.type.fields);
  }

  async getByExternalId(externalId: string): Promise<CanonicalRecord | null> {
    try {
      const res = await this.transport.request('GET', this.eidPath(externalId), {
        query: { expandSubResources: true },
      });
      return fromRestRecord(res.body as Record<string, unknown>, this.type.fields);
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
      return this.idFromLocation(await this.transport.request('POST', this.collection, { body, policy: 'create' }));
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
    const res = await this.transport.request('PUT', this.eidPath(externalId), { body: await this.body(rest) });
    return this.idFromLocation(res);
  }

  async update(id: string, values: EmployeeInput): Promise<void> {
    await this.transport.request('PATCH', this.recordPath(id), { body: await this.body(values) });
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
        `${this.type.label} ${id} was not reactivated: read back isInactive=${String(record.isInactive)}, giveAccess=${String(record.giveAccess)}`,
      );
    }
    return record;
  }

  /** Deletes; an employee with history is refused by NetSuite: DeleteRefusedError suggests deactivating. */
  async delete(id: string): Promise<void> {
    try {
      await this.transport.request('DELETE', this.recordPath(id));
    } catch (err) {
      if (err instanceof NetSuiteApiError && err.status === 400) throw new DeleteRefusedError(id, err);
      throw err;
    }
  }

  /**
   * Sets the exact roles: the `roles` sublist with `?replace=roles`, or a partner's or customer's one
   * `accessRole` (at most one role; none clears it).
   */
  async setRoles(id: string, roles: readonly RefInput[]): Promise<void> {
    const storage = this.type.roles;
    if (storage.kind === 'select') {
      if (roles.length > 1) throw new TypeError(`a ${this.type.label} has one role (accessRole), not ${roles.length}`);
      await this.update(id, { [storage.rest]: roles[0] ?? null });
      return;
    }
    await this.transport.request('PATCH', this.recordPath(id), {
      query: { replace: 'roles' },
      body: await this.body({ [storage.rest]: [...roles] }),
    });
  }

  /** Adds a role line (a role already held is left as it is); on a one-role type, sets that role. */
  async addRole(id: string, role: RefInput): Promise<void> {
    if (this.type.roles.kind === 'select') return this.setRoles(id, [role]);
    await this.transport.request('PATCH', this.recordPath(id), { body: await this.body({ roles: [role] }) });
  }

  /** Removes a role: reads the record and writes back the others (or clears the one `accessRole`). */
  async removeRole(id: string, role: RefInput): Promise<void> {
    const [roleId, record] = await Promise.all([this.resolver.id('role', role), this.get(id)]);
    const current: Ref[] = rolesOf(this.type, record);
    if (!current.some((r) => r.id === roleId)) return;
    await this.setRoles(
      id,
      current.filter((r) => r.id !== roleId).map((r) => ({ id: r.id })),
    );
  }

  /** Every record of the type (optionally filtered) as canonical records, by id, past 100,000 rows. */
  async *list(options: ListOptions = {}): AsyncGenerator<CanonicalRecord> {
    const rows = this.suiteql.scan({
      select: suiteqlSelectList(this.type.fields, 'e'),
      from: `${this.type.id} e`,
      where: options.where,
      params: options.params,
      key: [{ expr: 'e.id', column: 'id', numeric: true }],
      pageSize: options.pageSize,
    });
    for await (const row of rows) yield fromSuiteQLRow(row, this.type.fields, { timeZone: this.timeZone });
  }
}

/**
 * A small in-memory `Account` for testing the REST layer on its own (HTTP, auth, NetSuite's wire rules).
 * The client's tests run against the real sandbox account.
 */
import {
  NetSuiteError,
  type Account,
  type EmployeeWrite,
  type RecordFilter,
  type WriteContext,
} from '../../lib/sandbox/account/account-types';
import type { CanonicalRecord, Ref } from '../../lib/core';

export class FakeAccount implements Account {
  readonly accountId = '1234567_SB1';
  readonly employees = new Map<string, CanonicalRecord>();
  readonly writes: { op: string; id: string; ctx: WriteContext; replaceRoles?: boolean | undefined }[] = [];
  /** Ids with "transactions": delete is refused. */
  readonly referenced = new Set<string>();
  /** Rows SuiteQL answers (uppercase keys, to see the REST layer lowercase them). */
  suiteqlRows = 0;
  /** The filters `listEmployees` was given, last one last. */
  readonly filters: (RecordFilter | undefined)[] = [];
  /** The account's clock: ahead of the host's by this much. */
  clockOffsetMs = 0;
  /** While set, creates wait for it (a request that holds its concurrency slot until the test says). */
  createGate: Promise<void> | null = null;
  /** Told each time a create starts waiting at the gate. */
  onGateWait: (() => void) | null = null;
  private next = 100;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  getEmployee(id: string): CanonicalRecord | null {
    return this.employees.get(id) ?? null;
  }

  findEmployeeByExternalId(externalId: string): string | null {
    for (const [id, e] of this.employees) if (e.externalId === externalId) return id;
    return null;
  }

  listEmployees(limit: number, offset: number, filter?: RecordFilter) {
    this.filters.push(filter);
    const ids = [...this.employees.keys()];
    return { ids: ids.slice(offset, offset + limit), totalResults: ids.length };
  }

  async createEmployee(write: EmployeeWrite, ctx: WriteContext): Promise<string> {
    if (this.createGate) {
      this.onGateWait?.();
      await this.createGate;
    }
    const eid = write.values.externalId;
    if (typeof eid === 'string' && this.findEmployeeByExternalId(eid))
      throw new NetSuiteError(400, 'DUP_ENTITY', 'This entity already exists.', 'externalId');
    const id = String(this.next++);
    this.employees.set(id, { isInactive: false, giveAccess: false, roles: null, ...write.values });
    this.writes.push({ op: 'create', id, ctx });
    return id;
  }

  updateEmployee(id: string, write: EmployeeWrite, ctx: WriteContext): Promise<void> {
    const current = this.employees.get(id)!;
    const values = { ...write.values };
    if (Array.isArray(values.roles) && !write.replaceRoles) {
      const have = (current.roles as Ref[] | null) ?? [];
      values.roles = [...have, ...values.roles.filter((r) => !have.some((h) => h.id === r.id))];
    }
    this.employees.set(id, { ...current, ...values });
    this.writes.push({ op: 'update', id, ctx, replaceRoles: write.replaceRoles });
    return Promise.resolve();
  }

  deleteEmployee(id: string, ctx: WriteContext): Promise<void> {
    if (this.referenced.has(id)) {
      return Promise.reject(
        new NetSuiteError(
          400,
          'THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS',
          'This record cannot be deleted because it has dependent records.',
        ),
      );
    }
    this.employees.delete(id);
    this.writes.push({ op: 'delete', id, ctx });
    return Promise.resolve();
  }

  runSuiteQL(_query: string, _params: readonly unknown[], limit: number, offset: number) {
    const items = [];
    for (let i = offset; i < Math.min(offset + limit, this.suiteqlRows); i++)
      items.push({ ID: String(i + 1), ISINACTIVE: 'F' });
    return Promise.resolve({ items, totalResults: this.suiteqlRows });
  }
}

/**
 * Wraps the sandbox Account the REST server talks to, counting what really happened on the account
 * side: creates per external id (duplicates), deletes. Counting here, not in the callers, means a
 * request that was applied but whose answer the caller never saw is still counted.
 */
import type { Account } from '../lib/sandbox/account/account-types';

export interface CountingAccount {
  account: Account;
  createsByExternalId: Map<string, number>;
  deletes: number;
  reset(): void;
}

export function countingAccount(inner: Account): CountingAccount {
  const counts: CountingAccount = {
    createsByExternalId: new Map(),
    deletes: 0,
    reset() {
      counts.createsByExternalId.clear();
      counts.deletes = 0;
    },
    account: {
      get accountId() {
        return inner.accountId;
      },
      getEmployee: (id) => inner.getEmployee(id),
      findEmployeeByExternalId: (eid) => inner.findEmployeeByExternalId(eid),
      listEmployees: (limit, offset, filter) => inner.listEmployees(limit, offset, filter),
      createEmployee: async (write, ctx) => {
        const id = await inner.createEmployee(write, ctx);
        const eid = String(write.values.externalId ?? '');
        counts.createsByExternalId.set(eid, (counts.createsByExternalId.get(eid) ?? 0) + 1);
        return id;
      },
      updateEmployee: (id, write, ctx, eventType) => inner.updateEmployee(id, write, ctx, eventType),
      deleteEmployee: async (id, ctx) => {
        await inner.deleteEmployee(id, ctx);
        counts.deletes++;
      },
      runSuiteQL: (q, params, limit, offset) => inner.runSuiteQL(q, params, limit, offset),
      now: () => inner.now(),
    },
  };
  return counts;
}

/** Records created more than once for one external id. */
export function duplicates(counts: CountingAccount, prefix: string): number {
  let n = 0;
  for (const [eid, c] of counts.createsByExternalId) if (eid.startsWith(prefix) && c > 1) n += c - 1;
  return n;
}

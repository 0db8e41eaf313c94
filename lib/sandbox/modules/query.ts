/** `N/query`: `runSuiteQL` over the account's tables (the subset lib/sandbox/suiteql.ts supports), 10 units. */
import { NetSuiteError } from '../account-types';
import { UNIT_COST } from '../governance';
import { runQuery, translate } from '../suiteql';
import type { ScriptEnv } from '../script-env';

export function createQueryModule(env: ScriptEnv): Record<string, unknown> {
  const runSuiteQL = (o: unknown) => {
    const { query, params } = (typeof o === 'string' ? { query: o } : (o ?? {})) as { query?: unknown; params?: unknown[] };
    env.governance.charge(UNIT_COST.suiteql);
    let rows: Record<string, unknown>[];
    try {
      rows = runQuery(env.services.db, translate(String(query ?? '')), params ?? []);
    } catch (e) {
      if (e instanceof NetSuiteError) throw env.raise('SSS_SEARCH_ERROR_OCCURRED', e.detail);
      throw e;
    }
    const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
    const results = rows.map((row) => ({ values: columns.map((c) => row[c] ?? null), asMap: () => ({ ...row }) }));
    return {
      columns: columns.map((c) => ({ label: c, fieldId: c })),
      results,
      asMappedResults: () => rows.map((r) => ({ ...r })),
    };
  };
  return { runSuiteQL };
}

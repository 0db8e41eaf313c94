/** `N/query`: `runSuiteQL` over the account's tables (the subset lib/sandbox/suiteql/query.ts supports), 10 units. */
import { NetSuiteError } from '../../account/account-types';
import { UNIT_COST } from '../../../core/governance';
import { requireRecordAccess, requireRolePermission } from '../../account/permissions';
import { runQuery, translate } from '../../suiteql/query';
import type { ScriptEnv } from '../script-env';

/** View on each custom record type the query names, as N/search needs it; SuiteScript for deployments (FIDELITY.md). */
function requireViewOfNamedTypes(env: ScriptEnv, query: string): void {
  const text = query.toLowerCase();
  for (const word of new Set(text.match(/\bcustomrecord_\w+/g) ?? [])) {
    if (env.services.recordTypes.has(word)) requireRecordAccess(env, word, 'VIEW');
  }
  if (/\bscriptdeployment\b/.test(text)) requireRolePermission(env, 'SUITESCRIPT');
}

export function createQueryModule(env: ScriptEnv): Record<string, unknown> {
  const runSuiteQL = (o: unknown) => {
    const { query, params } = (typeof o === 'string' ? { query: o } : (o ?? {})) as {
      query?: unknown;
      params?: unknown[];
    };
    env.governance.charge(UNIT_COST.suiteql);
    requireViewOfNamedTypes(env, String(query ?? ''));
    let rows: Record<string, unknown>[];
    try {
      rows = runQuery(env.services.db, translate(String(query ?? '')), params ?? []);
    } catch (e) {
      if (e instanceof NetSuiteError) throw env.raise('SSS_SEARCH_ERROR_OCCURRED', e.detail);
      throw e;
    }
    const columns = Object.keys(rows[0] ?? {});
    const results = rows.map((row) => ({ values: columns.map((c) => row[c] ?? null), asMap: () => ({ ...row }) }));
    return {
      columns: columns.map((c) => ({ label: c, fieldId: c })),
      results,
      asMappedResults: () => rows.map((r) => ({ ...r })),
    };
  };
  return { runSuiteQL };
}

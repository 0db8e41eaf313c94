/** `POST /services/rest/query/v1/suiteql`: NetSuite's paging rules around the account's SuiteQL engine. */
import { NetSuiteError, type Account } from '../account-types';
import { pageLinks } from './collection';
import { intParam, invalidHeader, invalidParameter } from './errors';

export const SUITEQL_MAX_LIMIT = 1000;
export const SUITEQL_MAX_ROWS = 100_000;

export async function runSuiteQLRequest(account: Account, url: URL, prefer: string | undefined, body: unknown): Promise<Record<string, unknown>> {
  if (!prefer || !/(^|[,;\s])transient($|[,;\s])/i.test(prefer)) {
    throw invalidHeader('SuiteQL requests need the header "Prefer: transient".', 'Prefer');
  }
  const limit = intParam(url, 'limit', SUITEQL_MAX_LIMIT);
  const offset = intParam(url, 'offset', 0);
  if (limit < 1 || limit > SUITEQL_MAX_LIMIT) throw invalidParameter(`Invalid limit ${limit}: it must be between 1 and ${SUITEQL_MAX_LIMIT}.`, 'limit');
  if (offset % limit !== 0) throw invalidParameter(`Invalid offset ${offset}: it must be a multiple of the limit (${limit}).`, 'offset');
  if (offset + limit > SUITEQL_MAX_ROWS) {
    throw invalidParameter(`A SuiteQL query returns at most ${SUITEQL_MAX_ROWS} rows; page further with a key condition (WHERE id > ?).`, 'offset');
  }
  const { q, params } = (body ?? {}) as { q?: unknown; params?: unknown };
  if (typeof q !== 'string' || q.trim() === '') throw new NetSuiteError(400, 'INVALID_CONTENT', 'The request body must hold the query in "q".', 'q');
  if (params !== undefined && !Array.isArray(params)) throw new NetSuiteError(400, 'INVALID_CONTENT', '"params" must be an array.', 'params');
  const page = await account.runSuiteQL(q, params ?? [], limit, offset);
  const items = page.items.map((row) => {
    const out: Record<string, unknown> = { links: [] };
    for (const [k, v] of Object.entries(row)) out[k.toLowerCase()] = v;
    return out;
  });
  const total = page.totalResults;
  const hasMore = offset + items.length < total;
  // No link past the rows a query may return.
  const links = pageLinks(url, limit, offset, items.length, Math.min(total, SUITEQL_MAX_ROWS));
  return { links, count: items.length, hasMore, items, offset, totalResults: total };
}

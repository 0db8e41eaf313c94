/** `POST /services/rest/query/v1/suiteql`: NetSuite's paging rules around the account's SuiteQL engine. */
import { NetSuiteError, type Account } from '../account/account-types';
import { pageLinks } from './collection';
import { intParam, invalidHeader, invalidParameter } from './errors';

export const SUITEQL_MAX_LIMIT = 1000;
export const SUITEQL_MAX_ROWS = 100_000;

/**
 * The body holds the query in `q` and nothing else: REST SuiteQL documents no other member
 * (section_157909186990, section_158394344595), so bind parameters (`params`) are refused rather than
 * honoured — values belong in the query text, as literals.
 */
function checkBody(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new NetSuiteError(
      400,
      'INVALID_CONTENT',
      'The request body must be a JSON object with the query in "q".',
      'q',
    );
  const { q, ...rest } = body as { q?: unknown };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) {
    throw new NetSuiteError(
      400,
      'INVALID_CONTENT',
      `Invalid request body member "${extra.slice(0, 40)}": a SuiteQL request takes only "q" (write values into the query as literals).`,
      extra.slice(0, 40),
    );
  }
  if (typeof q !== 'string' || q.trim() === '')
    throw new NetSuiteError(400, 'INVALID_CONTENT', 'The request body must hold the query in "q".', 'q');
  return q;
}

/** A REST query runs with the caller's role: it reads only the tables that role may (suiteql/access.ts). */
export async function runSuiteQLRequest(
  account: Account,
  roleId: string,
  url: URL,
  prefer: string | undefined,
  body: unknown,
): Promise<Record<string, unknown>> {
  if (!prefer || !/(^|[,;\s])transient($|[,;\s])/i.test(prefer)) {
    throw invalidHeader('SuiteQL requests need the header "Prefer: transient".', 'Prefer');
  }
  const limit = intParam(url, 'limit', SUITEQL_MAX_LIMIT);
  const offset = intParam(url, 'offset', 0);
  if (limit < 1 || limit > SUITEQL_MAX_LIMIT)
    throw invalidParameter(`Invalid limit ${limit}: it must be between 1 and ${SUITEQL_MAX_LIMIT}.`, 'limit');
  if (offset % limit !== 0)
    throw invalidParameter(`Invalid offset ${offset}: it must be a multiple of the limit (${limit}).`, 'offset');
  if (offset + limit > SUITEQL_MAX_ROWS) {
    throw invalidParameter(
      `A SuiteQL query returns at most ${SUITEQL_MAX_ROWS} rows; page further with a key condition (WHERE id > ?).`,
      'offset',
    );
  }
  const q = checkBody(body);
  const page = await account.runSuiteQL(q, [], limit, offset, roleId);
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

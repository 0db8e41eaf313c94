/**
 * SuiteQL over REST: `?` values bound into safe literals by the client (REST takes only `q`),
 * `Prefer: transient`, pages of at most 1000 rows at offsets that are multiples of the page size, and
 * key paging past the 100,000-row ceiling of one query.
 */
import type { Transport } from './http';
import { bindSuiteQL } from './suiteql-literals';

export const MAX_PAGE_SIZE = 1000;
export const MAX_ROWS_PER_QUERY = 100_000;
const PATH = '/services/rest/query/v1/suiteql';

export type Row = Record<string, unknown>;

export interface SuiteQLPage {
  items: Row[];
  hasMore: boolean;
  count: number;
  offset: number;
  totalResults: number;
  /** The response's `Date` header: NetSuite's clock. */
  serverDate: string | null;
}

/** One column of a key (ordered, unique together): `expr` in WHERE/ORDER BY, `column` its name in the row. */
export interface KeyColumn {
  expr: string;
  column: string;
  /** Compare the value as a number (ids), so the comparison is numeric. */
  numeric?: boolean;
}

export interface ScanSpec {
  /** Select list; must include every key column under its `column` name. */
  select: string;
  /** FROM clause (with joins). */
  from: string;
  where?: string | undefined;
  params?: readonly unknown[] | undefined;
  /** The key, e.g. `[{ expr: 'e.id', column: 'id', numeric: true }]`. */
  key: readonly KeyColumn[];
  /** Start strictly after this key (a resumed scan). */
  after?: readonly unknown[] | undefined;
  pageSize?: number | undefined;
  /**
   * Page by key on every page instead of by offset within each 100,000-row segment: use it when rows
   * move while you read (ordering by a modification date), where offsets would skip rows.
   */
  keyEveryPage?: boolean;
  /** Called with each page before its rows are yielded. */
  onPage?: (page: SuiteQLPage) => void;
}

function checkPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new RangeError(`page size must be 1..${MAX_PAGE_SIZE}`);
}

/** `(k1 > ?) OR (k1 = ? AND k2 > ?) …`: strictly after a composite key, with the values for its `?`s. */
export function keyCondition(key: readonly KeyColumn[], after: readonly unknown[]): { sql: string; params: unknown[] } {
  const ors: string[] = [];
  const params: unknown[] = [];
  const bind = (k: KeyColumn, i: number) => (k.numeric ? Number(after[i]) : after[i]);
  for (const [i, last] of key.entries()) {
    const ands = key.slice(0, i).map((k, j) => {
      params.push(bind(k, j));
      return `${k.expr} = ?`;
    });
    params.push(bind(last, i));
    ands.push(`${last.expr} > ?`);
    ors.push(`(${ands.join(' AND ')})`);
  }
  return { sql: ors.length === 1 ? ors.join('') : `(${ors.join(' OR ')})`, params };
}

export class SuiteQL {
  /** `timeZone`: the integration user's, in which SuiteQL reads date-times (Date values are bound in it). */
  constructor(
    private readonly transport: Transport,
    private readonly timeZone = 'UTC',
  ) {}

  /**
   * One page. Each `?` in `q` takes the next value of `params` as a literal (strings, numbers, bigints,
   * booleans as 'T'/'F', Dates, null). `offset` must be a multiple of `limit`; `offset + limit` at most 100,000.
   */
  async page(q: string, params: readonly unknown[] = [], limit = MAX_PAGE_SIZE, offset = 0): Promise<SuiteQLPage> {
    checkPageSize(limit);
    if (offset % limit !== 0) throw new RangeError(`offset ${offset} must be a multiple of the page size ${limit}`);
    const res = await this.transport.request('POST', PATH, {
      query: { limit, offset },
      body: { q: bindSuiteQL(q, params, this.timeZone) },
      headers: { prefer: 'transient' },
    });
    const body = res.body as Omit<SuiteQLPage, 'serverDate'>;
    const items = (body.items ?? []).map(({ links: _links, ...row }) => row);
    return {
      items,
      hasMore: body.hasMore,
      count: body.count,
      offset: body.offset,
      totalResults: body.totalResults,
      serverDate: res.headers.get('date'),
    };
  }

  /**
   * Every row of a query, page by page. A query without a key cannot go past 100,000 rows: that throws,
   * naming `scan`, instead of silently stopping.
   */
  async *rows(q: string, params: readonly unknown[] = [], pageSize = MAX_PAGE_SIZE): AsyncGenerator<Row> {
    checkPageSize(pageSize);
    for (let offset = 0; ; offset += pageSize) {
      if (offset + pageSize > MAX_ROWS_PER_QUERY) {
        throw new RangeError(
          `the query has more than ${MAX_ROWS_PER_QUERY} rows: SuiteQL stops there; use scan() with a key to read past it`,
        );
      }
      const page = await this.page(q, params, pageSize, offset);
      yield* page.items;
      if (!page.hasMore) return;
    }
  }

  /**
   * Every row of a keyed scan: offset pages within a segment, and a new segment (`WHERE key > last`)
   * at the 100,000-row ceiling, so any number of rows is read.
   */
  async *scan(spec: ScanSpec): AsyncGenerator<Row> {
    const pageSize = spec.pageSize ?? MAX_PAGE_SIZE;
    checkPageSize(pageSize);
    const segmentRows = spec.keyEveryPage ? pageSize : Math.floor(MAX_ROWS_PER_QUERY / pageSize) * pageSize;
    const orderBy = spec.key.map((k) => k.expr).join(', ');
    let after = spec.after;
    for (;;) {
      const conditions = spec.where ? [`(${spec.where})`] : [];
      const params = [...(spec.params ?? [])];
      if (after) {
        const cond = keyCondition(spec.key, after);
        conditions.push(cond.sql);
        params.push(...cond.params);
      }
      const q = `SELECT ${spec.select} FROM ${spec.from}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${orderBy}`;
      let last: Row | undefined;
      let more = false;
      for (let offset = 0; offset < segmentRows; offset += pageSize) {
        const page = await this.page(q, params, pageSize, offset);
        spec.onPage?.(page);
        for (const row of page.items) {
          last = row;
          yield row;
        }
        more = page.hasMore;
        if (!more) break;
      }
      if (!more || !last) return;
      after = spec.key.map((k) => last[k.column]);
    }
  }
}

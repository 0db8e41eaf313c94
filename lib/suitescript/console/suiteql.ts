/** Runs the console's SuiteQL (10 units a query, N/query `runSuiteQL`). */
import * as query from 'N/query';
import type { Query } from './outbox-sql';

export type Row = Record<string, unknown>;

export function rows(q: Query): Row[] {
  return query.runSuiteQL({ query: q.query, params: q.params }).asMappedResults();
}

export function count(q: Query): number {
  return Number(rows(q)[0]?.n ?? 0);
}

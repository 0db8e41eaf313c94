/**
 * The narrow database seam the mirror speaks: a query function (`?` placeholders) and one
 * transaction at a time per call, over SQLite (better-sqlite3, embedded) or Postgres (`pg`). The SQL
 * the mirror writes is shared; the few differences between the dialects are in `DIALECT_SQL`.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface QueryResult<R> {
  rows: R[];
  /** Rows returned (a SELECT or RETURNING) or changed. */
  rowCount: number;
}

export type Query = <R = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<QueryResult<R>>;

export interface SqlStore {
  readonly dialect: Dialect;
  /** One statement outside a transaction. */
  query: Query;
  /**
   * Runs `fn` in one transaction: committed when it returns, rolled back when it throws. Postgres
   * retries the whole function on a deadlock or serialization failure (40P01, 40001).
   */
  transaction<T>(fn: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What differs between the dialects in the mirror's own statements. */
export const DIALECT_SQL: Record<Dialect, { forUpdate: string; greatest: string }> = {
  sqlite: { forUpdate: '', greatest: 'MAX' }, // a SQLite write transaction (BEGIN IMMEDIATE) already excludes others
  postgres: { forUpdate: ' FOR UPDATE', greatest: 'GREATEST' },
};

/** A database column read back as a JS number (Postgres answers BIGINT as text). */
export function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A boolean column (SQLite answers 0/1). */
export function asBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A time column as ISO-8601 UTC (Postgres answers timestamptz as a Date), or null. */
export function asIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

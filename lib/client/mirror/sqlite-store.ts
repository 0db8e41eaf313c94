/**
 * The SQLite side of the store: one better-sqlite3 connection in WAL mode. Its transactions are
 * `BEGIN IMMEDIATE` (the write lock taken at the start, so two processes on one file queue instead of
 * failing at commit) and run one at a time on the connection.
 */
import Database from 'better-sqlite3';
import type { Query, QueryResult, SqlStore } from './sql-store';

/** SQLite binds numbers, text, bigints, buffers and null: booleans become 1/0. */
function bindable(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p));
}

export function openSqliteStore(file: string, options: { busyTimeoutMs?: number } = {}): SqlStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  db.pragma('foreign_keys = ON');
  const query: Query = <R>(sql: string, params: readonly unknown[] = []) => {
    const stmt = db.prepare(sql);
    if (stmt.reader) {
      const rows = stmt.all(...bindable(params)) as R[];
      return Promise.resolve<QueryResult<R>>({ rows, rowCount: rows.length });
    }
    const info = stmt.run(...bindable(params));
    return Promise.resolve<QueryResult<R>>({ rows: [], rowCount: info.changes });
  };
  let tail: Promise<unknown> = Promise.resolve();
  return {
    dialect: 'sqlite',
    query,
    transaction<T>(fn: (q: Query) => Promise<T>): Promise<T> {
      const run = async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(query);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      };
      const next = tail.then(run, run);
      tail = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await tail;
      db.close();
    },
  };
}

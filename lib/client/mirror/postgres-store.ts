/**
 * The Postgres side of the store: a `pg` pool. `?` placeholders become `$1…`; each transaction has a
 * connection of its own, so one process applies events of different records side by side and the
 * database (unique keys, row locks) orders what several processes do to one record.
 */
import { Pool, type PoolClient } from 'pg';
import type { Query, SqlStore } from './sql-store';

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure
const ATTEMPTS = 5;

/** `?` → `$n` (the mirror's statements have no `?` inside literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function queryOn(client: Pool | PoolClient): Query {
  const query = async (sql: string, params: readonly unknown[] = []) => {
    const res = await client.query(numberedPlaceholders(sql), params as unknown[]);
    return { rows: res.rows as unknown[], rowCount: res.rowCount ?? res.rows.length };
  };
  return query as Query;
}

export function openPostgresStore(connectionString: string, options: { max?: number } = {}): SqlStore {
  const pool = new Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection the server ends (a restart) is reported here; the next query gets a fresh one.
  pool.on('error', () => undefined);
  return {
    dialect: 'postgres',
    query: queryOn(pool),
    async transaction<T>(fn: (q: Query) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(queryOn(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (err as { code?: string }).code;
          if (!(code && RETRYABLE.has(code)) || attempt >= ATTEMPTS) throw err;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}

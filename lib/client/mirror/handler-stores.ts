/**
 * `createWebhookHandler`'s `seen` and `sequences` stores on the mirror's database (SQLite or
 * Postgres), for several receiver processes behind a load balancer: every process sees the ids and
 * sequences the others recorded, and the stored sequence only grows (an upsert keeping the greater).
 */
import type { SeenStore, SequenceStore } from '../../webhooks';
import { asNumber, DIALECT_SQL, type SqlStore } from './sql-store';

export function databaseSeenStore(store: SqlStore): SeenStore {
  return {
    has: async (id) => (await store.query('SELECT 1 FROM webhook_seen WHERE webhook_id = ?', [id])).rowCount > 0,
    add: async (id) => {
      await store.query(
        'INSERT INTO webhook_seen (webhook_id, seen_at) VALUES (?, ?) ON CONFLICT (webhook_id) DO NOTHING',
        [id, new Date().toISOString()],
      );
    },
  };
}

export function databaseSequenceStore(store: SqlStore): SequenceStore {
  const greatest = DIALECT_SQL[store.dialect].greatest;
  return {
    get: async (key) => {
      const { rows } = await store.query<{ sequence: unknown }>(
        'SELECT sequence FROM webhook_sequence WHERE record_key = ?',
        [key],
      );
      return rows[0] ? asNumber(rows[0].sequence) : undefined;
    },
    set: async (key, sequence) => {
      await store.query(
        `INSERT INTO webhook_sequence (record_key, sequence) VALUES (?, ?)
         ON CONFLICT (record_key) DO UPDATE SET sequence = ${greatest}(webhook_sequence.sequence, EXCLUDED.sequence)`,
        [key, sequence],
      );
    },
  };
}

/** Deletes seen ids older than `olderThan` (keep them longer than the sender's retry window, about three days). */
export async function pruneSeen(store: SqlStore, olderThan: Date): Promise<number> {
  return (await store.query('DELETE FROM webhook_seen WHERE seen_at < ?', [olderThan.toISOString()])).rowCount;
}

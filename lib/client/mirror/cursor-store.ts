/** Named JSON values in `mirror_cursor`: reconcile's positions, written in the transaction of the work they cover. */
import type { Query } from './sql-store';

export async function readCursor<T>(query: Query, name: string): Promise<T | null> {
  const { rows } = await query<{ value: string }>('SELECT value FROM mirror_cursor WHERE name = ?', [name]);
  return rows[0] ? (JSON.parse(rows[0].value) as T) : null;
}

export async function writeCursor(query: Query, name: string, value: unknown): Promise<void> {
  await query(
    'INSERT INTO mirror_cursor (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value',
    [name, JSON.stringify(value)],
  );
}

export async function deleteCursor(query: Query, name: string): Promise<void> {
  await query('DELETE FROM mirror_cursor WHERE name = ?', [name]);
}

/**
 * Reading and writing one mirrored record inside a transaction. The write is a single upsert whose
 * `WHERE` keeps the stored `sequence` from going backwards, so even without the row lock the database
 * refuses a stale overwrite (two processes, or an event racing a reconcile).
 */
import type { Ref } from '../../core';
import type { AccessChange } from './plan';
import { columnValues, RECORD_COLUMNS, type MirrorState } from './record-state';
import { asBoolean, asNumber, DIALECT_SQL, type Dialect, type Query } from './sql-store';

export type Source = 'event' | 'reconcile';

/** `sequence` of the row that holds the lock on a record the mirror does not have yet. */
const PLACEHOLDER = -1;

/**
 * The stored state of a record, locked for the rest of the transaction; null when absent. On Postgres
 * a record not stored yet is locked too: a placeholder row (deleted, sequence -1, never committed as
 * such, every caller writes the record when it is absent) is inserted first, so a second process
 * handling the same new record waits, then reads the first one's row instead of also seeing nothing.
 * A SQLite write transaction already excludes every other writer.
 */
export async function readState(
  q: Query,
  dialect: Dialect,
  recordType: string,
  recordId: string,
): Promise<MirrorState | null> {
  if (dialect === 'postgres') {
    await q(
      `INSERT INTO mirror_record (record_type, record_id, fields, sequence, deleted, source, updated_at)
       VALUES (?, ?, '{}', ?, TRUE, 'event', ?) ON CONFLICT (record_type, record_id) DO NOTHING`,
      [recordType, recordId, PLACEHOLDER, new Date().toISOString()],
    );
  }
  const { rows } = await q<{ fields: unknown; sequence: unknown; deleted: unknown }>(
    `SELECT fields, sequence, deleted FROM mirror_record WHERE record_type = ? AND record_id = ?${DIALECT_SQL[dialect].forUpdate}`,
    [recordType, recordId],
  );
  const row = rows[0];
  if (!row || asNumber(row.sequence) === PLACEHOLDER) return null;
  const roles = await q<{ role_id: string; role_name: string | null }>(
    'SELECT role_id, role_name FROM mirror_role WHERE record_type = ? AND record_id = ?',
    [recordType, recordId],
  );
  return {
    recordType,
    recordId,
    fields: (typeof row.fields === 'string' ? JSON.parse(row.fields) : row.fields) as MirrorState['fields'],
    roles: roles.rows
      .map((r): Ref => ({ id: r.role_id, refName: r.role_name }))
      .sort((a, b) => Number(a.id) - Number(b.id)),
    sequence: asNumber(row.sequence),
    deleted: asBoolean(row.deleted),
  };
}

const COLUMNS = [
  'record_type',
  'record_id',
  ...RECORD_COLUMNS,
  'fields',
  'sequence',
  'deleted',
  'source',
  'updated_at',
];
const UPDATES = COLUMNS.filter((c) => c !== 'record_type' && c !== 'record_id')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/**
 * Writes `state` unless the stored sequence forbids it: an event needs a strictly higher sequence
 * than the stored one, a reconcile at least the stored one. Returns whether it was written.
 */
export async function writeState(q: Query, state: MirrorState, source: Source, now: Date): Promise<boolean> {
  const guard = source === 'event' ? '<' : '<=';
  const values = [
    state.recordType,
    state.recordId,
    ...columnValues(state.deleted ? {} : state.fields),
    JSON.stringify(state.fields),
    state.sequence,
    state.deleted,
    source,
    now.toISOString(),
  ];
  const written = await q(
    `INSERT INTO mirror_record (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (record_type, record_id) DO UPDATE SET ${UPDATES}
     WHERE mirror_record.sequence ${guard} EXCLUDED.sequence`,
    values,
  );
  if (written.rowCount === 0) return false;
  await q('DELETE FROM mirror_role WHERE record_type = ? AND record_id = ?', [state.recordType, state.recordId]);
  for (const r of state.roles) {
    await q('INSERT INTO mirror_role (record_type, record_id, role_id, role_name) VALUES (?, ?, ?, ?)', [
      state.recordType,
      state.recordId,
      r.id,
      r.refName,
    ]);
  }
  return true;
}

export async function logAccessChanges(
  q: Query,
  state: Pick<MirrorState, 'recordType' | 'recordId'>,
  changes: readonly AccessChange[],
  meta: { at: string; source: Source; webhookId: string | null },
): Promise<void> {
  for (const c of changes) {
    await q(
      'INSERT INTO mirror_access_change (record_type, record_id, at, change, role_id, role_name, source, webhook_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        state.recordType,
        state.recordId,
        meta.at,
        c.change,
        c.role?.id ?? null,
        c.role?.refName ?? null,
        meta.source,
        meta.webhookId,
      ],
    );
  }
}

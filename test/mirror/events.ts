/** Test events and readers of the mirror's state, for the mirror's suites. */
import type { CanonicalRecord, Ref, WebhookEvent } from '../../lib/core';
import type { SqlStore } from '../../lib/client/mirror';

let counter = 0;

/** A record-change event as the bundle sends it (only the members the mirror reads are meaningful). */
export function recordEvent(
  recordId: string,
  sequence: number,
  changeType: 'create' | 'update' | 'delete',
  record: CanonicalRecord | undefined,
  changes: WebhookEvent['data']['changes'] = {},
): WebhookEvent {
  return {
    type: `employee.${changeType === 'create' ? 'created' : changeType === 'update' ? 'updated' : 'deleted'}`,
    timestamp: new Date(sequence).toISOString(),
    data: {
      id: `evt_${recordId}_${sequence.toString(36)}_${(++counter).toString(36)}`,
      account: '1234567_SB1',
      recordType: 'employee',
      recordId,
      changeType,
      eventType: changeType === 'update' ? 'edit' : changeType,
      changedFields: Object.keys(changes).sort(),
      changes,
      ...(record ? { record: { id: recordId, ...record } } : {}),
      lifecycle: [],
      warnings: [],
      origin: { executionContext: 'USERINTERFACE', user: { id: '7' }, role: { id: '3' } },
      sequence,
    },
  };
}

export const ADMIN: Ref = { id: '3', refName: 'Administrator' };
export const SALES: Ref = { id: '15', refName: 'Sales Rep' };

export interface MirroredRow {
  id: string;
  fields: CanonicalRecord;
  roles: string[];
  sequence: number;
  deleted: boolean;
}

/** Every record of a type in the mirror (deleted ones too), by id. */
export async function mirrorRows(store: SqlStore, recordType = 'employee'): Promise<Map<string, MirroredRow>> {
  const { rows } = await store.query<{ record_id: string; fields: unknown; sequence: unknown; deleted: unknown }>(
    'SELECT record_id, fields, sequence, deleted FROM mirror_record WHERE record_type = ?',
    [recordType],
  );
  const roles = await store.query<{ record_id: string; role_id: string }>(
    'SELECT record_id, role_id FROM mirror_role WHERE record_type = ?',
    [recordType],
  );
  const out = new Map<string, MirroredRow>();
  for (const r of rows) {
    out.set(r.record_id, {
      id: r.record_id,
      fields: (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) as CanonicalRecord,
      roles: roles.rows
        .filter((x) => x.record_id === r.record_id)
        .map((x) => x.role_id)
        .sort(),
      sequence: Number(r.sequence),
      deleted: r.deleted === true || r.deleted === 1,
    });
  }
  return out;
}

/** Ids of a view's rows, sorted. */
export async function viewIds(store: SqlStore, view: string, where = '', params: unknown[] = []): Promise<string[]> {
  const { rows } = await store.query<{ record_id: string }>(`SELECT record_id FROM ${view} ${where}`, params);
  return rows.map((r) => r.record_id).sort();
}

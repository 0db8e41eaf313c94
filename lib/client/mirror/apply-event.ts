/**
 * Applies one verified event to the mirror in one transaction: logged under its `webhook-id` first
 * (the primary key makes a second delivery, in this process or another, a duplicate), then the record
 * is read (row-locked on Postgres), the pure plan decides, and the guarded upsert writes.
 */
import type { WebhookEvent } from '../../core';
import { planEvent } from './plan';
import { logAccessChanges, readState, writeState } from './record-io';
import type { SqlStore } from './sql-store';

export type ApplyOutcome = 'applied' | 'stale' | 'duplicate' | 'ignored';

/** Only record changes carry a sequence; anything else (the `suitehooks.ping` test event) is ignored. */
function isRecordChange(event: WebhookEvent): boolean {
  const d = event.data as Partial<WebhookEvent['data']>;
  return typeof d.sequence === 'number' && typeof d.recordId === 'string' && typeof d.recordType === 'string';
}

export async function applyEvent(store: SqlStore, event: WebhookEvent, now = new Date()): Promise<ApplyOutcome> {
  if (!isRecordChange(event)) return 'ignored';
  const d = event.data;
  return store.transaction(async (q) => {
    const logged = await q(
      `INSERT INTO mirror_event (webhook_id, record_type, record_id, change_type, sequence, occurred_at, received_at, outcome)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'applied') ON CONFLICT (webhook_id) DO NOTHING`,
      [d.id, d.recordType, d.recordId, d.changeType, d.sequence, event.timestamp, now.toISOString()],
    );
    if (logged.rowCount === 0) return 'duplicate';
    const existing = await readState(q, store.dialect, d.recordType, d.recordId);
    const plan = planEvent(existing, event);
    const written = plan.kind === 'apply' && (await writeState(q, plan.next, 'event', now));
    if (!written) {
      await q("UPDATE mirror_event SET outcome = 'stale' WHERE webhook_id = ?", [d.id]);
      return 'stale';
    }
    await logAccessChanges(q, plan.next, plan.changes, { at: event.timestamp, source: 'event', webhookId: d.id });
    return 'applied';
  });
}

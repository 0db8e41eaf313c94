/**
 * Bringing one mirrored record to NetSuite's state inside a reconcile transaction. NetSuite's row is
 * versioned by its modification second: its sequence is the last millisecond of that second, which no
 * event of a change already made can exceed and every later change does. A record the mirror holds
 * at a higher sequence was changed after NetSuite's row was read: it is left for the next run.
 */
import type { CanonicalRecord, Ref } from '../../core';
import { accessChanges } from './plan';
import { logAccessChanges, readState, writeState } from './record-io';
import { differingFields, sameRoles, type MirrorState } from './record-state';
import type { Dialect, Query } from './sql-store';

export type RepairOutcome = 'created' | 'updated' | 'deleted' | 'unchanged' | 'newer_in_mirror';

/** The sequence of a NetSuite row read with second precision. */
export function rowSequence(record: CanonicalRecord): number {
  const ms = Date.parse(String(record.lastModifiedDate ?? ''));
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000) * 1000 + 999;
}

export async function repairRecord(
  q: Query,
  dialect: Dialect,
  theirs: { recordType: string; record: CanonicalRecord; roles: Ref[] },
  now: Date,
): Promise<RepairOutcome> {
  const recordId = String(theirs.record.id);
  const existing = await readState(q, dialect, theirs.recordType, recordId);
  const live = existing && !existing.deleted ? existing : null;
  if (live && differingFields(live.fields, theirs.record).length === 0 && sameRoles(live.roles, theirs.roles))
    return 'unchanged';
  const sequence = rowSequence(theirs.record);
  if (existing && existing.sequence > sequence) return 'newer_in_mirror';
  const next: MirrorState = {
    recordType: theirs.recordType,
    recordId,
    fields: { ...(live?.fields ?? {}), ...theirs.record },
    roles: theirs.roles,
    sequence,
    deleted: false,
  };
  if (!(await writeState(q, next, 'reconcile', now))) return 'newer_in_mirror';
  await logAccessChanges(q, next, accessChanges(existing, next), {
    at: now.toISOString(),
    source: 'reconcile',
    webhookId: null,
  });
  return live ? 'updated' : 'created';
}

/** Marks a record deleted in NetSuite (not seen by a key scan that started at `scanStartMs`). */
export async function tombstone(
  q: Query,
  dialect: Dialect,
  recordType: string,
  recordId: string,
  scanStartMs: number,
  now: Date,
): Promise<RepairOutcome> {
  const existing = await readState(q, dialect, recordType, recordId);
  if (!existing || existing.deleted) return 'unchanged';
  if (existing.sequence >= scanStartMs) return 'newer_in_mirror';
  const next: MirrorState = { ...existing, roles: [], deleted: true, sequence: scanStartMs };
  if (!(await writeState(q, next, 'reconcile', now))) return 'newer_in_mirror';
  await logAccessChanges(q, next, accessChanges(existing, next), {
    at: now.toISOString(),
    source: 'reconcile',
    webhookId: null,
  });
  return 'deleted';
}

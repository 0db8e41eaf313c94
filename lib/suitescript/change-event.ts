/**
 * Builds the event of one user event on a record that can log in (employee, vendor, partner, customer)
 * from its old and new records, driven by the type's registry entry (lib/core/record-types.ts): its
 * event names, and the tracked fields the deployment's configuration resolved in its field map. No
 * governance units.
 */
import type { Record as NetSuiteRecord } from 'N/record';
import type { EmitterConfig } from '../core/config';
import { diffRecords, overlay } from '../core/diff';
import { buildEvent, makeEventId, type WebhookEvent } from '../core/envelope';
import { detectLifecycle, detectWarnings } from '../core/lifecycle';
import { readRecord } from '../core/read-record';
import { userRecordType, type UserRecordType } from '../core/record-types';
import type { CanonicalRecord, ChangeType, Origin } from '../core/types';
import { recordSource } from './record-source';

/** NetSuite user event types that emit, and what they mean for the contract. */
export const CHANGE_TYPES: Readonly<Record<string, ChangeType>> = {
  create: 'create',
  edit: 'update',
  xedit: 'update',
  delete: 'delete',
};

export interface ChangeContext {
  /** The registry entry of the record type the deployment runs on. */
  type: UserRecordType;
  /** NetSuite's user event type (`create`, `edit`, `xedit`, `delete`). */
  eventType: string;
  changeType: ChangeType;
  newRecord: NetSuiteRecord | null;
  oldRecord: NetSuiteRecord | null;
  /** Parsed against `type`'s field map (`parseConfig(read, type.fields)`). */
  config: EmitterConfig;
  origin: Origin;
  account: string;
  now: number;
  /** Random text that keeps event ids unique within a millisecond. */
  nonce: string;
}

export interface ChangeEvent {
  event: WebhookEvent;
  /** Tracked fields that could not be read (names and reasons only). */
  problems: string[];
}

/** `lastModifiedDate` of the new record itself in ms; an xedit record may not carry it. */
function modifiedAt(record: CanonicalRecord | null, present: ReadonlySet<string>): number | null {
  if (!record || !present.has('lastModifiedDate')) return null;
  const ms = Date.parse(String(record.lastModifiedDate));
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The registry entry of the record a user event runs on (`Record.type`: `employee`, `vendor`, …), or
 * null for a record type suitehooks does not watch (a deployment an administrator added elsewhere).
 */
export function recordTypeOf(
  newRecord: NetSuiteRecord | null,
  oldRecord: NetSuiteRecord | null,
): UserRecordType | null {
  const type = (newRecord ?? oldRecord)?.type;
  return type ? userRecordType(String(type)) : null;
}

/** The event, or null for an update that changed no tracked (and not excluded) field. */
export function changeEvent(ctx: ChangeContext): ChangeEvent | null {
  const { config, changeType } = ctx;
  const problems: string[] = [];
  const read = (rec: NetSuiteRecord, partial: boolean) => {
    const result = readRecord(recordSource(rec, partial), config.fields);
    problems.push(...result.problems);
    return result;
  };

  const old = changeType !== 'create' && ctx.oldRecord ? read(ctx.oldRecord, false).record : null;
  let next: CanonicalRecord | null = null;
  let present: ReadonlySet<string> = new Set();
  if (changeType !== 'delete' && ctx.newRecord) {
    const partial = ctx.eventType === 'xedit';
    const fresh = read(ctx.newRecord, partial);
    present = fresh.present;
    next = partial ? overlay(old, fresh.record, fresh.present) : fresh.record;
  }

  const diff = diffRecords(old, next, config.fields, { present });
  const sequence = modifiedAt(next, present) ?? ctx.now;
  const source = ctx.newRecord ?? ctx.oldRecord;
  const recordId = String(source?.id ?? '');
  const event = buildEvent({
    id: makeEventId(recordId, sequence, ctx.nonce),
    account: ctx.account,
    recordType: ctx.type.id,
    recordId,
    changeType,
    eventType: ctx.eventType,
    committedAt: new Date(sequence),
    diff,
    record: next ?? old,
    payloadMode: config.payloadMode,
    lifecycle: detectLifecycle(changeType, old, next),
    warnings: detectWarnings(next),
    origin: ctx.origin,
    sequence,
    excluded: config.excluded,
  });
  if (changeType === 'update' && event.data.changedFields.length === 0) return null;
  return { event, problems };
}

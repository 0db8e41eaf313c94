/** The one envelope builder: the event message of docs/events.md. */
import type { DiffResult } from './diff';
import { FORBIDDEN_FIELDS } from './fields';
import { eventTypeOf, userRecordType } from './record-types';
import type {
  CanonicalRecord,
  ChangeType,
  Changes,
  EventTypeName,
  Lifecycle,
  Origin,
  UserRecordTypeId,
  Warning,
} from './types';

export type PayloadMode = 'full' | 'changes';

/**
 * The `data` of a change event of a record that can log in (docs/events.md; JSDoc tags here feed
 * schema/suitehooks-event.schema.json).
 */
export interface EventData {
  /**
   * The event id: unique per event, identical on every attempt; equals the `webhook-id` header.
   * @pattern ^[A-Za-z0-9_-]+$
   */
  id: string;
  /** The NetSuite account id, e.g. `1234567_SB1`. */
  account: string;
  /** The NetSuite record type: `employee`, `vendor`, `partner` or `customer` (the prefix of `type`). */
  recordType: UserRecordTypeId;
  /** The record's internal id. */
  recordId: string;
  changeType: ChangeType;
  /** NetSuite's own user event type: create, edit, xedit, delete, … */
  eventType: string;
  /** Sorted; exactly the keys of `changes`. */
  changedFields: string[];
  changes: Changes;
  /** `id` plus the tracked fields' current values (on delete: the last known ones); absent in payload mode `changes`. */
  record?: CanonicalRecord;
  lifecycle: Lifecycle[];
  warnings: Warning[];
  origin: Origin;
  /**
   * Grows with every change of the same record: drop an event whose sequence is below the last one applied.
   * @asType integer
   */
  sequence: number;
}

/** A change event: `<recordType>.created`, `.updated` or `.deleted` (`employee.updated`, `vendor.created`, …). */
export interface WebhookEvent {
  type: EventTypeName;
  /**
   * When the change was committed, ISO-8601 UTC.
   * @format date-time
   */
  timestamp: string;
  data: EventData;
}

/** What the bundle builds an event from: the members `data` copies as they are, and what it derives from. */
export interface EventInput extends Pick<
  EventData,
  | 'id'
  | 'account'
  | 'recordType'
  | 'recordId'
  | 'changeType'
  | 'eventType'
  | 'lifecycle'
  | 'warnings'
  | 'origin'
  | 'sequence'
> {
  /** When the change was committed. */
  committedAt: Date;
  diff: DiffResult;
  /** Current values of the tracked fields (on delete: the last known ones). */
  record: CanonicalRecord | null;
  payloadMode: PayloadMode;
  /** Fields the administrator excluded (REST names); forbidden fields are always dropped. */
  excluded?: ReadonlySet<string>;
}

const EVENT_ID = /^[A-Za-z0-9_-]+$/;

function allowed(key: string, excluded: ReadonlySet<string> | undefined): boolean {
  return !FORBIDDEN_FIELDS.has(key) && !FORBIDDEN_FIELDS.has(key.toLowerCase()) && !(excluded?.has(key) ?? false);
}

export function buildEvent(input: EventInput): WebhookEvent {
  if (!EVENT_ID.test(input.id)) throw new Error('event id must match [A-Za-z0-9_-]+');
  const type = userRecordType(input.recordType);
  if (!type) throw new Error(`not a record type that can log in: ${String(input.recordType)}`);
  const changes: Changes = {};
  for (const key of [...input.diff.changedFields].sort()) {
    const change = input.diff.changes[key];
    if (change !== undefined && allowed(key, input.excluded)) changes[key] = change;
  }
  const data: EventData = {
    id: input.id,
    account: input.account,
    recordType: input.recordType,
    recordId: input.recordId,
    changeType: input.changeType,
    eventType: input.eventType,
    changedFields: Object.keys(changes),
    changes,
    lifecycle: input.lifecycle,
    warnings: input.warnings,
    origin: input.origin,
    sequence: input.sequence,
  };
  if (input.payloadMode === 'full' && input.record) {
    const record: CanonicalRecord = {};
    for (const [key, value] of Object.entries(input.record)) if (allowed(key, input.excluded)) record[key] = value;
    data.record = { id: input.recordId, ...record };
  }
  return { type: eventTypeOf(type, input.changeType), timestamp: input.committedAt.toISOString(), data };
}

/** The exact body that is signed and sent. */
export function serializeEvent(event: WebhookEvent): string {
  return JSON.stringify(event);
}

/**
 * An event id: unique per event and stable across attempts. `nonce` comes from the caller's random
 * source so the id stays unique when two events share a record and a millisecond.
 */
export function makeEventId(recordId: string, sequence: number, nonce: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
  // A fractional or negative sequence would put '.' or '-' in base 36: keep the id in the charset.
  return `evt_${safe(recordId)}_${safe(sequence.toString(36))}_${safe(nonce)}`;
}

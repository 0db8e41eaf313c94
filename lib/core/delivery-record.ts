/**
 * The delivery custom record (docs/configuration.md#the-delivery-record): outbox, retry state and dead letters in one record.
 * The bundle writes it, the sandbox emulates it, tests read it; the SDF object in
 * src/Objects/customrecord_suitehooks_delivery.xml declares exactly these ids.
 */

import { classifyAttempt, type AttemptResult } from './retry-schedule';

export const DELIVERY_RECORD = 'customrecord_suitehooks_delivery';

export const DELIVERY_FIELD = {
  /** The event id (`webhook-id`), identical on every attempt. */
  eventId: 'custrecord_suitehooks_event_id',
  /** `employee.created` | `employee.updated` | `employee.deleted`. */
  eventType: 'custrecord_suitehooks_event_type',
  /**
   * The endpoint it belongs to: the endpoint record's internal id, or `parameters` (empty on deliveries
   * stored before endpoints existed: the parameters endpoint). The worker sends it to that endpoint only.
   */
  endpoint: 'custrecord_suitehooks_endpoint',
  endpointUrl: 'custrecord_suitehooks_endpoint_url',
  /**
   * The host allow-list the endpoint was checked against: host names separated by spaces, `*` for any
   * host, empty on deliveries stored before it existed (`allowedHostsText`, `storedAllowedHosts`).
   */
  allowedHosts: 'custrecord_suitehooks_allowed_hosts',
  /** API Secret script ids (never values). */
  secretId: 'custrecord_suitehooks_secret_id',
  prevSecretId: 'custrecord_suitehooks_prev_secret_id',
  /** The exact body that is signed and sent (CLOBTEXT). */
  body: 'custrecord_suitehooks_body',
  /** The body's length in characters, so a search result cut at 4,000 bytes is recognised (INTEGER). */
  bodyLength: 'custrecord_suitehooks_body_length',
  status: 'custrecord_suitehooks_status',
  /** Attempts made so far (0 when the event was queued without a try). */
  attempts: 'custrecord_suitehooks_attempts',
  /**
   * When to try next, as ISO-8601 UTC text (`2026-03-06T12:39:56.789Z`); empty means due now. Text, not
   * a DATETIMETZ: search results show date-times only as text in the user's format and time zone, while
   * this reads back exactly and sorts as time, so the retry worker needs no record.load and no N/format.
   */
  nextAttempt: 'custrecord_suitehooks_next_attempt_utc',
  lastHttpStatus: 'custrecord_suitehooks_last_http_status',
  lastError: 'custrecord_suitehooks_last_error',
  recordType: 'custrecord_suitehooks_record_type',
  recordId: 'custrecord_suitehooks_record_id',
} as const;

export type DeliveryFieldName = keyof typeof DELIVERY_FIELD;

/** Status is plain text so an administrator replays a dead delivery by typing `pending`. */
export const DELIVERY_STATUS = {
  pending: 'pending',
  delivered: 'delivered',
  dead: 'dead',
} as const;

export type DeliveryStatus = (typeof DELIVERY_STATUS)[keyof typeof DELIVERY_STATUS];

/** Longest last-error text kept (the field is a TEXT of 300 characters). */
export const LAST_ERROR_MAX = 300;

/** What a delivery record says after an attempt (or after queuing without one). */
export interface DeliveryState {
  status: DeliveryStatus;
  attempts: number;
  /** Epoch ms of the next try; null when due now (queued) or when delivered or dead. */
  nextAttempt: number | null;
  lastHttpStatus: number | null;
  lastError: string;
}

/** Applies the contract's status rules (core `classifyAttempt`) to the `attempts`-th attempt's result. */
export function stateAfterAttempt(
  result: AttemptResult,
  attempts: number,
  now: number,
  random: () => number,
): DeliveryState {
  const outcome = classifyAttempt(result, attempts, now, random);
  const lastHttpStatus = result.status;
  switch (outcome.kind) {
    case 'delivered':
      return { status: DELIVERY_STATUS.delivered, attempts, nextAttempt: null, lastHttpStatus, lastError: '' };
    case 'dead':
      return {
        status: DELIVERY_STATUS.dead,
        attempts,
        nextAttempt: null,
        lastHttpStatus,
        lastError: clipError(outcome.reason),
      };
    case 'retry':
      return {
        status: DELIVERY_STATUS.pending,
        attempts,
        nextAttempt: outcome.at,
        lastHttpStatus,
        lastError: clipError(outcome.reason),
      };
  }
}

/** A delivery queued without an attempt (outbox mode, or a problem that is not the receiver's): due now. */
export function queuedState(reason: string): DeliveryState {
  return {
    status: DELIVERY_STATUS.pending,
    attempts: 0,
    nextAttempt: null,
    lastHttpStatus: null,
    lastError: clipError(reason),
  };
}

/** The stored form of a next attempt time: ISO-8601 UTC, or '' when none. */
export function nextAttemptText(at: number | null): string {
  return at === null ? '' : new Date(at).toISOString();
}

/**
 * Whether a delivery whose Next Attempt reads `text` is due at `now`. Empty is due; so is text that is
 * not a time (an administrator's typo must not park a delivery for ever: the attempt rewrites it).
 */
export function isDue(text: string, now: number): boolean {
  const at = Date.parse(text);
  return text.trim() === '' || Number.isNaN(at) || at <= now;
}

/**
 * Whether a body read from a search column is the whole stored body. Search results cut text columns
 * at 4,000 bytes (section_4345767112, section_N3352288); cutting only shortens, so a body whose length
 * is the length stored beside it, and that parses as the event it claims to be, is whole.
 */
export function isWholeBody(body: string, storedLength: number, eventId: string): boolean {
  if (storedLength <= 0 || body.length !== storedLength) return false;
  try {
    const parsed = JSON.parse(body) as { data?: { id?: unknown } };
    return parsed.data?.id === eventId;
  } catch {
    return false;
  }
}

/** The stored form of an allow-list: `*` when any https host is allowed. */
export function allowedHostsText(hosts: ReadonlySet<string> | null): string {
  return hosts === null ? '*' : [...hosts].join(' ');
}

/**
 * The allow-list parameter value a stored delivery stands for: '' (any host) for `*`, the hosts
 * otherwise; null when none was stored (a delivery older than the field), so it cannot be checked.
 */
export function storedAllowedHosts(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return trimmed === '*' ? '' : trimmed;
}

export function clipError(text: string): string {
  return text.length <= LAST_ERROR_MAX ? text : `${text.slice(0, LAST_ERROR_MAX - 1)}…`;
}

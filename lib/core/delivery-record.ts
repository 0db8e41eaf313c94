/**
 * The delivery custom record (CONTRACT.md §3): outbox, retry state and dead letters in one record.
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
  endpointUrl: 'custrecord_suitehooks_endpoint_url',
  /** API Secret script ids (never values). */
  secretId: 'custrecord_suitehooks_secret_id',
  prevSecretId: 'custrecord_suitehooks_prev_secret_id',
  /** The exact body that is signed and sent (CLOBTEXT). */
  body: 'custrecord_suitehooks_body',
  status: 'custrecord_suitehooks_status',
  /** Attempts made so far (0 when the event was queued without a try). */
  attempts: 'custrecord_suitehooks_attempts',
  /** DATETIMETZ; empty means due now. */
  nextAttempt: 'custrecord_suitehooks_next_attempt',
  lastHttpStatus: 'custrecord_suitehooks_last_http_status',
  lastError: 'custrecord_suitehooks_last_error',
  recordType: 'custrecord_suitehooks_record_type',
  recordId: 'custrecord_suitehooks_record_id',
  /** `<run token>@<expiry ms>` while a scheduled run is sending the delivery; empty otherwise. */
  claim: 'custrecord_suitehooks_claim',
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
  /** Epoch ms of the next try; null once delivered or dead. */
  nextAttempt: number | null;
  lastHttpStatus: number | null;
  lastError: string;
}

/** Applies the contract's status rules (core `classifyAttempt`) to the `attempts`-th attempt's result. */
export function stateAfterAttempt(result: AttemptResult, attempts: number, now: number, random: () => number): DeliveryState {
  const outcome = classifyAttempt(result, attempts, now, random);
  const lastHttpStatus = result.status;
  switch (outcome.kind) {
    case 'delivered':
      return { status: DELIVERY_STATUS.delivered, attempts, nextAttempt: null, lastHttpStatus, lastError: '' };
    case 'dead':
      return { status: DELIVERY_STATUS.dead, attempts, nextAttempt: null, lastHttpStatus, lastError: clipError(outcome.reason) };
    case 'retry':
      return { status: DELIVERY_STATUS.pending, attempts, nextAttempt: outcome.at, lastHttpStatus, lastError: clipError(outcome.reason) };
  }
}

/** A delivery queued without an attempt (outbox mode, or a problem that is not the receiver's). */
export function queuedState(now: number, reason: string): DeliveryState {
  return { status: DELIVERY_STATUS.pending, attempts: 0, nextAttempt: now, lastHttpStatus: null, lastError: clipError(reason) };
}

export function clipError(text: string): string {
  return text.length <= LAST_ERROR_MAX ? text : `${text.slice(0, LAST_ERROR_MAX - 1)}…`;
}

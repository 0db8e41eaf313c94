/** Finding, claiming and updating pending deliveries (the retry script). Custom record: 2 units a load/submitFields. */
import * as record from 'N/record';
import * as search from 'N/search';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, type DeliveryState } from '../core/delivery-record';
import { stateValues, targetValues, type DeliveryTarget, type FieldValues } from './delivery-values';

export interface Delivery extends DeliveryTarget {
  id: string;
  eventId: string;
  body: string;
  status: string;
  attempts: number;
  nextAttempt: Date | null;
  claim: string;
}

/**
 * Internal ids of pending deliveries, the earliest next attempt first (ties: oldest record first).
 * 10 units. Future ones are included; the caller stops at the first that is not yet due.
 */
export function pendingDeliveryIds(limit: number): string[] {
  return search
    .create({
      type: DELIVERY_RECORD,
      filters: [[F.status, 'is', 'pending']],
      columns: [
        search.createColumn({ name: F.nextAttempt, sort: search.Sort.ASC }),
        search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
      ],
    })
    .run()
    .getRange({ start: 0, end: limit })
    .map((result) => String(result.id));
}

function text(rec: record.Record, fieldId: string): string {
  const value = rec.getValue({ fieldId });
  return value === null || value === undefined ? '' : String(value);
}

/** 2 units. */
export function loadDelivery(id: string): Delivery {
  const rec = record.load({ type: DELIVERY_RECORD, id });
  const next = rec.getValue({ fieldId: F.nextAttempt });
  return {
    id,
    eventId: text(rec, F.eventId),
    body: text(rec, F.body),
    status: text(rec, F.status),
    attempts: Number(rec.getValue({ fieldId: F.attempts }) || 0),
    nextAttempt: next instanceof Date ? next : null,
    endpointUrl: text(rec, F.endpointUrl),
    secretId: text(rec, F.secretId),
    prevSecretId: text(rec, F.prevSecretId) || null,
    claim: text(rec, F.claim),
  };
}

function update(id: string, values: FieldValues): void {
  record.submitFields({ type: DELIVERY_RECORD, id, values, options: { enableSourcing: false, ignoreMandatoryFields: true } });
}

/** A claim token: the run's id and when its lease ends (a run that dies mid-send frees the delivery then). */
export function claimToken(runId: string, leaseEndsAt: number): string {
  return `${runId}@${leaseEndsAt}`;
}

/** Whether a claim read from the record still holds. */
export function claimHeld(claim: string, now: number): boolean {
  const endsAt = Number(claim.split('@')[1]);
  return claim !== '' && Number.isFinite(endsAt) && endsAt > now;
}

/**
 * Claims a delivery for one scheduled run: writes the token, then reads it back (2 + 1 units).
 * Of two runs claiming at once the last writer wins and the other sees a foreign token and skips.
 */
export function claimDelivery(id: string, token: string): boolean {
  update(id, { [F.claim]: token });
  const found = search.lookupFields({ type: DELIVERY_RECORD, id, columns: [F.claim] });
  return found[F.claim] === token;
}

/** 2 units: the attempt's outcome, the target it was sent to, and the claim released. */
export function saveAttempt(id: string, target: DeliveryTarget, state: DeliveryState): void {
  update(id, { ...targetValues(target), ...stateValues(state), [F.claim]: '' });
}

/** 2 units: a problem that is not the receiver's; no attempt is counted and the delivery stays due. */
export function noteProblem(id: string, problem: string): void {
  update(id, { [F.lastError]: problem });
}

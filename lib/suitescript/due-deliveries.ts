/**
 * Finding due deliveries and recording attempts (the retry worker). Everything a delivery needs is read
 * from search result columns (10 units a page of up to 1,000), so sending one costs the POST and one
 * write; a body the search cut short is loaded (2 units). Custom record: 2 units a load/submitFields.
 */
import * as record from 'N/record';
import * as search from 'N/search';
import {
  clipError,
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DELIVERY_STATUS,
  isDue,
  type DeliveryState,
} from '../core/delivery-record';
import { deliveryEndpointId } from '../core/endpoint-record';
import { stateValues, targetValues, type DeliveryTarget, type FieldValues } from './delivery-values';

export interface Delivery extends Omit<DeliveryTarget, 'allowedHosts'> {
  id: string;
  /** The allow-list as stored (`allowedHostsText`; '' on deliveries older than the field). */
  allowedHosts: string;
  eventId: string;
  /** The body as the search returned it: possibly cut at 4,000 bytes (see `isWholeBody`). */
  body: string;
  bodyLength: number;
  attempts: number;
  /** Next Attempt as stored (ISO-8601 UTC text, '' = due now). */
  nextAttempt: string;
}

const COLUMNS = [
  F.eventId,
  F.body,
  F.bodyLength,
  F.attempts,
  F.nextAttempt,
  F.endpoint,
  F.endpointUrl,
  F.secretId,
  F.prevSecretId,
  F.allowedHosts,
];

function text(result: search.Result, name: string): string {
  const value = result.getValue({ name });
  return value === null || value === undefined ? '' : String(value);
}

function toDelivery(result: search.Result): Delivery {
  return {
    id: String(result.id),
    eventId: text(result, F.eventId),
    body: text(result, F.body),
    bodyLength: Number(text(result, F.bodyLength) || 0),
    attempts: Number(text(result, F.attempts) || 0),
    nextAttempt: text(result, F.nextAttempt),
    endpoint: deliveryEndpointId(text(result, F.endpoint)),
    endpointUrl: text(result, F.endpointUrl),
    secretId: text(result, F.secretId),
    prevSecretId: text(result, F.prevSecretId) || null,
    allowedHosts: text(result, F.allowedHosts),
  };
}

/** Pending deliveries whose Next Attempt is empty (`isempty`) or set (`isnotempty`); 10 units. */
function pending(nextAttempt: 'isempty' | 'isnotempty', limit: number): Delivery[] {
  // Each search sorts only values of one kind, so where NetSuite puts empty values never matters.
  const sort = nextAttempt === 'isempty' ? 'internalid' : F.nextAttempt;
  return search
    .create({
      type: DELIVERY_RECORD,
      filters: [[F.status, 'is', DELIVERY_STATUS.pending], 'AND', [F.nextAttempt, nextAttempt, '']],
      columns: [search.createColumn({ name: sort, sort: search.Sort.ASC }), ...COLUMNS.filter((c) => c !== sort)],
    })
    .run()
    .getRange({ start: 0, end: limit })
    .map(toDelivery);
}

export interface DueDeliveries {
  /** Due deliveries: retries whose time has come (earliest first), then new ones (oldest first). */
  due: Delivery[];
  /** A page came back full: more may be due than were read. */
  more: boolean;
}

/** Up to `limit` of each kind; 20 units (10 when the retries alone fill a page with due ones). */
export function dueDeliveries(limit: number, now: number): DueDeliveries {
  const retries = pending('isnotempty', limit);
  const dueRetries = retries.filter((d) => isDue(d.nextAttempt, now));
  if (dueRetries.length === limit) return { due: dueRetries, more: true };
  const fresh = pending('isempty', limit);
  return { due: [...dueRetries, ...fresh], more: retries.length === limit || fresh.length === limit };
}

/** Whether anything is due (the timer's question): 10 or 20 units. */
export function anyDue(now: number): boolean {
  if (pending('isempty', 1).length > 0) return true;
  const [first] = pending('isnotempty', 1);
  return first !== undefined && isDue(first.nextAttempt, now);
}

/** The whole body, for one the search cut short: 2 units. */
export function loadBody(id: string): string {
  const value = record.load({ type: DELIVERY_RECORD, id }).getValue({ fieldId: F.body });
  return value === null || value === undefined ? '' : String(value);
}

function update(id: string, values: FieldValues): void {
  record.submitFields({
    type: DELIVERY_RECORD,
    id,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/** 2 units: the attempt's outcome and the target it was sent to. */
export function saveAttempt(id: string, target: DeliveryTarget, state: DeliveryState): void {
  update(id, { ...targetValues(target), ...stateValues(state) });
}

/** 2 units: a problem that is not the receiver's; no attempt is counted and the delivery stays due. */
export function noteProblem(id: string, problem: string): void {
  update(id, { [F.lastError]: clipError(problem) });
}

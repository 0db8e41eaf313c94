/** Delivery record field values for a target and a state (shared by the user event and the retry worker). */
import { allowedHostsText, DELIVERY_FIELD as F, nextAttemptText, type DeliveryState } from '../core/delivery-record';

export interface DeliveryTarget {
  /** The endpoint id (record internal id or `parameters`): the delivery belongs to it for good. */
  endpoint: string;
  endpointUrl: string;
  secretId: string;
  prevSecretId: string | null;
  /** The allow-list the endpoint passed (null: any https host). */
  allowedHosts: ReadonlySet<string> | null;
}

export type FieldValues = Record<string, string | number>;

export function stateValues(state: DeliveryState): FieldValues {
  return {
    [F.status]: state.status,
    [F.attempts]: state.attempts,
    [F.nextAttempt]: nextAttemptText(state.nextAttempt),
    [F.lastHttpStatus]: state.lastHttpStatus ?? '',
    [F.lastError]: state.lastError,
  };
}

export function targetValues(target: DeliveryTarget): FieldValues {
  return {
    [F.endpoint]: target.endpoint,
    [F.endpointUrl]: target.endpointUrl,
    [F.secretId]: target.secretId,
    [F.prevSecretId]: target.prevSecretId ?? '',
    [F.allowedHosts]: allowedHostsText(target.allowedHosts),
  };
}

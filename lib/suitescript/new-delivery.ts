/** Stores a new delivery (the user event's outbox and failure path). */
import * as record from 'N/record';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, type DeliveryState } from '../core/delivery-record';
import { stateValues, targetValues, type DeliveryTarget } from './delivery-values';

export interface NewDelivery extends DeliveryTarget {
  eventId: string;
  eventType: string;
  body: string;
  recordType: string;
  recordId: string;
}

/** 6 units (create 2 + save 4). Returns the new record's internal id. */
export function createDelivery(delivery: NewDelivery, state: DeliveryState): number {
  const rec = record.create({ type: DELIVERY_RECORD });
  const values = {
    name: delivery.eventId,
    [F.eventId]: delivery.eventId,
    [F.eventType]: delivery.eventType,
    [F.body]: delivery.body,
    [F.bodyLength]: delivery.body.length,
    [F.recordType]: delivery.recordType,
    [F.recordId]: delivery.recordId,
    ...targetValues(delivery),
    ...stateValues(state),
  };
  for (const [fieldId, value] of Object.entries(values)) {
    if (value !== '') rec.setValue({ fieldId, value });
  }
  return rec.save();
}

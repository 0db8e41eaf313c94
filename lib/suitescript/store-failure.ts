/** The Execution Log entry for an event the user event could not store as a delivery (ids and codes only). */
import { DELIVERY_RECORD } from '../core/delivery-record';

export interface NotStored {
  eventId: string;
  recordId: string;
  /** The error code of the failed store, e.g. INSUFFICIENT_PERMISSION. */
  code: string;
  /** Internal id of the role the save runs with. */
  role: string;
  /** What became of the event: delivered by the one inline attempt, that attempt failed, or none was possible. */
  inline: 'delivered' | 'failed' | 'impossible';
}

/**
 * Names the cause and the fix. The usual cause: another script (RESTlet, Suitelet, workflow action,
 * map/reduce) saved the employee, so this user event runs with that script's role, not its own
 * deployment's Execute As Role (chapter_N2997500), and that role cannot create delivery records.
 */
export function notStoredDetails(n: NotStored): string {
  const outcome = {
    delivered: 'it was delivered by one inline attempt instead, but nothing would be retried',
    failed: 'the inline attempt failed too, so the event is lost',
    impossible: 'nothing could be sent, so the event is lost',
  }[n.inline];
  return (
    `event ${n.eventId} (employee ${n.recordId}) could not be stored as a ${DELIVERY_RECORD} (${n.code}) by role ${n.role}; ${outcome}. ` +
    `Fix: give role ${n.role} the Create permission on the record type ${DELIVERY_RECORD}, or run the script ` +
    'that saves employees as a role that has it (a script that triggers this user event passes on its own role; ' +
    'Execute As Role on this deployment does not apply then).'
  );
}

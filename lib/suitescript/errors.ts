/** What may be said about an error: its code in logs, code and message on the delivery record. */
import { clipError } from '../core/delivery-record';

/** The error code (SuiteScriptError `name`, e.g. SSS_REQUEST_TIME_EXCEEDED): safe to log, carries no values. */
export function errorCode(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' && e.name !== '') return e.name;
  return 'UNEXPECTED_ERROR';
}

/** Code and message, for the delivery's last error (seen by administrators in NetSuite, never logged). */
export function errorText(e: unknown): string {
  const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
  return clipError(`${errorCode(e)}: ${message}`);
}

/** One delivery attempt: sign afresh (new timestamp, same id) and POST. Never throws. */
import * as https from 'N/https';
import type { AttemptResult } from '../core/retry-schedule';
import { signingInput, unixSeconds, webhookHeaders } from '../core/signing';
import { errorText } from './errors';
import type { Sign } from './signer';

/** A response header by lower-case name; NetSuite keeps the receiver's spelling of header names. */
function header(headers: object | undefined, name: string): string | null {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return null;
}

/** 10 units (https.post): signed with `nowMs` as the webhook timestamp. Throws what N/https throws. */
export function sendSigned(
  url: string,
  eventId: string,
  body: string,
  sign: Sign,
  nowMs: number,
): https.ClientResponse {
  const timestamp = unixSeconds(nowMs);
  const headers = webhookHeaders(eventId, timestamp, sign(signingInput(eventId, timestamp, body)));
  return https.post({ url, body, headers: { ...headers } });
}

/** 10 units (https.post). A timeout, refused connection or signing failure is a result with no status. */
export function postSigned(url: string, eventId: string, body: string, sign: Sign, nowMs: number): AttemptResult {
  try {
    const response = sendSigned(url, eventId, body, sign, nowMs);
    return { status: response.code, retryAfter: header(response.headers, 'retry-after') };
  } catch (e) {
    return { status: null, error: errorText(e) };
  }
}

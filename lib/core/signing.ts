/** Standard Webhooks (v1, symmetric) signing input and headers. The HMAC itself runs at the edges. */
import { USER_AGENT } from './version';

/** `"<id>.<timestamp>.<body>"`, the bytes that HMAC-SHA256 signs. */
export function signingInput(id: string, timestampSeconds: number, body: string): string {
  return `${id}.${timestampSeconds}.${body}`;
}

/** `v1,<sig>` entries separated by one space; current secret first during a rotation. */
export function signatureHeader(signaturesBase64: readonly string[]): string {
  if (signaturesBase64.length === 0) throw new Error('at least one signature is required');
  return signaturesBase64.map((s) => `v1,${s}`).join(' ');
}

export interface WebhookHeaders {
  'content-type': 'application/json';
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'user-agent': string;
}

export function webhookHeaders(
  id: string,
  timestampSeconds: number,
  signaturesBase64: readonly string[],
): WebhookHeaders {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signatureHeader(signaturesBase64),
    'user-agent': USER_AGENT,
  };
}

/** Unix seconds of a millisecond clock reading. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

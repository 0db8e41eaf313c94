/** Verifying a suitehooks webhook with the official `standardwebhooks` package. */
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookEvent } from '../core';

export { WebhookVerificationError };

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /**
   * Reject timestamps further than this from now; default and maximum 300 s (the package's own
   * tolerance, which always applies).
   */
  toleranceSeconds?: number;
}

const NAMES = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function header(headers: HeaderBag, name: string): string {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? '';
  const bag = headers as Record<string, string | string[] | undefined>;
  const value = bag[name] ?? Object.entries(bag).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

/**
 * Verifies the signature and timestamp of a delivery and returns the typed event. `secret` is the
 * Standard Webhooks secret (`whsec_…` or its base64); pass several during a key rotation on your side
 * (the sender's own rotation is handled: it sends both signatures). Throws WebhookVerificationError.
 */
export function verifyWebhook(rawBody: string | Buffer, headers: HeaderBag, secret: string | readonly string[], options: VerifyOptions = {}): WebhookEvent {
  const tolerance = options.toleranceSeconds ?? 300;
  if (!(tolerance > 0 && tolerance <= 300)) throw new RangeError('toleranceSeconds must be in (0, 300]');
  const bag = Object.fromEntries(NAMES.map((n) => [n, header(headers, n)]));
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0) throw new TypeError('at least one secret is required');
  // The library reads the timestamp with parseInt ("<ts>abc" passes as <ts>); demand plain digits so the
  // tolerance check below sees the same number the signature covers.
  if (bag['webhook-timestamp'] !== '' && !/^\d{1,15}$/.test(bag['webhook-timestamp']!)) {
    throw new WebhookVerificationError('Invalid webhook-timestamp header (expected Unix seconds)');
  }
  let lastError: unknown;
  let payload: unknown;
  for (const s of secrets) {
    try {
      payload = new Webhook(s).verify(rawBody, bag);
      lastError = undefined;
      break;
    } catch (err) {
      // Signed correctly but not JSON: the library's JSON.parse threw after the signature matched.
      lastError = err instanceof SyntaxError ? new WebhookVerificationError('The signed body is not valid JSON') : err;
      if (err instanceof SyntaxError) break;
    }
  }
  if (lastError) throw lastError;
  if (Math.abs(Date.now() / 1000 - Number(bag['webhook-timestamp'])) > tolerance) throw new WebhookVerificationError('Message timestamp outside the tolerance');
  const event = payload as WebhookEvent;
  if (event?.data?.id !== bag['webhook-id']) throw new WebhookVerificationError('data.id does not match the webhook-id header');
  return event;
}

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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The verifiers for one or more secrets (`whsec_` + base64, or the bare base64). A malformed one is a
 * configuration error named by position — "secret 2 of 2" — never a later "no matching signature",
 * and its value is never shown.
 */
export function webhookVerifiers(secret: string | readonly string[]): Webhook[] {
  const secrets: readonly unknown[] = typeof secret === 'string' ? [secret] : secret;
  if (!Array.isArray(secrets) || secrets.length === 0) throw new TypeError('at least one secret is required');
  return secrets.map((s, i) => {
    const which = `secret ${i + 1} of ${secrets.length}`;
    if (typeof s !== 'string') throw new TypeError(`${which} is not a string`);
    const body = s.trim().replace(/^whsec_/, '');
    if (body === '' || !BASE64.test(body)) throw new TypeError(`${which} is not a Standard Webhooks secret: expected whsec_ followed by base64 (A–Z, a–z, 0–9, +, /, = padding)`);
    return new Webhook(body);
  });
}

function header(headers: HeaderBag, name: string): string {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? '';
  const bag = headers as Record<string, string | string[] | undefined>;
  const value = bag[name] ?? Object.entries(bag).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

/**
 * Verifies the signature and timestamp of a delivery and returns the typed event. `secret` is the
 * Standard Webhooks secret (`whsec_…` or its base64); pass several during a key rotation on your side
 * (the sender's own rotation is handled: it sends both signatures). Throws WebhookVerificationError;
 * a malformed secret is a TypeError naming which one.
 */
export function verifyWebhook(rawBody: string | Buffer, headers: HeaderBag, secret: string | readonly string[], options: VerifyOptions = {}): WebhookEvent {
  return verifyWith(webhookVerifiers(secret), rawBody, headers, options);
}

/** verifyWebhook with verifiers made once (createWebhookHandler checks its secrets at start-up). */
export function verifyWith(verifiers: readonly Webhook[], rawBody: string | Buffer, headers: HeaderBag, options: VerifyOptions = {}): WebhookEvent {
  const tolerance = options.toleranceSeconds ?? 300;
  if (!(tolerance > 0 && tolerance <= 300)) throw new RangeError('toleranceSeconds must be in (0, 300]');
  const bag = Object.fromEntries(NAMES.map((n) => [n, header(headers, n)]));
  // The library reads the timestamp with parseInt ("<ts>abc" passes as <ts>); demand plain digits so the
  // tolerance check below sees the same number the signature covers.
  if (bag['webhook-timestamp'] !== '' && !/^\d{1,15}$/.test(bag['webhook-timestamp']!)) {
    throw new WebhookVerificationError('Invalid webhook-timestamp header (expected Unix seconds)');
  }
  let lastError: unknown;
  let payload: unknown;
  for (const verifier of verifiers) {
    try {
      payload = verifier.verify(rawBody, bag);
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

/**
 * Verifying a suitehooks webhook with the official `standardwebhooks` package's HMAC (`Webhook.sign`),
 * compared in constant time by node:crypto's `timingSafeEqual`. The timestamp is checked here, against a clock
 * the caller may give: the package's own `verify` reads `Date.now()` and nothing else, so a receiver for
 * a sender whose clock is moved (the sandbox's, days ahead in tests) could not use it.
 */
import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SuitehooksEvent } from '../core/ping';
import { WebhookVerificationError } from './errors';

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The package's tolerance, and the widest one allowed. */
const MAX_TOLERANCE_SECONDS = 300;

export interface VerifyOptions {
  /** Reject timestamps further than this from now; default and maximum 300 s (Standard Webhooks' tolerance). */
  toleranceSeconds?: number;
  /** The clock "now" is read from, in epoch milliseconds; default `Date.now`. */
  now?: () => number;
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
    if (body === '' || !BASE64.test(body))
      throw new TypeError(
        `${which} is not a Standard Webhooks secret: expected whsec_ followed by base64 (A–Z, a–z, 0–9, +, /, = padding)`,
      );
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
export function verifyWebhook(
  rawBody: string | Buffer,
  headers: HeaderBag,
  secret: string | readonly string[],
  options: VerifyOptions = {},
): SuitehooksEvent {
  return verifyWith(webhookVerifiers(secret), rawBody, headers, options);
}

/** verifyWebhook with verifiers made once (createWebhookHandler checks its secrets at start-up). */
export function verifyWith(
  verifiers: readonly Webhook[],
  rawBody: string | Buffer,
  headers: HeaderBag,
  options: VerifyOptions = {},
): SuitehooksEvent {
  const tolerance = options.toleranceSeconds ?? MAX_TOLERANCE_SECONDS;
  if (!(tolerance > 0 && tolerance <= MAX_TOLERANCE_SECONDS))
    throw new RangeError('toleranceSeconds must be in (0, 300]');
  const [id, timestamp, signatures] = NAMES.map((n) => header(headers, n)) as [string, string, string];
  if (id === '' || timestamp === '' || signatures === '')
    throw new WebhookVerificationError('Missing required headers');
  const sentAt = checkTimestamp(timestamp, (options.now ?? Date.now)(), tolerance);
  if (!verifiers.some((verifier) => signedBy(verifier, id, sentAt, rawBody, signatures)))
    throw new WebhookVerificationError('No matching signature found');
  const event = parseSigned(rawBody);
  if (event?.data?.id !== id) throw new WebhookVerificationError('data.id does not match the webhook-id header');
  return event;
}

/**
 * The header's Unix seconds, within `tolerance` of `nowMs` either way. Plain digits only: `<ts>abc`
 * must not pass as `<ts>` (parseInt would read it so), so the time checked is the time signed.
 */
function checkTimestamp(header: string, nowMs: number, tolerance: number): Date {
  if (!/^\d{1,15}$/.test(header))
    throw new WebhookVerificationError('Invalid webhook-timestamp header (expected Unix seconds)');
  const sent = Number(header);
  const now = Math.floor(nowMs / 1000);
  const outside = `(outside the tolerance of ${tolerance} s)`;
  if (now - sent > tolerance) throw new WebhookVerificationError(`Message timestamp too old ${outside}`);
  if (sent - now > tolerance) throw new WebhookVerificationError(`Message timestamp too new ${outside}`);
  return new Date(sent * 1000);
}

/**
 * Whether one of the header's `v1,<base64>` signatures is this secret's, compared in constant time.
 * `crypto.timingSafeEqual` needs equal lengths; an HMAC-SHA256 in base64 is always 44 characters, so
 * a candidate of another length is unequal without revealing anything about the secret.
 */
function signedBy(verifier: Webhook, id: string, sentAt: Date, rawBody: string | Buffer, signatures: string): boolean {
  const expected = Buffer.from(verifier.sign(id, sentAt, rawBody).slice('v1,'.length));
  return signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    const candidate = Buffer.from(value ?? '');
    return version === 'v1' && candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

/** The signed body as an event; an authentic body that is not JSON is named as such. */
function parseSigned(rawBody: string | Buffer): SuitehooksEvent | undefined {
  const text = rawBody.toString();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as SuitehooksEvent;
  } catch {
    throw new WebhookVerificationError('The signed body is not valid JSON');
  }
}

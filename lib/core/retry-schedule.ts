/** The one retry schedule (docs/events.md#retry-schedule) and the rules that classify an attempt's outcome. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Delays after the 1st, 2nd, … failed attempt: about three days in all. */
export const RETRY_DELAYS_MS: readonly number[] = Object.freeze([
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
]);

/** The first attempt plus one per scheduled retry. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Jitter spreads retries of a burst of failures: each delay is scaled by a factor in [0.9, 1.1). */
export const JITTER = 0.1;

export type AttemptOutcome =
  { kind: 'delivered' } | { kind: 'dead'; reason: string } | { kind: 'retry'; at: number; reason: string };

/** `retry-after` as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (header === null || header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The longest `retry-after` honoured: the longest step of the schedule. A receiver (or a proxy) that
 * answers with years, or with a number too large to represent, must not park an event for ever.
 */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

/**
 * When to try again after `attempts` failed attempts (1 after the first failure), or null when the
 * schedule is exhausted. A `retry-after` later than the schedule wins.
 */
export function nextAttemptAt(
  attempts: number,
  now: number,
  random: () => number,
  retryAfterMs: number | null = null,
): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts counts failed attempts, from 1');
  const base = RETRY_DELAYS_MS[attempts - 1]; // none from MAX_ATTEMPTS on: the delivery is dead
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  const asked = retryAfterMs === null || Number.isNaN(retryAfterMs) ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return now + Math.max(jittered, asked);
}

export interface AttemptResult {
  /** HTTP status, or null when no response came (timeout, refused connection, bad configuration). */
  status: number | null;
  retryAfter?: string | null;
  error?: string;
}

/** Applies the contract: 2xx delivered, 410 dead at once, everything else retried until the schedule ends. */
export function classifyAttempt(
  result: AttemptResult,
  attempts: number,
  now: number,
  random: () => number,
): AttemptOutcome {
  const { status } = result;
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  const reason = status === null ? (result.error ?? 'no response') : `HTTP ${status}`;
  if (status === 410) return { kind: 'dead', reason: 'HTTP 410 Gone: the receiver asked for no more retries' };
  const at = nextAttemptAt(attempts, now, random, parseRetryAfter(result.retryAfter, now));
  if (at === null) return { kind: 'dead', reason: `${reason}; gave up after ${attempts} attempts` };
  return { kind: 'retry', at, reason };
}

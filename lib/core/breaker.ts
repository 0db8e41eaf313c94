/**
 * The inline circuit breaker's decisions (docs/netsuite.md#the-circuit-breaker). After an inline POST
 * to an endpoint fails without an answer, or with 5xx/429, later saves skip the POST for a cool-down
 * and keep the event as a pending delivery for the retry worker. The state is a hint in N/cache (one
 * entry per endpoint: the time the cool-down ends); losing it only costs one more inline attempt.
 */
import type { AttemptResult } from './retry-schedule';

/**
 * Who an endpoint is: its endpoint id (the record's internal id, or `parameters` for the script
 * parameters: lib/core/endpoint-record.ts). The breaker only needs a stable string per endpoint.
 */
export type EndpointIdentity = string;

/** The N/cache cache holding the breaker (section_4642627983: a cache name is at most 1 KB). */
export const BREAKER_CACHE_NAME = 'suitehooks_breaker';

/** How long saves skip the inline POST after a failure: N/cache's minimum time to live (300 s). */
export const BREAKER_COOL_DOWN_MS = 300_000;

/**
 * The entry's time to live in seconds (section_4642661313: at least 300, and the cache may drop it
 * sooner). Longer than the cool-down, so once it has passed the entry is still there to tell the first
 * save to probe, and the others to wait for that probe.
 */
export const BREAKER_TTL_SECONDS = 3_600;

/** Longest key N/cache accepts is 4,096 bytes; an identity is cut, so a key never fails for length. */
const KEY_MAX = 1_000;

/** The cache key of one endpoint's breaker. */
export function breakerKey(endpoint: EndpointIdentity): string {
  const key = `endpoint:${endpoint}`;
  return key.length <= KEY_MAX ? key : `${key.slice(0, KEY_MAX - 12)}#${hash(key)}`;
}

/**
 * The one cache key holding every endpoint's breaker, so a save reads them all with one `Cache.get`
 * (1 unit) however many endpoints it fans out to. Its value is a JSON object: endpoint key → value.
 */
export const BREAKERS_KEY = 'breakers';

/** The stored breakers (endpoint key → value); anything unreadable is "all closed". */
export function readBreakerStates(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/**
 * The stored text after one endpoint's breaker is set (`value`) or removed (null), dropping entries
 * whose cool-down ended long ago so the entry never grows without bound.
 */
export function withBreakerState(
  text: string | null,
  endpoint: EndpointIdentity,
  value: string | null,
  now: number,
): string {
  const key = breakerKey(endpoint);
  const kept = Object.entries(readBreakerStates(text)).filter(
    ([k, v]) => k !== key && Number(v) + BREAKER_TTL_SECONDS * 1000 >= now,
  );
  return JSON.stringify(Object.fromEntries(value === null ? kept : [...kept, [key, value]]));
}

/** FNV-1a, 32 bits, as 8 hex digits: keeps two long identities that share a prefix apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The value stored for an open breaker: the epoch ms its cool-down ends. */
export function openUntilValue(now: number): string {
  return String(now + BREAKER_COOL_DOWN_MS);
}

/**
 * What a save does with the stored value (null when the entry is absent, unreadable or lost):
 * `post` (closed), `skip` (open: keep the event for the worker), `probe` (the cool-down has passed:
 * claim the probe by storing `claim`, so the saves that follow wait for it, then post).
 */
export type InlineDecision = { kind: 'post' } | { kind: 'skip'; until: number } | { kind: 'probe'; claim: string };

export function decideInline(stored: string | null, now: number): InlineDecision {
  const until = stored === null || stored.trim() === '' ? NaN : Number(stored);
  // Anything that is not a time is a lost or foreign entry: closed, as if the cache had dropped it.
  if (!Number.isFinite(until)) return { kind: 'post' };
  if (until > now) return { kind: 'skip', until };
  return { kind: 'probe', claim: openUntilValue(now) };
}

/**
 * Whether an attempt shows the receiver unhealthy: no answer (timeout, refused connection), 5xx or 429.
 * Any other answer (2xx, 3xx, 4xx) came from a receiver that is up.
 */
export function showsDown(result: AttemptResult): boolean {
  return result.status === null || result.status >= 500 || result.status === 429;
}

/** Whether an attempt got no answer at all: the worker's sign that an endpoint is down for this run. */
export function noAnswer(result: AttemptResult): boolean {
  return result.status === null;
}

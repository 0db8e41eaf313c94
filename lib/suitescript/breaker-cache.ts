/**
 * The circuit breakers' state in N/cache (lib/core/breaker.ts decides). PROTECTED scope: shared by
 * every script of this project, whoever runs it, so every user's saves and the retry worker see one
 * state (section_4655722738). All endpoints' breakers live in ONE entry, so a save that fans out to any
 * number of endpoints reads them with one `Cache.get` (1 unit, section_4642661440); opening or closing
 * one is a get and a put (2 units, section_4642661313). Two writers at the same instant may lose one
 * update: the cache is a hint (the delivery record is the copy), a lost entry costs one more inline
 * attempt. Never throws.
 */
import * as cache from 'N/cache';
import {
  BREAKER_CACHE_NAME,
  BREAKER_TTL_SECONDS,
  BREAKERS_KEY,
  breakerKey,
  readBreakerStates,
  withBreakerState,
  type EndpointIdentity,
} from '../core/breaker';

function breakers(): cache.Cache {
  return cache.getCache({ name: BREAKER_CACHE_NAME, scope: cache.Scope.PROTECTED });
}

/** 1 unit: every endpoint's stored value (endpoint → value); empty when none or unreadable (all closed). */
export function readBreakers(): (endpoint: EndpointIdentity) => string | null {
  let states: Record<string, string> = {};
  try {
    states = readBreakerStates(breakers().get({ key: BREAKERS_KEY }));
  } catch {
    // Unreadable: closed, as if the cache had dropped it.
  }
  return (endpoint) => states[breakerKey(endpoint)] ?? null;
}

/** 2 units: sets (value) or clears (null) one endpoint's breaker. */
function writeBreaker(endpoint: EndpointIdentity, value: string | null): void {
  try {
    const c = breakers();
    const next = withBreakerState(c.get({ key: BREAKERS_KEY }), endpoint, value, Date.now());
    c.put({ key: BREAKERS_KEY, value: next, ttl: BREAKER_TTL_SECONDS });
  } catch {
    // Not stored: the next save tries inline once more (open), or the cool-down ends it (close).
  }
}

/** 2 units: open until the time `value` holds (core `openUntilValue`, or a probe's claim). */
export function openBreaker(endpoint: EndpointIdentity, value: string): void {
  writeBreaker(endpoint, value);
}

/** 2 units: the receiver was seen healthy; saves post inline again. */
export function closeBreaker(endpoint: EndpointIdentity): void {
  writeBreaker(endpoint, null);
}

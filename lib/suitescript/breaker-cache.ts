/**
 * The circuit breaker's state in N/cache (lib/core/breaker.ts decides). PROTECTED scope: shared by every
 * script of this project, whoever runs it, so every user's saves and the retry worker see one state
 * (section_4655722738). Each call costs 1 unit (section_4642661440, section_4642661313,
 * section_4642660820) and never throws: the cache is a hint, the delivery record is the copy.
 */
import * as cache from 'N/cache';
import { BREAKER_CACHE_NAME, BREAKER_TTL_SECONDS, breakerKey, type EndpointIdentity } from '../core/breaker';

function breakers(): cache.Cache {
  return cache.getCache({ name: BREAKER_CACHE_NAME, scope: cache.Scope.PROTECTED });
}

/** 1 unit: the stored value, or null when there is none or the cache cannot be read (closed). */
export function readBreaker(endpoint: EndpointIdentity): string | null {
  try {
    return breakers().get({ key: breakerKey(endpoint) });
  } catch {
    return null;
  }
}

/** 1 unit: open until the time `value` holds (core `openUntilValue`, or a probe's claim). */
export function openBreaker(endpoint: EndpointIdentity, value: string): void {
  try {
    breakers().put({ key: breakerKey(endpoint), value, ttl: BREAKER_TTL_SECONDS });
  } catch {
    // Not stored: the next save tries inline once more, which is all a lost entry costs.
  }
}

/** 1 unit: the receiver was seen healthy; saves post inline again. */
export function closeBreaker(endpoint: EndpointIdentity): void {
  try {
    breakers().remove({ key: breakerKey(endpoint) });
  } catch {
    // Left open: it ends with its cool-down.
  }
}

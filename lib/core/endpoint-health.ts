/**
 * Endpoint health, like Svix (docs/configuration.md#endpoint-health): failing since, last success and
 * last error per endpoint record, written by the retry worker once per run; an endpoint failing
 * continuously for the configured time is disabled by the retry timer with one alert. Pure.
 */
import { ENDPOINT_FIELD as F } from './endpoint-record';

export interface EndpointHealth {
  /** ISO-8601 UTC of the first failed attempt since the last success; '' while healthy. */
  failingSince: string;
  lastSuccess: string;
  lastError: string;
}

/** One attempt's outcome for health: when, and the error ('' on success). */
export interface HealthObservation {
  at: number;
  ok: boolean;
  error: string;
}

/** Default time an endpoint may fail continuously before it is disabled. */
export const DEFAULT_DISABLE_AFTER_DAYS = 5;

export function healthOf(values: Readonly<Record<string, unknown>>): EndpointHealth {
  const t = (id: string) => (values[id] === null || values[id] === undefined ? '' : String(values[id]));
  return { failingSince: t(F.failingSince), lastSuccess: t(F.lastSuccess), lastError: t(F.lastError) };
}

/** Health after a run's attempts (in order): a success clears failing since; a failure starts it if clear. */
export function healthAfter(before: EndpointHealth, seen: readonly HealthObservation[]): EndpointHealth {
  let next = { ...before };
  for (const o of seen) {
    const at = new Date(o.at).toISOString();
    next = o.ok
      ? { ...next, failingSince: '', lastSuccess: at }
      : { ...next, failingSince: next.failingSince || at, lastError: o.error.slice(0, 300) };
  }
  return next;
}

/** The record values that changed (empty when nothing did). */
export function healthValues(before: EndpointHealth, after: EndpointHealth): Record<string, string> {
  const out: Record<string, string> = {};
  if (before.failingSince !== after.failingSince) out[F.failingSince] = after.failingSince;
  if (before.lastSuccess !== after.lastSuccess) out[F.lastSuccess] = after.lastSuccess;
  if (before.lastError !== after.lastError) out[F.lastError] = after.lastError;
  return out;
}

/** Whether an enabled endpoint has failed continuously for `disableAfterMs` at `now`. */
export function shouldDisable(health: EndpointHealth, disableAfterMs: number, now: number): boolean {
  const since = Date.parse(health.failingSince);
  return health.failingSince !== '' && Number.isFinite(since) && now - since >= disableAfterMs;
}

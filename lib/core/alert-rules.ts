/**
 * When an alert email goes out (pure): at most one per hour per kind, for deliveries that went dead since
 * the last report, or for an endpoint whose latest recorded attempt has failed for longer than the
 * configured time. The state is kept durably by the caller (the alert custom record).
 */

export const ALERT_KINDS = ['dead', 'failing'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** At most one email per hour per kind. */
export const ALERT_INTERVAL_MS = 3_600_000;
/** Looked back on the first run, before any state exists: the timer's period plus margin. */
export const FIRST_LOOKBACK_MS = 3_600_000;

export interface AlertState {
  /** When the last email of this kind went out. */
  lastSent: number | null;
  /** dead: deliveries that went dead after this were not reported yet; failing: failing since. */
  mark: number | null;
}

export interface Decision {
  send: boolean;
  next: AlertState;
}

function mayEmail(state: AlertState, now: number): boolean {
  return state.lastSent === null || now - state.lastSent >= ALERT_INTERVAL_MS;
}

/** The instant from which newly dead deliveries are counted. */
export function deadSince(state: AlertState, now: number): number {
  return state.mark ?? now - FIRST_LOOKBACK_MS;
}

/**
 * `newlyDead`: deliveries that went dead since `deadSince`, counted at `now`. Until an email goes out the
 * mark stays, so deliveries held back by the hourly limit are in the next email.
 */
export function decideDead(state: AlertState, newlyDead: number, now: number): Decision {
  if (newlyDead <= 0) return { send: false, next: { ...state, mark: now } };
  if (!mayEmail(state, now)) return { send: false, next: state };
  return { send: true, next: { lastSent: now, mark: now } };
}

/** `failing`: the latest recorded attempt failed. Failing since the first run that saw it. */
export function decideFailing(state: AlertState, failing: boolean, failingAfterMs: number, now: number): Decision {
  if (!failing) return { send: false, next: { ...state, mark: null } };
  const since = state.mark ?? now;
  const next = { ...state, mark: since };
  if (now - since < failingAfterMs || !mayEmail(state, now)) return { send: false, next };
  return { send: true, next: { ...next, lastSent: now } };
}

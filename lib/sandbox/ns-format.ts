/**
 * Values as SuiteScript hands them over: dates as `Date` at local midnight, date-times as instants, and
 * the text forms NetSuite shows (`M/D/YYYY`, `M/D/YYYY h:mm am`) in search results and `getText`.
 */
import { types } from 'node:util';

/** A Date from any realm (scripts run in their own context, so `instanceof Date` is not enough). */
export function isDate(value: unknown): value is Date {
  return types.isDate(value);
}

/** `YYYY-MM-DD` → the epoch ms of local midnight that day (how SuiteScript represents a date). */
export function localMidnight(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

export function formatDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

/** NetSuite's default date-time text in the user's time zone: `3/6/2026 12:34 pm`. */
export function formatDateTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute} ${String(parts.dayPeriod).toLowerCase()}`;
}

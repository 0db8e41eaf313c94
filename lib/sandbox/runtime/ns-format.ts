/**
 * Values as SuiteScript hands them over: dates as `Date` at midnight in the scripts' time zone,
 * date-times as instants, and the text forms NetSuite shows (`M/D/YYYY`, `M/D/YYYY h:mm am`) in search
 * results and `getText`.
 */
import { types } from 'node:util';
import { wallClockAsUtc } from '../../core';

/** A Date from any realm (scripts run in their own context, so `instanceof Date` is not enough). */
export function isDate(value: unknown): value is Date {
  return types.isDate(value);
}

/**
 * Server scripts run in the Pacific time zone, whatever the company's or the machine's
 * (section_4388843892): their local time, and so the `Date` of a date field, is Pacific.
 */
export const SCRIPT_TIME_ZONE = 'America/Los_Angeles';

/** The wall clock of an instant in a time zone, as epoch ms of the same wall time in UTC. */
function wallClock(ms: number, timeZone: string): number {
  return wallClockAsUtc(ms, timeZone) + (((ms % 1000) + 1000) % 1000);
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function ymdIn(ms: number, timeZone = SCRIPT_TIME_ZONE): string {
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → the epoch ms of midnight that day in a time zone (how SuiteScript represents a date). */
export function midnightIn(ymd: string, timeZone = SCRIPT_TIME_ZONE): number {
  const wall = Date.parse(`${ymd}T00:00:00Z`);
  const guess = wall - (wallClock(wall, timeZone) - wall);
  return wall - (wallClock(guess, timeZone) - guess);
}

export function formatDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

/** NetSuite's default date-time text in the user's time zone: `3/6/2026 12:34 pm`. */
export function formatDateTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute} ${String(parts.dayPeriod).toLowerCase()}`;
}

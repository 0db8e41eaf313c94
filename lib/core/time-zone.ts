/**
 * Wall clocks of instants in IANA time zones: the one place that asks `Intl` for them. SuiteQL shows
 * date-times in the user's time zone, and server scripts run in Pacific time (docs/netsuite.md#time-zones).
 */

/** A wall-clock reading, to the second. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Building an Intl formatter costs far more than using one: one per time zone. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATTERS.set(timeZone, format);
  }
  return format;
}

/** The wall clock of an instant in a time zone (UTC without Intl, which is slow per row). */
export function wallClockIn(ms: number, timeZone: string): WallClock {
  if (timeZone === 'UTC') {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${type} for the time zone ${timeZone}`);
    return Number(value);
  };
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The same wall time read as UTC, in epoch ms (whole seconds; years 0–99 stay themselves). */
export function wallClockAsUtc(ms: number, timeZone: string): number {
  const w = wallClockIn(ms, timeZone);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS`: the wall clock of an instant in a time zone, as text. */
export function wallClockText(ms: number, timeZone: string): string {
  const w = wallClockIn(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

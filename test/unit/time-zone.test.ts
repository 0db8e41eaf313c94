import { wallClockAsUtc, wallClockIn, wallClockText } from '../../lib/core';

const at = Date.UTC(2026, 6, 1, 12, 0, 5, 250);

it('reads the wall clock of an instant in UTC and in other zones (daylight saving included)', () => {
  expect(wallClockText(at, 'UTC')).toBe('2026-07-01T12:00:05');
  expect(wallClockText(at, 'America/New_York')).toBe('2026-07-01T08:00:05');
  expect(wallClockText(Date.UTC(2026, 0, 1, 12), 'America/New_York')).toBe('2026-01-01T07:00:00');
  expect(wallClockText(at, 'Asia/Kolkata')).toBe('2026-07-01T17:30:05');
  expect(wallClockIn(Date.UTC(2026, 0, 1, 7, 59, 59), 'America/Los_Angeles')).toEqual({
    year: 2025,
    month: 12,
    day: 31,
    hour: 23,
    minute: 59,
    second: 59,
  });
});

it('gives the same wall time read as UTC, to the second, without folding years 0–99 into the 1900s', () => {
  expect(wallClockAsUtc(at, 'UTC')).toBe(Date.UTC(2026, 6, 1, 12, 0, 5));
  expect(wallClockAsUtc(at, 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 8, 0, 5));
  const year50 = new Date(0);
  year50.setUTCFullYear(50, 5, 1);
  expect(wallClockText(year50.getTime(), 'UTC')).toBe('0050-06-01T00:00:00');
  expect(wallClockAsUtc(year50.getTime(), 'UTC')).toBe(year50.getTime());
});

it('agrees with UTC for every zone at the same instant when read back through the offset', () => {
  for (const zone of ['UTC', 'Europe/Berlin', 'Australia/Sydney', 'Pacific/Chatham', 'America/St_Johns']) {
    const offset = wallClockAsUtc(at, zone) - Math.floor(at / 1000) * 1000;
    expect(Math.abs(offset)).toBeLessThan(14 * 3_600_000);
    expect(Math.abs(offset) % (15 * 60_000)).toBe(0);
  }
});

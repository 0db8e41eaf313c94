import {
  classifyAttempt,
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  nextAttemptAt,
  parseRetryAfter,
  RETRY_DELAYS_MS,
} from '../../lib/core';

const HOUR = 3_600_000;

describe('retry schedule', () => {
  it('follows the contract: 5 min … 24 h, about three days in all', () => {
    expect(RETRY_DELAYS_MS.map((ms) => ms / 60_000)).toEqual([5, 30, 120, 300, 600, 840, 1200, 1440]);
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total / HOUR).toBeGreaterThan(72);
    expect(total / HOUR).toBeLessThan(84);
    expect(MAX_ATTEMPTS).toBe(9);
  });

  it('keeps jitter within ±10% of each delay', () => {
    RETRY_DELAYS_MS.forEach((delay, i) => {
      for (const r of [0, 0.5, 0.999999]) {
        const at = nextAttemptAt(i + 1, 1_000, () => r)!;
        expect(at - 1_000).toBeGreaterThanOrEqual(Math.round(delay * 0.9));
        expect(at - 1_000).toBeLessThanOrEqual(Math.round(delay * 1.1));
      }
    });
  });

  it('ends after the last scheduled retry', () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, 0, () => 0.5)).toBeNull();
    expect(() => nextAttemptAt(0, 0, () => 0.5)).toThrow(RangeError);
  });

  it('honours a retry-after later than the schedule, ignores an earlier one', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(nextAttemptAt(1, now, () => 0.5, 3 * HOUR)).toBe(now + 3 * HOUR);
    expect(nextAttemptAt(1, now, () => 0.5, 1_000)).toBe(now + 5 * 60_000);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 60_000).toUTCString(), now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('caps retry-after at the longest step, so a receiver cannot park an event for ever', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(MAX_RETRY_AFTER_MS).toBe(24 * HOUR);
    expect(nextAttemptAt(1, now, () => 0.5, parseRetryAfter('31536000', now))).toBe(now + 24 * HOUR);
    expect(nextAttemptAt(1, now, () => 0.5, parseRetryAfter('9'.repeat(400), now))).toBe(now + 24 * HOUR);
    expect(nextAttemptAt(1, now, () => 0.5, parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now))).toBe(
      now + 24 * HOUR,
    );
    expect(nextAttemptAt(1, now, () => 0.5, Number.NaN)).toBe(now + 5 * 60_000);
    const outcome = classifyAttempt({ status: 429, retryAfter: '9'.repeat(400) }, 1, now, () => 0.5);
    expect(outcome).toEqual({ kind: 'retry', at: now + 24 * HOUR, reason: 'HTTP 429' });
  });

  it('reads retry-after dates in the past as now, trims spaces, ignores an empty value', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter(new Date(now - 60_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('', now)).toBeNull();
  });

  it('classifies outcomes: 2xx delivered, 410 dead, others retried then dead', () => {
    const r = () => 0.5;
    expect(classifyAttempt({ status: 204 }, 1, 0, r).kind).toBe('delivered');
    expect(classifyAttempt({ status: 410 }, 1, 0, r).kind).toBe('dead');
    for (const status of [301, 400, 404, 429, 500, 503, null]) {
      expect(classifyAttempt({ status, error: 'ECONNREFUSED' }, 1, 0, r)).toMatchObject({ kind: 'retry', at: 300_000 });
      expect(classifyAttempt({ status }, MAX_ATTEMPTS, 0, r).kind).toBe('dead');
    }
  });
});

/** The circuit breaker's and the worker budget's pure decisions (lib/core/breaker.ts, lib/core/worker-budget.ts). */
import {
  BREAKER_COOL_DOWN_MS,
  breakerKey,
  decideInline,
  EndpointTally,
  LAST_POST_START_MS,
  NO_ANSWER_LIMIT,
  openUntilValue,
  showsDown,
  timeForAnotherPost,
} from '../../lib/core';

const NOW = Date.parse('2026-03-06T12:00:00Z');

describe('decideInline', () => {
  test('absent, empty or foreign values read as closed (a lost entry costs one attempt, never an event)', () => {
    for (const stored of [null, '', '  ', 'open', '{"a":1}', 'NaN'])
      expect(decideInline(stored, NOW)).toEqual({ kind: 'post' });
  });

  test('open until the stored time; from then on the first save probes and claims a fresh cool-down', () => {
    const stored = openUntilValue(NOW);
    expect(decideInline(stored, NOW + BREAKER_COOL_DOWN_MS - 1)).toEqual({
      kind: 'skip',
      until: NOW + BREAKER_COOL_DOWN_MS,
    });
    const later = NOW + BREAKER_COOL_DOWN_MS;
    expect(decideInline(stored, later)).toEqual({ kind: 'probe', claim: String(later + BREAKER_COOL_DOWN_MS) });
  });

  test("the cool-down is N/cache's minimum ttl: five minutes", () => {
    expect(BREAKER_COOL_DOWN_MS).toBe(300_000);
  });
});

test.each([
  [{ status: null, error: 'SSS_REQUEST_TIME_EXCEEDED' }, true],
  [{ status: 500 }, true],
  [{ status: 503 }, true],
  [{ status: 429 }, true],
  [{ status: 204 }, false],
  [{ status: 307 }, false],
  [{ status: 400 }, false],
  [{ status: 410 }, false],
])('showsDown(%j) is %s', (result, down) => expect(showsDown(result)).toBe(down));

test('breakerKey: one key per endpoint identity, bounded for N/cache (4 KB keys), long identities kept apart', () => {
  expect(breakerKey('https://a.example.com/hooks')).toBe('endpoint:https://a.example.com/hooks');
  expect(breakerKey('https://a.example.com/hooks')).not.toBe(breakerKey('https://b.example.com/hooks'));
  const long = `https://a.example.com/${'x'.repeat(5000)}`;
  expect(breakerKey(`${long}1`).length).toBeLessThanOrEqual(1000);
  expect(breakerKey(`${long}1`)).not.toBe(breakerKey(`${long}2`));
});

describe('the worker budget', () => {
  test('no POST starts once the longest POST (50 s) and the margin would not fit in 3,600 s', () => {
    expect(LAST_POST_START_MS).toBe(3_250_000);
    expect(timeForAnotherPost(LAST_POST_START_MS)).toBe(true);
    expect(timeForAnotherPost(LAST_POST_START_MS + 1)).toBe(false);
  });

  test('an endpoint is given up after NO_ANSWER_LIMIT POSTs in a row without an answer; an answer resets the count', () => {
    const tally = new EndpointTally();
    const silent = { status: null };
    expect(tally.record('a', silent)).toBe('unhealthy');
    expect(tally.record('a', { status: 500 })).toBe('unhealthy'); // an answer, if a bad one
    for (let i = 1; i < NO_ANSWER_LIMIT; i++) expect(tally.record('a', silent)).toBe('unhealthy');
    expect(tally.record('b', { status: 204 })).toBe('healthy');
    expect(tally.record('a', silent)).toBe('down');
    expect(tally.sending('a')).toBe(false);
    expect(tally.sending('b')).toBe(true);
    expect(tally.down()).toEqual(['a']);
  });
});

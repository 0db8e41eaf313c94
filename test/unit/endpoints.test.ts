/** The pure core of endpoints: parsing a record with the parameters' validator, subscriptions, health, breakers. */
import { readBreakerStates, withBreakerState, breakerKey, BREAKER_TTL_SECONDS } from '../../lib/core/breaker';
import { PARAM } from '../../lib/core/config';
import { healthAfter, healthValues, shouldDisable, type EndpointHealth } from '../../lib/core/endpoint-health';
import {
  changesConfiguration,
  deliveryEndpointId,
  ENDPOINT_FIELD as EP,
  parametersEndpoint,
  parametersInUse,
  parseEndpoint,
  PARAMETERS_ENDPOINT,
  readStoredEndpoints,
  subscribes,
} from '../../lib/core/endpoint-record';

const DAY = 86_400_000;

describe('an endpoint record', () => {
  test("goes through the parameters' validator; its problems name the record's fields, never a script parameter", () => {
    const e = parseEndpoint('12', {
      name: 'SIEM',
      [EP.url]: 'http://siem.example.com/hook',
      [EP.secretId]: 'custsecret_siem',
      [EP.payloadMode]: 'nope',
      [EP.enabled]: true,
    });
    expect(e).toMatchObject({ id: '12', name: 'SIEM', enabled: true, active: true });
    expect(e.result.problems.map((p) => [p.param, p.blocking])).toEqual([
      [EP.url, true],
      [EP.payloadMode, false],
    ]);
    expect(e.result.errors.join(' ')).not.toMatch(/custscript_/);
    expect(e.result.config.payloadMode).toBe('full'); // the safe default, as for the parameters
  });

  test('filters: record types, event types and contexts; inactive wants nothing, disabled still does (kept)', () => {
    const e = parseEndpoint('3', {
      [EP.url]: 'https://hr.example.com/',
      [EP.secretId]: 'custsecret_hr',
      [EP.recordTypes]: 'vendor, partner',
      [EP.eventTypes]: 'create',
      [EP.contexts]: 'USERINTERFACE',
      [EP.enabled]: 'F',
    });
    expect(subscribes(e, 'vendor', 'create', 'userinterface')).toBe(true);
    expect(subscribes(e, 'employee', 'create', 'USERINTERFACE')).toBe(false);
    expect(subscribes(e, 'vendor', 'edit', 'USERINTERFACE')).toBe(false);
    expect(subscribes(e, 'vendor', 'create', 'CSVIMPORT')).toBe(false);
    expect(e.enabled).toBe(false);
    expect(subscribes({ ...e, active: false }, 'vendor', 'create', 'USERINTERFACE')).toBe(false);
    // A misspelt record type means all (a typo loses no event), reported.
    const typo = parseEndpoint('4', { [EP.recordTypes]: 'vendr' });
    expect(typo.result.config.recordTypes).toBeNull();
    expect(typo.result.errors.join()).toContain(`${EP.recordTypes}: unknown record type "vendr"`);
  });

  test('the parameters endpoint: in use while its URL is set, or when no record exists; old deliveries are its', () => {
    const read = (values: Record<string, string>) => (id: string) => values[id] ?? null;
    expect(parametersInUse(read({}), 0)).toBe(true);
    expect(parametersInUse(read({}), 2)).toBe(false);
    expect(parametersInUse(read({ [PARAM.endpointUrl]: 'https://a.example.com/' }), 2)).toBe(true);
    expect(parametersEndpoint(read({})).id).toBe(PARAMETERS_ENDPOINT);
    expect(deliveryEndpointId('')).toBe(PARAMETERS_ENDPOINT);
    expect(deliveryEndpointId(' 12 ')).toBe('12');
    expect(readStoredEndpoints('not json')).toEqual([]);
    expect(readStoredEndpoints(JSON.stringify({ endpoints: [{ id: 5, values: {} }] }))[0]!.id).toBe('5');
  });
});

test("the endpoint record's user event keeps the cache when only health fields were edited (the worker's writes)", () => {
  expect(changesConfiguration('xedit', [EP.failingSince, EP.lastSuccess, EP.lastError])).toBe(false);
  expect(changesConfiguration('xedit', [EP.enabled, EP.disabledReason])).toBe(true);
  expect(changesConfiguration('edit', [])).toBe(true);
  expect(changesConfiguration('create', null)).toBe(true);
  expect(changesConfiguration('delete', null)).toBe(true);
});

describe('endpoint health', () => {
  const none: EndpointHealth = { failingSince: '', lastSuccess: '', lastError: '' };
  test('a failure starts failing since, later failures keep it, a success clears it', () => {
    const t0 = Date.parse('2026-03-01T00:00:00Z');
    const failing = healthAfter(none, [
      { at: t0, ok: false, error: 'HTTP 503' },
      { at: t0 + DAY, ok: false, error: 'HTTP 502' },
    ]);
    expect(failing).toEqual({ failingSince: '2026-03-01T00:00:00.000Z', lastSuccess: '', lastError: 'HTTP 502' });
    expect(shouldDisable(failing, 5 * DAY, t0 + 5 * DAY - 1)).toBe(false);
    expect(shouldDisable(failing, 5 * DAY, t0 + 5 * DAY)).toBe(true);
    const healed = healthAfter(failing, [{ at: t0 + 2 * DAY, ok: true, error: '' }]);
    expect(healed.failingSince).toBe('');
    expect(healthValues(failing, healed)).toEqual({
      [EP.failingSince]: '',
      [EP.lastSuccess]: '2026-03-03T00:00:00.000Z',
    });
    expect(shouldDisable(none, DAY, t0)).toBe(false);
  });
});

describe('the breakers in one cache entry', () => {
  test('set and clear one endpoint without touching another; stale entries are dropped', () => {
    const now = 1_000_000_000;
    let text = withBreakerState(null, '1', String(now + 300_000), now);
    text = withBreakerState(text, '2', String(now + 300_000), now);
    expect(Object.keys(readBreakerStates(text))).toEqual([breakerKey('1'), breakerKey('2')]);
    text = withBreakerState(text, '1', null, now);
    expect(readBreakerStates(text)).toEqual({ [breakerKey('2')]: String(now + 300_000) });
    const later = now + 300_000 + BREAKER_TTL_SECONDS * 1000 + 1;
    expect(readBreakerStates(withBreakerState(text, '3', String(later), later))).toEqual({
      [breakerKey('3')]: String(later),
    });
    expect(readBreakerStates('[1,2]')).toEqual({});
  });
});

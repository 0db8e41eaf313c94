/**
 * The console's and the alerts' pure parts: filters become bound SuiteQL (never text in the query), what
 * the pages show is escaped and never carries a query-string token, alert settings are checked, and the
 * hourly limit holds for any sequence of timer runs.
 */
import fc from 'fast-check';
import { ALERT_PARAM, parseAlertConfig } from '../../lib/core/alert-config';
import { ALERT_INTERVAL_MS, deadSince, decideDead, decideFailing, type AlertState } from '../../lib/core/alert-rules';
import { DELIVERY_FIELD } from '../../lib/core/delivery-record';
import { buildPingEvent, makePingId } from '../../lib/core/ping';
import { createHmac } from 'node:crypto';
import {
  foreignOrigin,
  hostOf,
  sameText,
  tokenInput,
  tokenValid,
  WINDOW_MS,
  windowOf,
} from '../../lib/suitescript/console/csrf';
import {
  attemptText,
  deniedText,
  esc,
  formatAge,
  formatNextAttempt,
  plural,
  prettyJson,
  redactEndpoint,
} from '../../lib/suitescript/console/format';
import {
  countMatching,
  filterClause,
  NO_FILTERS,
  page,
  PAGE_SIZE,
  statusSummary,
  sysdateMinus,
  validFilters,
} from '../../lib/suitescript/console/outbox-sql';

describe('outbox SuiteQL', () => {
  test('filters are bound parameters; bad values are named and ignored', () => {
    const q = page(
      {
        status: 'dead',
        employee: '42',
        eventType: 'employee.updated',
        from: '2026-03-01',
        to: '2026-03-31',
        endpoint: '12',
      },
      { before: 900 },
    );
    expect(q.params).toEqual(['dead', '42', 'employee.updated', '12', '2026-03-01', '2026-04-01', 900]);
    expect(q.query).toContain(`FETCH FIRST ${PAGE_SIZE + 1} ROWS ONLY`);
    expect(q.query).toMatch(/ORDER BY id DESC/);
    const bad = filterClause({
      status: 'gone',
      employee: "1' OR 1=1 --",
      eventType: 'x',
      from: '2026-02-30',
      to: 'today',
      endpoint: "12' OR 1=1",
    });
    expect(bad.where).toEqual([]);
    expect(bad.errors).toHaveLength(6);
    // The parameters endpoint also owns deliveries stored before endpoints existed (no endpoint).
    expect(filterClause({ ...NO_FILTERS, endpoint: 'parameters' }).where).toEqual([
      '(custrecord_suitehooks_endpoint = ? OR custrecord_suitehooks_endpoint IS NULL)',
    ]);
    expect(countMatching(NO_FILTERS).query).not.toContain('WHERE');
  });

  test('the event type filter takes every type of the registry (vendor.created, customer.deleted, …)', () => {
    for (const eventType of ['vendor.created', 'partner.updated', 'customer.deleted'])
      expect(filterClause({ ...NO_FILTERS, eventType }).errors).toEqual([]);
    expect(filterClause({ ...NO_FILTERS, eventType: 'contact.created' }).errors).toEqual([
      expect.stringContaining('event type must be one of employee.created'),
    ]);
  });

  test('no filter value ever reaches the query text: only whether it is valid shapes the query', () => {
    const shape = (employee: string, from: string) => page({ ...NO_FILTERS, employee, from }, {}).query;
    fc.assert(
      fc.property(fc.string(), fc.string(), (employee, from) => {
        const validEmployee = employee !== '' && filterClause({ ...NO_FILTERS, employee }).errors.length === 0;
        const validFrom = from !== '' && filterClause({ ...NO_FILTERS, from }).errors.length === 0;
        expect(shape(employee, from)).toBe(shape(validEmployee ? '1' : '', validFrom ? '2000-01-01' : ''));
      }),
    );
  });

  test('times are relative to SYSDATE in days', () => {
    expect(sysdateMinus(86_400_000)).toBe('SYSDATE - 1');
    expect(sysdateMinus(3_600_000)).toBe('SYSDATE - 0.041666667');
    expect(sysdateMinus(1)).toBe('SYSDATE - 0.000000012');
    expect(sysdateMinus(0)).toBe('SYSDATE - 0'); // rounded up: never a later start than asked
    expect(statusSummary().query).toContain('lastmodified >= SYSDATE - 1');
  });

  test('the previous page is read ascending from its first id', () => {
    expect(page(NO_FILTERS, { after: 10 })).toMatchObject({ params: [10] });
    expect(page(NO_FILTERS, { after: 10 }).query).toMatch(/id > \? ORDER BY id ASC/);
  });
});

describe('what the pages show', () => {
  test('escaping, ages, JSON and endpoints', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(90_061_000)).toBe('1 d 1 h');
    expect(formatAge(125_000)).toBe('2 min 5 s');
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('not json')).toBe('not json');
    expect(redactEndpoint('https://hooks.example.com/in?token=abc#x')).toBe('https://hooks.example.com/in?…');
    expect(redactEndpoint('https://user:pw@hooks.example.com/in')).toBe('https://hooks.example.com/in');
    expect(redactEndpoint('')).toBe('');
  });

  test('Next Attempt is the stored UTC text: empty on a pending delivery is due now, a typo shows as typed', () => {
    expect(formatNextAttempt('2026-03-06T12:39:56.789Z', 'pending')).toBe('2026-03-06 12:39:56 UTC');
    expect(formatNextAttempt('', 'pending')).toBe('due now');
    expect(formatNextAttempt('  ', 'dead')).toBe('');
    expect(formatNextAttempt('tomorrow', 'pending')).toBe('tomorrow');
  });

  test('the list reads Next Attempt as stored text, never through TO_CHAR (it is no date column)', () => {
    expect(page(NO_FILTERS, {}).query).toContain(`${DELIVERY_FIELD.nextAttempt} AS next_attempt`);
    expect(page(NO_FILTERS, {}).query).not.toContain(`TO_CHAR(${DELIVERY_FIELD.nextAttempt}`);
  });
});

describe('alert settings', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? null;

  test('off by default; recipients are emails or employee ids; each problem names its parameter', () => {
    expect(parseAlertConfig(read({}))).toMatchObject({
      recipients: [],
      author: null,
      failingAfterMs: 3_600_000,
      errors: [],
    });
    expect(
      parseAlertConfig(
        read({ [ALERT_PARAM.recipients]: 'a@b.co, 7', [ALERT_PARAM.author]: '3', [ALERT_PARAM.failingMinutes]: '45' }),
      ),
    ).toEqual({
      recipients: ['a@b.co', 7],
      author: 3,
      failingAfterMs: 45 * 60_000,
      disableAfterMs: 5 * 86_400_000,
      errors: [],
    });
    const bad = parseAlertConfig(read({ [ALERT_PARAM.recipients]: 'nobody', [ALERT_PARAM.failingMinutes]: '5' }));
    expect(bad.errors.join('\n')).toMatch(new RegExp(`${ALERT_PARAM.recipients}: "nobody"`));
    expect(bad.errors.join('\n')).toContain(
      `${ALERT_PARAM.failingMinutes} must be a whole number of minutes, at least 15`,
    );
    expect(parseAlertConfig(read({ [ALERT_PARAM.recipients]: 'a@b.co' })).errors).toEqual([
      `${ALERT_PARAM.author} is not set: alert emails need an employee as sender`,
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `u${i}@x.io`).join(',');
    expect(parseAlertConfig(read({ [ALERT_PARAM.recipients]: many, [ALERT_PARAM.author]: '1' })).errors[0]).toContain(
      'at most 10 recipients',
    );
  });
});

describe('alert rules', () => {
  const start: AlertState = { lastSent: null, mark: null };

  test('never two emails of one kind within an hour; every death up to the mark was reported', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ gap: fc.integer({ min: 2, max: 90 * 60_000 }), deaths: fc.nat(3), failing: fc.boolean() }),
          { maxLength: 60 },
        ),
        (runs) => {
          let now = 1_000_000_000;
          let dead = start;
          let failing = start;
          let firstSince: number | null = null;
          const sent: { dead: number[]; failing: number[] } = { dead: [], failing: [] };
          const deaths: { at: number; reported: boolean }[] = [];
          for (const r of runs) {
            for (let i = 0; i < r.deaths; i++)
              deaths.push({ at: now + 1 + (((i * r.gap) >> 2) % (r.gap - 1)), reported: false });
            now += r.gap;
            const since = deadSince(dead, now);
            firstSince ??= since;
            const fresh = deaths.filter((d) => d.at > since && d.at <= now);
            const d = decideDead(dead, fresh.length, now);
            if (d.send) {
              sent.dead.push(now);
              for (const f of fresh) f.reported = true;
            }
            dead = d.next;
            if (dead.mark !== null)
              for (const x of deaths) if (x.at <= dead.mark && x.at > firstSince) expect(x.reported).toBe(true);
            const f = decideFailing(failing, r.failing, 30 * 60_000, now);
            if (f.send) sent.failing.push(now);
            failing = f.next;
          }
          for (const list of [sent.dead, sent.failing])
            for (let i = 1; i < list.length; i++)
              expect(list[i]! - list[i - 1]!).toBeGreaterThanOrEqual(ALERT_INTERVAL_MS);
          // Deaths before the first run's look-back are outside any report by design; the rest are reported or still after the mark.
          for (const x of deaths)
            if (!x.reported && x.at > (firstSince ?? 0)) expect(x.at > (dead.mark ?? 0)).toBe(true);
        },
      ),
    );
  });

  test('failing is reported only after the configured time, from the first run that saw it', () => {
    const t0 = 10_000_000;
    const first = decideFailing(start, true, 30 * 60_000, t0);
    expect(first).toEqual({ send: false, next: { lastSent: null, mark: t0 } });
    expect(decideFailing(first.next, true, 30 * 60_000, t0 + 29 * 60_000).send).toBe(false);
    expect(decideFailing(first.next, true, 30 * 60_000, t0 + 30 * 60_000)).toEqual({
      send: true,
      next: { lastSent: t0 + 30 * 60_000, mark: t0 },
    });
    expect(decideFailing(first.next, false, 30 * 60_000, t0 + 1)).toEqual({
      send: false,
      next: { lastSent: null, mark: null },
    });
  });
});

describe('the test event', () => {
  test('suitehooks.ping carries no employee data; its id is a valid webhook-id', () => {
    const id = makePingId(1_741_264_496_789, 'a-b.c/d');
    expect(id).toMatch(/^ping_[a-z0-9]+_abcd$/);
    const event = buildPingEvent({
      id,
      account: '1234567_SB1',
      origin: { executionContext: 'SUITELET', user: { id: '7' }, role: { id: '3' } },
      nowMs: 0,
    });
    expect(event.data.message).toEqual(expect.any(String));
    expect(event).toEqual({
      type: 'suitehooks.ping',
      timestamp: '1970-01-01T00:00:00.000Z',
      data: {
        id,
        account: '1234567_SB1',
        message: event.data.message,
        origin: { executionContext: 'SUITELET', user: { id: '7' }, role: { id: '3' } },
      },
    });
  });
});

describe('what the pages say', () => {
  test('counts agree with their noun; an HTTP status is said once; a permission error in words', () => {
    expect(plural(1, 'dead delivery', 'dead deliveries')).toBe('1 dead delivery');
    expect(plural(0, 'dead delivery', 'dead deliveries')).toBe('0 dead deliveries');
    expect(plural(2, 'delivery', 'deliveries')).toBe('2 deliveries');
    expect(attemptText('410', 'HTTP 410 Gone: the receiver asked for no more retries')).toBe(
      'HTTP 410 Gone: the receiver asked for no more retries',
    );
    expect(attemptText('500', 'HTTP 500; gave up after 8 attempts')).toBe('HTTP 500; gave up after 8 attempts');
    expect(attemptText('404', 'SSS_X: no')).toBe('HTTP 404: SSS_X: no');
    expect(attemptText('', 'SSS_CONNECTION_CLOSED: refused')).toBe('SSS_CONNECTION_CLOSED: refused');
    expect(attemptText('200', '')).toBe('HTTP 200');
    expect(deniedText({ name: 'INSUFFICIENT_PERMISSION', message: 'x' })).toBe('not visible to your role');
    expect(deniedText({ name: 'RCRD_DSNT_EXIST', message: 'employee 7 secret' })).toBe(
      'not readable (RCRD_DSNT_EXIST)',
    );
  });

  test('only valid filter values are echoed back', () => {
    expect(
      validFilters({
        status: 'dead',
        employee: '1" x',
        eventType: 'employee.updated',
        from: '2026-02-30',
        to: '2026-03-01',
        endpoint: '<b>',
      }),
    ).toEqual({
      status: 'dead',
      employee: '',
      eventType: 'employee.updated',
      from: '',
      to: '2026-03-01',
      endpoint: '',
    });
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (employee, from, to) => {
        const echoed = validFilters({ ...NO_FILTERS, employee, from, to });
        expect(filterClause(echoed).errors).toEqual([]);
        for (const v of Object.values(echoed)) expect(v).toMatch(/^[a-z0-9.-]*$/);
      }),
    );
  });
});

describe('form tokens and origins (CSRF)', () => {
  const sign = (input: string) => createHmac('sha256', 'k').update(input).digest('base64');
  const who = { userId: '7', deploymentId: 'customdeploy_suitehooks_console' };
  const now = Date.UTC(2026, 2, 6, 12);

  test('a token is good in its window and the next, for its user and deployment only', () => {
    const token = sign(tokenInput('7', who.deploymentId, windowOf(now)));
    expect(tokenValid(sign, token, who, now)).toBe(true);
    expect(tokenValid(sign, token, who, now + WINDOW_MS)).toBe(true);
    expect(tokenValid(sign, token, who, now + 2 * WINDOW_MS)).toBe(false);
    expect(tokenValid(sign, token, { ...who, userId: '8' }, now)).toBe(false);
    expect(tokenValid(sign, token, { ...who, deploymentId: 'customdeploy_other' }, now)).toBe(false);
    expect(tokenValid(sign, '', who, now)).toBe(false);
    expect(tokenInput('7', 'D', 1)).not.toBe(tokenInput('7D', '', 1)); // fields are separated
    expect([sameText('abc', 'abc'), sameText('abc', 'abd'), sameText('abc', 'abcd'), sameText('', '')]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  test('Origin decides when sent, else Referer; another host, a port or null is foreign', () => {
    const own = ['1234567.app.netsuite.com', ''];
    expect(hostOf('https://user@1234567.app.netsuite.com:443/x?y')).toBe('1234567.app.netsuite.com:443');
    expect(hostOf('null')).toBeNull();
    expect(foreignOrigin({}, own)).toBeNull();
    expect(foreignOrigin({ Origin: 'https://1234567.app.netsuite.com' }, own)).toBeNull();
    expect(foreignOrigin({ referer: 'https://1234567.APP.netsuite.com/app/x' }, own)).toBeNull();
    expect(foreignOrigin({ origin: 'https://1234567.app.netsuite.com.evil.example' }, own)).toMatch(/Origin header/);
    expect(foreignOrigin({ origin: 'https://1234567.app.netsuite.com:8443' }, own)).toMatch(/Origin header/);
    expect(foreignOrigin({ origin: 'null' }, own)).toMatch(/Origin header/);
    expect(foreignOrigin({ referer: 'https://evil.example/1234567.app.netsuite.com' }, own)).toMatch(/Referer header/);
    // Origin wins over a Referer that looks right.
    expect(
      foreignOrigin({ origin: 'https://evil.example', referer: 'https://1234567.app.netsuite.com/' }, own),
    ).toMatch(/Origin header/);
  });
});

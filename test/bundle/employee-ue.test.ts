/** The BUILT user event (src/FileCabinet/…/suitehooks_employee_ue.js) under Oracle's stubs. */
jest.mock('N/https');
jest.mock('N/crypto');
jest.mock('N/runtime');
jest.mock('N/record');
jest.mock('N/log');
jest.mock('N/cache');

import { Webhook } from 'standardwebhooks';
import { PARAM } from '../../lib/core/config';
import type { WebhookEvent } from '../../lib/core/envelope';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { FAN_OUT, RECORD_UNITS, UNIT_COST, USAGE_LIMIT } from '../../lib/core/governance';
import { RETRY_DELAYS_MS } from '../../lib/core/retry-schedule';
import {
  employeeRecord,
  installFakes,
  PREV_SECRET_ID,
  SECRET_ID,
  suiteScriptError,
  type EmployeeFixture,
  type FakeAccount,
} from './fake-netsuite';

const { afterSubmit } = require('SuiteScripts/suitehooks/suitehooks_employee_ue.js') as {
  afterSubmit: (ctx: unknown) => void;
};

const ENDPOINT = 'https://hooks.example.com/netsuite';
/** The success path: the breaker's read (N/cache get 1) and the POST (10); at most one unit over the floor. */
const SUCCESS_UNITS = FAN_OUT.overhead + UNIT_COST.https;
const MODIFIED = new Date('2026-03-06T12:34:56.000Z');

const JANE: EmployeeFixture = {
  id: 456,
  values: {
    entityid: 'JD-1',
    firstname: 'Jane',
    lastname: 'Doe',
    email: 'jane.doe@example.com',
    title: 'Engineer',
    isinactive: false,
    giveaccess: true,
    department: '3',
    hiredate: new Date(2024, 0, 15),
    lastmodifieddate: new Date('2026-03-01T08:00:00.000Z'),
  },
  texts: { department: 'Ops' },
  roles: [{ id: '15', name: 'Sales Rep' }],
};

function edited(
  base: EmployeeFixture,
  values: Record<string, unknown>,
  extra: Partial<EmployeeFixture> = {},
): EmployeeFixture {
  return { ...base, values: { ...base.values, lastmodifieddate: MODIFIED, ...values }, ...extra };
}

function run(type: string, next: EmployeeFixture | null, old: EmployeeFixture | null): void {
  afterSubmit({
    type,
    newRecord: employeeRecord(next ?? old!),
    oldRecord: old ? employeeRecord(old) : null,
  });
}

let account: FakeAccount;
beforeEach(() => {
  account = installFakes({ params: { [PARAM.endpointUrl]: ENDPOINT, [PARAM.secretId]: SECRET_ID } });
});

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** The one POST's body, verified with the API Secret `secretId` (throws if it does not verify). */
function verified(secretId = SECRET_ID): WebhookEvent {
  const post = only(account.posts);
  return new Webhook(`whsec_${account.secrets[secretId]}`).verify(post.body, post.headers) as WebhookEvent;
}

function storedDelivery(): Record<string, unknown> {
  return only([...account.deliveries.values()]);
}

describe('the signed request', () => {
  test('create: one POST, verified by standardwebhooks, costing 11 units (the POST and the breaker read) and nothing else', () => {
    run('create', JANE, null);
    const post = only(account.posts);
    expect(post.url).toBe(ENDPOINT);
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.headers['user-agent']).toMatch(/^suitehooks\//);
    const event = verified();
    expect(event.type).toBe('employee.created');
    expect(event.data).toMatchObject({
      id: post.headers['webhook-id'],
      account: '1234567_SB1',
      recordType: 'employee',
      recordId: '456',
      changeType: 'create',
      eventType: 'create',
      origin: { executionContext: 'USERINTERFACE', user: { id: '42' }, role: { id: '3' } },
      sequence: Date.parse('2026-03-01T08:00:00.000Z'),
    });
    expect(event.data.changes.firstName).toEqual({ old: null, new: 'Jane' });
    expect(event.data.changes.department).toEqual({ old: null, new: { id: '3', refName: 'Ops' } });
    expect(event.data.changes.roles).toEqual({ added: [{ id: '15', refName: 'Sales Rep' }], removed: [] });
    expect(event.data.record).toMatchObject({
      id: '456',
      firstName: 'Jane',
      hireDate: '2024-01-15',
      isInactive: false,
    });
    expect(event.data.lifecycle).toEqual(['access_granted']);
    expect(Math.abs(Number(post.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(post.headers['webhook-id']).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(account.remainingUsage).toBe(USAGE_LIMIT.userEvent - SUCCESS_UNITS);
    expect(account.deliveries.size).toBe(0);
  });

  test('edit: only the changed fields, old and new, with lifecycle, warnings and lastModifiedDate as sequence', () => {
    const next = edited(
      JANE,
      { title: 'Senior Engineer', isinactive: true, department: '10' },
      {
        texts: { department: 'Engineering' },
        roles: [
          { id: '15', name: 'Sales Rep' },
          { id: '3', name: 'Administrator' },
        ],
      },
    );
    run('edit', next, JANE);
    const event = verified();
    expect(event.type).toBe('employee.updated');
    expect(event.data.eventType).toBe('edit');
    expect(event.data.changedFields).toEqual(['department', 'isInactive', 'roles', 'title']);
    expect(event.data.changes.title).toEqual({ old: 'Engineer', new: 'Senior Engineer' });
    expect(event.data.changes.department).toEqual({
      old: { id: '3', refName: 'Ops' },
      new: { id: '10', refName: 'Engineering' },
    });
    expect(event.data.changes.roles).toEqual({ added: [{ id: '3', refName: 'Administrator' }], removed: [] });
    expect(event.data.lifecycle).toEqual(['deactivated']);
    expect(event.data.warnings).toEqual(['PARTIAL_DEPROVISION']);
    expect(event.data.sequence).toBe(MODIFIED.getTime());
    expect(event.timestamp).toBe(MODIFIED.toISOString());
    expect(account.remainingUsage).toBe(USAGE_LIMIT.userEvent - SUCCESS_UNITS);
  });

  test('xedit: compares only the edited fields and fills `record` from the old record at no cost', () => {
    const next: EmployeeFixture = {
      id: 456,
      values: { title: 'Staff Engineer', lastmodifieddate: MODIFIED },
      edited: ['title', 'lastmodifieddate'],
    };
    run('xedit', next, JANE);
    const event = verified();
    expect(event.data.eventType).toBe('xedit');
    expect(event.data.changedFields).toEqual(['title']);
    expect(event.data.record).toMatchObject({
      firstName: 'Jane',
      email: 'jane.doe@example.com',
      title: 'Staff Engineer',
    });
    expect(event.data.record?.roles).toEqual([{ id: '15', refName: 'Sales Rep' }]);
    expect(event.data.sequence).toBe(MODIFIED.getTime());
    expect(account.remainingUsage).toBe(USAGE_LIMIT.userEvent - SUCCESS_UNITS);
  });

  test('xedit without lastModifiedDate: sequence falls back to the clock, not the stale old value', () => {
    const before = Date.now();
    run('xedit', { id: 456, values: { title: 'Staff Engineer' }, edited: ['title'] }, JANE);
    expect(verified().data.sequence).toBeGreaterThanOrEqual(before);
  });

  test('delete: employee.deleted with the last known values', () => {
    run('delete', null, JANE);
    const event = verified();
    expect(event.type).toBe('employee.deleted');
    expect(event.data.changeType).toBe('delete');
    expect(event.data.record).toMatchObject({ id: '456', firstName: 'Jane', lastName: 'Doe' });
    expect(event.data.lifecycle).toEqual([]);
  });

  test('rotation: two signatures, current first, each verifying with its own secret', () => {
    account.params[PARAM.prevSecretId] = PREV_SECRET_ID;
    run('edit', edited(JANE, { title: 'CTO' }), JANE);
    const signatures = only(account.posts).headers['webhook-signature']!.split(' ');
    expect(signatures).toHaveLength(2);
    expect(() => verified(SECRET_ID)).not.toThrow();
    expect(() => verified(PREV_SECRET_ID)).not.toThrow();
    const post = only(account.posts);
    const currentOnly = { ...post.headers, 'webhook-signature': signatures[0]! };
    expect(() => new Webhook(`whsec_${account.secrets[SECRET_ID]}`).verify(post.body, currentOnly)).not.toThrow();
  });

  test('a signature made with a different secret does not verify (the check can fail)', () => {
    run('edit', edited(JANE, { title: 'CTO' }), JANE);
    const post = only(account.posts);
    expect(() => new Webhook(`whsec_${account.secrets[PREV_SECRET_ID]}`).verify(post.body, post.headers)).toThrow();
  });

  test('excluded and forbidden fields never reach the payload', () => {
    account.params[PARAM.excludedFields] = 'email';
    run('edit', edited(JANE, { email: 'new@example.com', title: 'CTO', password: 'hunter2' }), JANE);
    const post = only(account.posts);
    expect(post.body).not.toContain('example.com');
    expect(post.body).not.toContain('hunter2');
    expect(verified().data.changedFields).toEqual(['title']);
  });
});

describe('what does not emit', () => {
  test('an edit that changes no tracked field sends and stores nothing, at the cost of reading the cached endpoints', () => {
    run('edit', edited(JANE, {}), JANE);
    expect(account.posts).toHaveLength(0);
    expect(account.deliveries.size).toBe(0);
    expect(account.remainingUsage).toBe(USAGE_LIMIT.userEvent - UNIT_COST.cacheGet);
  });

  test('null and empty string are the same value', () => {
    const old = edited(JANE, { title: null });
    run('edit', edited(JANE, { title: '' }), old);
    expect(account.posts).toHaveLength(0);
  });

  test('an edit of an excluded field only', () => {
    account.params[PARAM.excludedFields] = 'email';
    run('edit', edited(JANE, { email: 'other@example.com' }), JANE);
    expect(account.posts).toHaveLength(0);
  });

  test('an execution context outside the configured ones', () => {
    account.params[PARAM.contexts] = 'USERINTERFACE,RESTWEBSERVICES';
    account = installFakes({ ...account, executionContext: 'CSVIMPORT' });
    run('edit', edited(JANE, { title: 'CTO' }), JANE);
    expect(account.posts).toHaveLength(0);
    expect(account.deliveries.size).toBe(0);
  });

  test('an event type outside the configured ones, and user event types the contract does not know', () => {
    account.params[PARAM.eventTypes] = 'create,delete';
    run('edit', edited(JANE, { title: 'CTO' }), JANE);
    run('xedit', { id: 456, values: { title: 'CTO' }, edited: ['title'] }, JANE);
    run('approve', edited(JANE, { title: 'CTO' }), JANE);
    expect(account.posts).toHaveLength(0);
    run('delete', null, JANE);
    expect(account.posts).toHaveLength(1);
  });
});

describe('every failure keeps the event and never throws', () => {
  const expectPendingWithBody = (row: Record<string, unknown>) => {
    expect(row[F.status]).toBe('pending');
    const body = JSON.parse(String(row[F.body])) as WebhookEvent;
    expect(body.type).toBe('employee.updated');
    expect(row[F.eventId]).toBe(body.data.id);
    expect(row[F.recordId]).toBe('456');
    expect(row[F.recordType]).toBe('employee');
    expect(row[F.eventType]).toBe('employee.updated');
    expect(row[F.secretId]).toBe(SECRET_ID);
  };
  const change = () => run('edit', edited(JANE, { title: 'CTO' }), JANE);

  test('timeout: stored with the exact body sent, one attempt, retry in about 5 minutes', () => {
    account.replies = [
      suiteScriptError(
        'SSS_REQUEST_TIME_EXCEEDED',
        'The host you are trying to connect to has exceeded the maximum allowed response time.',
      ),
    ];
    expect(change).not.toThrow();
    const row = storedDelivery();
    expectPendingWithBody(row);
    expect(row[F.body]).toBe(only(account.posts).body);
    expect(row[F.bodyLength]).toBe(String(row[F.body]).length);
    expect(row[F.attempts]).toBe(1);
    expect(row[F.lastError]).toMatch(/^SSS_REQUEST_TIME_EXCEEDED/);
    expect(row[F.lastHttpStatus]).toBeUndefined();
    expect(row[F.endpointUrl]).toBe(ENDPOINT);
    const delay = Date.parse(String(row[F.nextAttempt])) - Date.now();
    expect(delay).toBeGreaterThan(RETRY_DELAYS_MS[0]! * 0.9 - 5000);
    expect(delay).toBeLessThan(RETRY_DELAYS_MS[0]! * 1.1);
    expect(account.remainingUsage).toBe(
      USAGE_LIMIT.userEvent -
        SUCCESS_UNITS -
        UNIT_COST.cacheGet - // opening the breaker: a get and a put of the breakers' entry
        UNIT_COST.cachePut -
        RECORD_UNITS.create.custom -
        RECORD_UNITS.save.custom,
    );
  });

  test('non-2xx: stored with the status', () => {
    account.replies = [{ code: 500 }];
    expect(change).not.toThrow();
    const row = storedDelivery();
    expectPendingWithBody(row);
    expect(row[F.lastHttpStatus]).toBe(500);
    expect(row[F.lastError]).toBe('HTTP 500');
  });

  test('410 Gone: stored dead at once', () => {
    account.replies = [{ code: 410 }];
    change();
    const row = storedDelivery();
    expect(row[F.status]).toBe('dead');
    expect(row[F.nextAttempt]).toBeUndefined();
  });

  test('a problem with where or how to send: nothing sent, the event stored pending (due now) with the problem, no attempt counted', () => {
    account.params[PARAM.endpointUrl] = 'http://hooks.example.com/plain';
    expect(change).not.toThrow();
    expect(account.posts).toHaveLength(0);
    const row = storedDelivery();
    expectPendingWithBody(row);
    expect(row[F.attempts]).toBe(0);
    expect(row[F.lastError]).toContain(PARAM.endpointUrl);
    expect(row[F.nextAttempt]).toBeUndefined(); // empty: due now
  });

  test('a configuration problem is one error entry in the Execution Log naming the parameter, never its value', () => {
    account.params[PARAM.endpointUrl] = 'http://hooks.example.com/plain';
    account.params[PARAM.fields] = 'title, titel';
    change();
    const error = only(account.logs.filter((l) => l.level === 'error'));
    expect(error.title).toBe('suitehooks: configuration');
    expect(error.details).toBe(`${PARAM.endpointUrl} must use https://; ${PARAM.fields} unknown or forbidden field`);
    expect(JSON.stringify(account.logs)).not.toMatch(/titel|hooks\.example\.com/);
  });

  test.each([
    ['a misspelt tracked field (the default fields are tracked too)', PARAM.fields, 'titel'],
    ['an unknown execution context (all emit)', PARAM.contexts, 'USERINTERFACE,RESTWEBSERVICE'],
    ['a bad payload mode (full)', PARAM.payloadMode, 'everything'],
  ])('%s does not hold the event back: sent inline, logged', (_what, param, value) => {
    account.params[param] = value;
    change();
    expect(verified().data.changes.title).toEqual({ old: 'Engineer', new: 'CTO' });
    expect(account.deliveries.size).toBe(0);
    expect(only(account.logs.filter((l) => l.level === 'error')).details).toMatch(new RegExp(`^${param} `));
  });

  test('execution contexts are runtime.ContextType values: WEBAPPLICATION and NONE are accepted, OTHER is not', () => {
    account.params[PARAM.contexts] = 'WEBAPPLICATION,NONE';
    account.params[PARAM.deliveryMode] = 'inline';
    account = installFakes({ ...account, executionContext: 'WEBAPPLICATION' });
    change();
    expect(verified().data.origin.executionContext).toBe('WEBAPPLICATION');
    expect(account.logs.filter((l) => l.level === 'error')).toEqual([]);
    account.params[PARAM.contexts] = 'OTHER';
    change();
    expect(only(account.logs.filter((l) => l.level === 'error')).details).toBe(
      `${PARAM.contexts} unknown execution context`,
    );
  });

  test('missing endpoint and secret: still stored', () => {
    account.params = {};
    expect(change).not.toThrow();
    const row = only([...account.deliveries.values()]);
    expect(row[F.status]).toBe('pending');
    expect(row[F.lastError]).toContain(PARAM.secretId);
  });

  test('a secret that is missing or not allowed for the script: stored, nothing sent', () => {
    account.params[PARAM.secretId] = 'custsecret_not_there';
    expect(change).not.toThrow();
    expect(account.posts).toHaveLength(0);
    const row = storedDelivery();
    expect(row[F.status]).toBe('pending');
    expect(row[F.attempts]).toBe(0);
    expect(row[F.lastError]).toMatch(/^cannot sign with the API Secret: INVALID_SECRET_KEY_LENGTH/);
  });

  test.each([
    ['the API Secret', PARAM.secretId],
    ['the previous API Secret', PARAM.prevSecretId],
  ])(
    '%s unusable (unknown, or restricted): one error per save naming its parameter, never the value',
    (_what, param) => {
      account.params[param] = 'custsecret_not_there';
      for (let i = 0; i < 2; i++) change();
      const errors = account.logs.filter((l) => l.level === 'error');
      expect(errors).toHaveLength(2);
      for (const error of errors) {
        expect(error.title).toBe('suitehooks: configuration');
        expect(error.details).toMatch(
          new RegExp(`^${param} names an API Secret this script cannot use \\(INVALID_SECRET_KEY_LENGTH\\)`),
        );
      }
      expect(JSON.stringify(account.logs)).not.toContain('custsecret_not_there');
      expect(account.posts).toHaveLength(0);
      expect(account.deliveries.size).toBe(2);
    },
  );

  test('outbox mode, storing refused (the role the save runs with has no access): one inline attempt, an error naming cause and fix', () => {
    account.params[PARAM.deliveryMode] = 'outbox';
    account.user = { id: 42, role: 1077 };
    account = installFakes({ ...account });
    account.storeError = suiteScriptError(
      'INSUFFICIENT_PERMISSION',
      'You do not have privileges to create this record.',
    );
    expect(change).not.toThrow();
    expect(verified().data.changes.title).toEqual({ old: 'Engineer', new: 'CTO' });
    const error = only(account.logs.filter((l) => l.level === 'error'));
    expect(error.title).toBe('suitehooks: event not stored');
    expect(error.details).toMatch(
      /\(INSUFFICIENT_PERMISSION\) by role 1077; it was delivered by one inline attempt instead/,
    );
    expect(error.details).toMatch(
      /Fix: give role 1077 the Create permission on the record type customrecord_suitehooks_delivery/,
    );
  });

  test('outbox mode, storing refused and the receiver down: the one attempt fails, the error says the event is lost', () => {
    account.params[PARAM.deliveryMode] = 'outbox';
    account.replies = [{ code: 502 }];
    account.storeError = suiteScriptError('INSUFFICIENT_PERMISSION', 'no');
    change();
    expect(account.posts).toHaveLength(1);
    const error = only(account.logs.filter((l) => l.level === 'error'));
    expect(error.title).toBe('suitehooks: event lost');
    expect(error.details).toMatch(/the inline attempt failed too/);
  });

  test('outbox mode, and auto in a bulk context: stored for the scheduled script, nothing sent', () => {
    account.params[PARAM.deliveryMode] = 'outbox';
    change();
    account = installFakes({
      ...account,
      executionContext: 'CSVIMPORT',
      params: { ...account.params, [PARAM.deliveryMode]: 'auto' },
    });
    change();
    expect(account.posts).toHaveLength(0);
    const rows = [...account.deliveries.values()];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row[F.status]).toBe('pending');
      expect(row[F.attempts]).toBe(0);
      expect(row[F.lastError]).toBeUndefined();
    }
  });

  test('when even storing fails: one error with ids, the code, the role and the fix (no values), and returns', () => {
    account.replies = [{ code: 503 }];
    account.storeError = suiteScriptError('RCRD_DSNT_EXIST', 'jane.doe@example.com something');
    expect(change).not.toThrow();
    expect(account.posts).toHaveLength(1); // the inline attempt had failed: not posted a second time
    const error = only(account.logs.filter((l) => l.level === 'error'));
    expect(error.title).toBe('suitehooks: event lost');
    expect(error.details).toMatch(
      /^event evt_456_\S+ \(employee 456\) could not be stored as a customrecord_suitehooks_delivery \(RCRD_DSNT_EXIST\) by role 3; the inline attempt failed too/,
    );
    expect(error.details).toMatch(
      /Fix: give role 3 the Create permission .* or run the script that saves employees as a role/,
    );
    expect(error.details).not.toMatch(/jane|example\.com|CTO/);
  });

  test('an unexpected error anywhere is caught and logged by code', () => {
    const runtime = jest.requireMock<{ getCurrentUser: jest.Mock }>('N/runtime');
    runtime.getCurrentUser.mockImplementation(() => {
      throw suiteScriptError('SSS_UNEXPECTED', 'boom');
    });
    expect(change).not.toThrow();
    expect(only(account.logs.filter((l) => l.level === 'error')).details).toBe('employee 456: SSS_UNEXPECTED');
  });

  test('logs never carry secrets, bodies or personal data', () => {
    account.replies = [{ code: 500 }];
    account.storeError = suiteScriptError('UNEXPECTED_ERROR', 'x');
    change();
    account.params[PARAM.endpointUrl] = 'ftp://nope';
    change();
    const logged = JSON.stringify(account.logs);
    for (const secret of Object.values(account.secrets)) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/Jane|Doe|example\.com|CTO/);
  });
});

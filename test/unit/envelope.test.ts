import {
  buildEvent,
  diffRecords,
  EMPLOYEE_FIELDS,
  makeEventId,
  serializeEvent,
  type CanonicalRecord,
  type EventInput,
} from '../../lib/core';
import { employee, FIELDS } from './fixtures';

const ORIGIN = { executionContext: 'RESTWEBSERVICES', user: { id: '-5' }, role: { id: '3' } };

function input(
  over: Partial<EventInput> = {},
  before = employee(),
  after: CanonicalRecord | null = employee({ title: 'Senior Engineer' }),
): EventInput {
  return {
    id: 'evt_456_abc_xyz',
    account: '1234567_SB1',
    recordType: 'employee',
    recordId: '456',
    changeType: 'update',
    eventType: 'xedit',
    committedAt: new Date(Date.UTC(2026, 2, 6, 12, 34, 56, 789)),
    diff: diffRecords(before, after, FIELDS),
    record: after,
    payloadMode: 'full',
    lifecycle: [],
    warnings: [],
    origin: ORIGIN,
    sequence: 1741264496789,
    ...over,
  };
}

describe('buildEvent', () => {
  it('has exactly the shape of CONTRACT §1', () => {
    const event = buildEvent(input());
    expect(Object.keys(event)).toEqual(['type', 'timestamp', 'data']);
    expect(event.type).toBe('employee.updated');
    expect(event.timestamp).toBe('2026-03-06T12:34:56.789Z');
    expect(Object.keys(event.data).sort()).toEqual([
      'account',
      'changeType',
      'changedFields',
      'changes',
      'eventType',
      'id',
      'lifecycle',
      'origin',
      'record',
      'recordId',
      'recordType',
      'sequence',
      'warnings',
    ]);
    expect(event.data).toMatchObject({
      id: 'evt_456_abc_xyz',
      account: '1234567_SB1',
      recordType: 'employee',
      recordId: '456',
      changeType: 'update',
      eventType: 'xedit',
      changedFields: ['title'],
      changes: { title: { old: 'Engineer', new: 'Senior Engineer' } },
      lifecycle: [],
      warnings: [],
      origin: ORIGIN,
      sequence: 1741264496789,
    });
    expect(event.data.record).toEqual({ id: '456', ...employee({ title: 'Senior Engineer' }) });
  });

  it.each([
    ['create', 'employee.created'],
    ['update', 'employee.updated'],
    ['delete', 'employee.deleted'],
  ] as const)('changeType %s is type %s', (changeType, type) => {
    expect(buildEvent(input({ changeType })).type).toBe(type);
  });

  it.each([
    ['vendor', 'create', 'vendor.created'],
    ['partner', 'update', 'partner.updated'],
    ['customer', 'delete', 'customer.deleted'],
  ] as const)('a %s %s is type %s, named by the registry', (recordType, changeType, type) => {
    const event = buildEvent(input({ recordType, changeType }));
    expect(event.type).toBe(type);
    expect(event.data.recordType).toBe(recordType);
  });

  it('refuses a record type the registry does not declare', () => {
    expect(() => buildEvent(input({ recordType: 'contact' as never }))).toThrow(
      'not a record type that can log in: contact',
    );
  });

  it('omits record in changes payload mode, and when there is none', () => {
    expect('record' in buildEvent(input({ payloadMode: 'changes' })).data).toBe(false);
    expect('record' in buildEvent(input({ record: null })).data).toBe(false);
  });

  it('strips forbidden and excluded fields from record and changes', () => {
    const after = {
      ...employee({ title: 'T2', email: 'new@example.com' }),
      password: 'hunter2',
      password2: 'hunter2',
      socialSecurityNumber: '078-05-1120',
    };
    const diff = diffRecords(employee(), after, FIELDS);
    // A diff that somehow carries a forbidden key (hand-built) must still not leak it.
    diff.changes.password = { old: null, new: 'hunter2' };
    diff.changedFields = [...diff.changedFields, 'password'].sort();
    const event = buildEvent(input({ diff, record: after, excluded: new Set(['email']) }));
    expect(event.data.changedFields).toEqual(['title']);
    expect(Object.keys(event.data.changes)).toEqual(['title']);
    const body = serializeEvent(event);
    for (const leak of [
      'hunter2',
      '078-05-1120',
      'new@example.com',
      'jane@example.com',
      'password',
      'socialSecurityNumber',
    ]) {
      expect(body).not.toContain(leak);
    }
  });

  it('keeps changedFields sorted and equal to the keys of changes', () => {
    const event = buildEvent(
      input({}, employee(), employee({ title: 'Z', department: null, roles: null, isInactive: true })),
    );
    expect(event.data.changedFields).toEqual(['department', 'isInactive', 'roles', 'title']);
    expect(Object.keys(event.data.changes)).toEqual(event.data.changedFields);
  });

  it('sorts changedFields even when handed an unsorted diff', () => {
    const diff = {
      changedFields: ['title', 'email'],
      changes: { title: { old: 'a', new: 'b' }, email: { old: null, new: 'x@y.z' } },
    };
    const event = buildEvent(input({ diff }));
    expect(event.data.changedFields).toEqual(['email', 'title']);
    expect(Object.keys(event.data.changes)).toEqual(['email', 'title']);
  });

  it('refuses an event id outside [A-Za-z0-9_-]', () => {
    for (const id of ['', 'evt 1', 'evt.1', 'evt/1', 'évt', 'evt:1'])
      expect(() => buildEvent(input({ id }))).toThrow(/event id/);
  });

  it('serialises to JSON that parses back to the same event', () => {
    const event = buildEvent(input());
    expect(JSON.parse(serializeEvent(event))).toEqual(event);
  });
});

describe('makeEventId', () => {
  it('is stable for the same inputs and only uses the allowed charset', () => {
    const id = makeEventId('456', 1741264496789, 'a1b2c3');
    expect(id).toBe(`evt_456_${(1741264496789).toString(36)}_a1b2c3`);
    expect(makeEventId('456', 1741264496789, 'a1b2c3')).toBe(id);
    expect(makeEventId('4/5 6', 1, 'x.y=z+/')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(makeEventId('456', 1, 'n1')).not.toBe(makeEventId('456', 1, 'n2'));
    // A sequence that is not a whole number still gives an id buildEvent accepts.
    for (const seq of [1.5, -3, Number.NaN]) expect(makeEventId('456', seq, 'n')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(makeEventId('456', 1.5, 'n')).not.toContain('.');
  });
});

it('EMPLOYEE_FIELDS has no forbidden field', () => {
  expect(EMPLOYEE_FIELDS.map((f) => f.rest)).not.toEqual(expect.arrayContaining(['password']));
});

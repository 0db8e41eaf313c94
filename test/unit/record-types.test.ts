/**
 * The record-type registry (lib/core/record-types.ts): one entry per record that can log in, its event
 * names, its field map and how it stores roles; the lifecycle rules hold for every type.
 */
import {
  detectLifecycle,
  detectWarnings,
  diffRecords,
  EMPLOYEE_FIELDS,
  EVENT_TYPE_NAMES,
  eventTypeOf,
  FORBIDDEN_FIELDS,
  resolveField,
  resolveFieldOf,
  roleDelta,
  rolesOf,
  USER_RECORD_TYPES,
  userRecordType,
  userRecordTypeOfSdf,
  type CanonicalRecord,
  type EventTypeName,
  type UserEventTypeName,
  type UserRecordType,
} from '../../lib/core';

const type = (id: string): UserRecordType => userRecordType(id)!;

describe('the registry', () => {
  it('declares the four login records, the employee with its existing field map', () => {
    expect(USER_RECORD_TYPES.map((t) => t.id)).toEqual(['employee', 'vendor', 'partner', 'customer']);
    expect(type('employee').fields).toBe(EMPLOYEE_FIELDS);
    expect(USER_RECORD_TYPES.map((t) => t.sdfRecordType)).toEqual(['EMPLOYEE', 'VENDOR', 'PARTNER', 'CUSTOMER']);
    expect(userRecordTypeOfSdf('vendor')).toBe(type('vendor'));
    expect(userRecordType('Customer')).toBe(type('customer'));
    expect(userRecordType('contact')).toBeNull();
  });

  it('names the events of every type', () => {
    expect(eventTypeOf(type('vendor'), 'create')).toBe('vendor.created');
    expect(eventTypeOf(type('partner'), 'update')).toBe('partner.updated');
    expect(eventTypeOf(type('customer'), 'delete')).toBe('customer.deleted');
    expect(EVENT_TYPE_NAMES.slice(0, 3)).toEqual(['employee.created', 'employee.updated', 'employee.deleted']);
    expect(EVENT_TYPE_NAMES).toHaveLength(12);
    // The employee's event type names are the registry's first three (a compile-time check as well).
    const employeeTypes: UserEventTypeName[] = ['employee.created', 'employee.updated'] satisfies EventTypeName[];
    expect(EVENT_TYPE_NAMES).toEqual(expect.arrayContaining(employeeTypes));
  });

  it('stores roles as a sublist on employees and vendors and as accessRole on partners and customers', () => {
    expect(type('vendor').roles).toEqual({ kind: 'sublist', rest: 'roles', suiteqlTable: null });
    expect(type('partner').roles).toEqual({ kind: 'select', rest: 'accessRole', column: 'accessrole' });
    expect(type('customer').roles.kind).toBe('select');
    for (const t of USER_RECORD_TYPES) {
      const spec = t.fields.find((f) => f.rest === t.roles.rest)!;
      expect(spec.refType).toBe('role');
      expect(t.fields.map((f) => f.rest)).toEqual(expect.arrayContaining(['giveAccess', 'isInactive', 'email']));
      expect(new Set(t.fields.map((f) => f.rest)).size).toBe(t.fields.length);
      for (const f of t.fields) expect(FORBIDDEN_FIELDS.has(f.rest) || FORBIDDEN_FIELDS.has(f.nsId)).toBe(false);
    }
  });

  it('resolves fields per type: a vendor has no supervisor, a customer has salesRep, custom fields pass', () => {
    expect(resolveFieldOf(type('vendor'), 'supervisor')).toBeNull();
    expect(resolveFieldOf(type('customer'), 'SALESREP')?.rest).toBe('salesRep');
    expect(resolveFieldOf(type('partner'), 'accessrole')?.kind).toBe('select');
    expect(resolveFieldOf(type('vendor'), 'custentity_badge:boolean')?.kind).toBe('boolean');
    expect(resolveFieldOf(type('vendor'), 'password')).toBeNull();
    // The employee's resolver is unchanged.
    expect(resolveField('accessRole')).toBeNull();
    expect(resolveField('Title')?.nsId).toBe('title');
  });
});

describe('the lifecycle over every type', () => {
  const partner = (over: CanonicalRecord = {}): CanonicalRecord => ({
    entityId: 'P-1',
    email: 'p@example.com',
    isInactive: false,
    giveAccess: false,
    accessRole: null,
    ...over,
  });
  const centre = { id: '21', refName: 'Partner Center' };
  const advanced = { id: '22', refName: 'Advanced Partner Center' };

  it('access granted and revoked, a select role change as added/removed, PARTIAL_DEPROVISION', () => {
    const t = type('partner');
    const granted = partner({ giveAccess: true, accessRole: centre });
    expect(detectLifecycle('update', partner(), granted)).toEqual(['access_granted']);
    expect(roleDelta(t, diffRecords(partner(), granted, t.fields).changes)).toEqual({ added: [centre], removed: [] });
    const moved = partner({ giveAccess: true, accessRole: advanced });
    expect(roleDelta(t, diffRecords(granted, moved, t.fields).changes)).toEqual({
      added: [advanced],
      removed: [centre],
    });
    expect(detectLifecycle('update', granted, partner({ accessRole: centre }))).toEqual(['access_revoked']);
    expect(detectWarnings(partner({ isInactive: true, giveAccess: true, accessRole: centre }))).toEqual([
      'PARTIAL_DEPROVISION',
    ]);
    expect(rolesOf(t, moved)).toEqual([advanced]);
    expect(rolesOf(t, partner())).toEqual([]);
  });

  it('a vendor role sublist change is membership', () => {
    const t = type('vendor');
    const before = { giveAccess: true, isInactive: false, roles: [centre] };
    const after = { giveAccess: true, isInactive: false, roles: [advanced] };
    expect(roleDelta(t, diffRecords(before, after, t.fields).changes)).toEqual({
      added: [advanced],
      removed: [centre],
    });
    expect(roleDelta(t, {})).toEqual({ added: [], removed: [] });
  });
});

import { diffRecords, EMPLOYEE_FIELDS, overlay, type CanonicalRecord } from '../../lib/core';
import { employee, FIELDS } from './fixtures';

const diff = (a: CanonicalRecord | null, b: CanonicalRecord | null, present?: Set<string>) =>
  diffRecords(a, b, FIELDS, present ? { present } : {});

describe('diffRecords: one case per value kind', () => {
  it('text', () => {
    expect(diff(employee(), employee({ title: 'Senior Engineer' }))).toEqual({
      changedFields: ['title'],
      changes: { title: { old: 'Engineer', new: 'Senior Engineer' } },
    });
  });

  it('boolean', () => {
    expect(diff(employee(), employee({ isInactive: true })).changes).toEqual({ isInactive: { old: false, new: true } });
  });

  it('date', () => {
    expect(diff(employee(), employee({ hireDate: '2024-02-01' })).changes).toEqual({
      hireDate: { old: '2024-01-15', new: '2024-02-01' },
    });
  });

  it('datetime (custom auto field holding an instant)', () => {
    const a = employee({ custentity_badge: '2026-03-08T06:59:59.000Z' });
    const b = employee({ custentity_badge: '2026-03-08T07:00:00.000Z' });
    expect(diff(a, b).changedFields).toEqual(['custentity_badge']);
  });

  it('select with refName: the whole ref is reported, compared by id', () => {
    const b = employee({ department: { id: '10', refName: 'Engineering' } });
    expect(diff(employee(), b).changes).toEqual({
      department: { old: { id: '3', refName: 'Ops' }, new: { id: '10', refName: 'Engineering' } },
    });
  });

  it('select without refName: a missing or renamed refName alone is no change', () => {
    expect(diff(employee(), employee({ department: { id: '3', refName: null } })).changedFields).toEqual([]);
    expect(diff(employee(), employee({ department: { id: '3', refName: 'Operations' } })).changedFields).toEqual([]);
    expect(diff(employee(), employee({ department: { id: '4', refName: null } })).changes.department).toEqual({
      old: { id: '3', refName: 'Ops' },
      new: { id: '4', refName: null },
    });
  });

  it('select cleared', () => {
    expect(diff(employee(), employee({ supervisor: null })).changes).toEqual({
      supervisor: { old: { id: '7', refName: 'Boss' }, new: null },
    });
  });

  it('multiselect compares as an id set (order does not matter)', () => {
    const a = employee({
      custentity_skills: [
        { id: '1', refName: 'A' },
        { id: '2', refName: 'B' },
      ],
    });
    const reordered = employee({
      custentity_skills: [
        { id: '2', refName: 'B' },
        { id: '1', refName: null },
      ],
    });
    expect(diff(a, reordered).changedFields).toEqual([]);
    const b = employee({ custentity_skills: [{ id: '1', refName: 'A' }] });
    expect(diff(a, b).changes.custentity_skills).toEqual({ old: a.custentity_skills, new: b.custentity_skills });
  });

  it('roles sublist reports added and removed, sorted by id', () => {
    const a = employee({
      roles: [
        { id: '15', refName: 'Sales Rep' },
        { id: '3', refName: 'Admin' },
      ],
    });
    const b = employee({
      roles: [
        { id: '3', refName: 'Admin' },
        { id: '22', refName: 'HR' },
        { id: '18', refName: 'AP' },
      ],
    });
    expect(diff(a, b).changes).toEqual({
      roles: {
        added: [
          { id: '18', refName: 'AP' },
          { id: '22', refName: 'HR' },
        ],
        removed: [{ id: '15', refName: 'Sales Rep' }],
      },
    });
  });

  it('roles all removed, and first role added to none', () => {
    expect(diff(employee(), employee({ roles: null })).changes.roles).toEqual({
      added: [],
      removed: [{ id: '15', refName: 'Sales Rep' }],
    });
    expect(diff(employee({ roles: [] }), employee()).changes.roles).toEqual({
      added: [{ id: '15', refName: 'Sales Rep' }],
      removed: [],
    });
  });

  it('custom auto fields of every inferred shape', () => {
    expect(diff(employee(), employee({ custentity_badge: 'B-2' })).changes.custentity_badge).toEqual({
      old: 'B-1',
      new: 'B-2',
    });
    expect(diff(employee({ custentity_badge: 1 }), employee({ custentity_badge: 2 })).changedFields).toEqual([
      'custentity_badge',
    ]);
    expect(diff(employee({ custentity_badge: true }), employee({ custentity_badge: false })).changedFields).toEqual([
      'custentity_badge',
    ]);
    expect(
      diff(
        employee({ custentity_badge: { id: '1', refName: 'x' } }),
        employee({ custentity_badge: { id: '1', refName: null } }),
      ).changedFields,
    ).toEqual([]);
  });
});

describe('diffRecords: empties, partial records, no-ops', () => {
  it('null, empty string and empty list are one value: no change, and reported as null', () => {
    expect(diff(employee({ phone: null }), employee({ phone: '' })).changedFields).toEqual([]);
    expect(diff(employee({ phone: '' }), employee({ phone: null })).changedFields).toEqual([]);
    expect(diff(employee({ custentity_skills: [] }), employee({ custentity_skills: null })).changedFields).toEqual([]);
    expect(diff(employee({ roles: [] }), employee({ roles: null })).changedFields).toEqual([]);
    expect(diff(employee({ phone: '' }), employee({ phone: '555' })).changes.phone).toEqual({ old: null, new: '555' });
    expect(diff(employee({ phone: '555' }), employee({ phone: '' })).changes.phone).toEqual({ old: '555', new: null });
  });

  it('a missing key is null', () => {
    const { phone: _phone, ...withoutPhone } = employee({ phone: null });
    expect(diff(withoutPhone, employee({ phone: null })).changedFields).toEqual([]);
  });

  it('xedit: fields the new record does not carry are never reported as cleared', () => {
    const partial: CanonicalRecord = { title: 'Manager', isInactive: false };
    const result = diff(employee(), partial, new Set(['title', 'isInactive']));
    expect(result).toEqual({ changedFields: ['title'], changes: { title: { old: 'Engineer', new: 'Manager' } } });
  });

  it('xedit: a carried field that really was cleared is reported', () => {
    const result = diff(employee(), { email: '' }, new Set(['email']));
    expect(result.changes).toEqual({ email: { old: 'jane@example.com', new: null } });
  });

  it('xedit: roles absent from the partial record are not reported as removed', () => {
    expect(diff(employee(), { title: 'Engineer' }, new Set(['title'])).changedFields).toEqual([]);
  });

  it('no-op edit gives no changes', () => {
    expect(diff(employee(), employee())).toEqual({ changedFields: [], changes: {} });
  });

  it('lastModifiedDate alone is never a change, and never listed next to others', () => {
    const touched = employee({ lastModifiedDate: '2026-03-07T00:00:00.000Z' });
    expect(diff(employee(), touched).changedFields).toEqual([]);
    expect(diff(employee(), { ...touched, title: 'X' }).changedFields).toEqual(['title']);
  });

  it('changedFields is sorted and exactly the keys of changes, in that order', () => {
    const b = employee({
      title: 'X',
      department: { id: '9', refName: null },
      email: null,
      roles: null,
      custentity_badge: 'Z',
      isInactive: true,
    });
    const result = diff(employee(), b);
    expect(result.changedFields).toEqual(['custentity_badge', 'department', 'email', 'isInactive', 'roles', 'title']);
    expect(Object.keys(result.changes)).toEqual(result.changedFields);
  });

  it('create reports every set field from null; delete every field to null', () => {
    const created = diffRecords(null, employee(), EMPLOYEE_FIELDS);
    expect(created.changes.firstName).toEqual({ old: null, new: 'Jane' });
    expect(created.changes.roles).toEqual({ added: [{ id: '15', refName: 'Sales Rep' }], removed: [] });
    expect(created.changes.phone).toBeUndefined(); // null before and after
    expect(created.changedFields).not.toContain('lastModifiedDate');
    const deleted = diffRecords(employee(), null, EMPLOYEE_FIELDS, { present: new Set() });
    expect(deleted.changes.firstName).toEqual({ old: 'Jane', new: null });
  });

  it('only the tracked fields are compared', () => {
    const tracked = EMPLOYEE_FIELDS.filter((f) => f.rest === 'title');
    expect(diffRecords(employee(), employee({ email: 'x@y.z', title: 'T' }), tracked).changedFields).toEqual(['title']);
  });
});

describe('overlay', () => {
  it('replaces exactly the carried fields', () => {
    const merged = overlay(employee(), { title: 'Manager', email: '' }, new Set(['title', 'email']));
    expect(merged).toEqual(employee({ title: 'Manager', email: null }));
  });

  it('on create starts from nothing', () => {
    expect(overlay(null, { title: 'A', phone: '1' }, new Set(['title']))).toEqual({ title: 'A' });
  });
});

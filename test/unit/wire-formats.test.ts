import {
  EMPLOYEE_FIELDS,
  fromRestRecord,
  fromSuiteQLRow,
  resolveField,
  suiteqlSelectList,
  toRestBody,
  zonedToUtc,
} from '../../lib/core';

const iso = (ms: number) => new Date(ms).toISOString();

describe('suiteqlSelectList', () => {
  it('formats dates in the database and names selects with BUILTIN.DF', () => {
    const list = suiteqlSelectList();
    expect(list.startsWith('e.id AS id, ')).toBe(true);
    expect(list).toContain(`TO_CHAR(e.hiredate, 'YYYY-MM-DD') AS hiredate`);
    expect(list).toContain(`TO_CHAR(e.lastmodifieddate, 'YYYY-MM-DD"T"HH24:MI:SS') AS lastmodifieddate`);
    expect(list).toContain('e.department AS department, BUILTIN.DF(e.department) AS department_refname');
    expect(list).toContain('e.isinactive AS isinactive');
    expect(list).not.toContain('roles'); // a sublist has no column
  });
});

describe('fromSuiteQLRow', () => {
  const row = {
    id: 456,
    entityid: 'E-1',
    firstname: 'Jane',
    lastname: '',
    email: null,
    isinactive: 'T',
    giveaccess: 'F',
    department: '3',
    department_refname: 'Ops',
    supervisor: null,
    supervisor_refname: null,
    hiredate: '2024-01-15',
    lastmodifieddate: '2026-03-06T12:34:56',
  };

  it('maps columns to REST names and T/F to booleans, empty to null', () => {
    expect(fromSuiteQLRow(row)).toEqual({
      id: '456',
      entityId: 'E-1',
      firstName: 'Jane',
      lastName: null,
      email: null,
      isInactive: true,
      giveAccess: false,
      department: { id: '3', refName: 'Ops' },
      supervisor: null,
      hireDate: '2024-01-15',
      lastModifiedDate: '2026-03-06T12:34:56.000Z',
    });
  });

  it('converts date-times from the session time zone', () => {
    const ny = fromSuiteQLRow(row, EMPLOYEE_FIELDS, { timeZone: 'America/New_York' });
    expect(ny.lastModifiedDate).toBe('2026-03-06T17:34:56.000Z');
    const withOffset = fromSuiteQLRow({ lastmodifieddate: '2026-03-06T12:34:56+02:00' }, EMPLOYEE_FIELDS, {
      timeZone: 'America/New_York',
    });
    expect(withOffset.lastModifiedDate).toBe('2026-03-06T10:34:56.000Z');
  });

  it('reads custom columns with declared kinds', () => {
    const fields = [resolveField('custentity_badge:boolean')!, resolveField('custentity_start:date')!];
    expect(fromSuiteQLRow({ custentity_badge: 'T', custentity_start: '2026-01-02' }, fields)).toEqual({
      custentity_badge: true,
      custentity_start: '2026-01-02',
    });
  });

  it('names the bad value kind when a column cannot be read', () => {
    expect(() => fromSuiteQLRow({ isinactive: 'maybe' })).toThrow(/not a boolean/);
  });
});

describe('zonedToUtc', () => {
  it('plain offsets, both hemispheres', () => {
    expect(iso(zonedToUtc('2026-07-01T12:00:00', 'America/New_York'))).toBe('2026-07-01T16:00:00.000Z');
    expect(iso(zonedToUtc('2026-01-01T12:00:00', 'America/New_York'))).toBe('2026-01-01T17:00:00.000Z');
    expect(iso(zonedToUtc('2026-01-01T12:00:00', 'Australia/Sydney'))).toBe('2026-01-01T01:00:00.000Z');
    expect(iso(zonedToUtc('2026-01-01T12:00:00', 'Asia/Kolkata'))).toBe('2026-01-01T06:30:00.000Z');
    expect(iso(zonedToUtc('2026-01-01T12:00:00', 'UTC'))).toBe('2026-01-01T12:00:00.000Z');
  });

  it('keeps milliseconds', () => {
    expect(iso(zonedToUtc('2026-07-01T12:00:00.250', 'America/New_York'))).toBe('2026-07-01T16:00:00.250Z');
  });

  it('either side of a spring-forward change', () => {
    expect(iso(zonedToUtc('2026-03-08T01:59:59', 'America/New_York'))).toBe('2026-03-08T06:59:59.000Z');
    expect(iso(zonedToUtc('2026-03-08T03:00:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-29T01:59:59', 'Europe/Berlin'))).toBe('2026-03-29T00:59:59.000Z');
    expect(iso(zonedToUtc('2026-03-29T03:00:00', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('a wall time skipped by the gap resolves with the offset before it', () => {
    expect(iso(zonedToUtc('2026-03-08T02:30:00', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedToUtc('2026-03-29T02:30:00', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a wall time that occurs twice resolves to the earlier instant in every zone', () => {
    expect(iso(zonedToUtc('2026-11-01T01:30:00', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedToUtc('2026-10-25T02:30:00', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToUtc('2026-04-05T02:30:00', 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
    // Just after the repeated hour there is only one instant.
    expect(iso(zonedToUtc('2026-11-01T02:00:00', 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('rejects what is not a date-time and unknown zones', () => {
    expect(() => zonedToUtc('yesterday', 'UTC')).toThrow(/not a date-time/);
    expect(() => zonedToUtc('2026-01-01T00:00:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('fromRestRecord', () => {
  it('reads an expanded employee, roles included', () => {
    const json = {
      links: [],
      id: '456',
      firstName: 'Jane',
      isInactive: false,
      giveAccess: true,
      hireDate: '2024-01-15',
      lastModifiedDate: '2026-03-06T12:34:56Z',
      phone: '',
      department: { links: [], id: '3', refName: 'Ops' },
      roles: {
        links: [],
        items: [
          { links: [], selectedRole: { id: '15', refName: 'Sales Rep' } },
          { selectedRole: { id: '3', refName: 'Admin' } },
        ],
      },
    };
    expect(fromRestRecord(json)).toEqual({
      id: '456',
      firstName: 'Jane',
      isInactive: false,
      giveAccess: true,
      hireDate: '2024-01-15',
      lastModifiedDate: '2026-03-06T12:34:56.000Z',
      phone: null,
      department: { id: '3', refName: 'Ops' },
      roles: [
        { id: '15', refName: 'Sales Rep' },
        { id: '3', refName: 'Admin' },
      ],
    });
  });

  it('leaves out a roles sublist that was not expanded (links only)', () => {
    expect(fromRestRecord({ id: '1', roles: { links: [{ rel: 'self', href: 'x' }] } })).toEqual({ id: '1' });
  });

  it('reads multi-select collections, declared or not', () => {
    const json = {
      custentity_skills: {
        links: [],
        items: [
          { id: '1', refName: 'A' },
          { id: '2', refName: 'B' },
        ],
      },
    };
    const refs = [
      { id: '1', refName: 'A' },
      { id: '2', refName: 'B' },
    ];
    expect(fromRestRecord(json, [resolveField('custentity_skills:multiselect')!])).toEqual({ custentity_skills: refs });
    expect(fromRestRecord(json, [resolveField('custentity_skills')!])).toEqual({ custentity_skills: refs });
    expect(fromRestRecord({ custentity_skills: { links: [] } }, [resolveField('custentity_skills')!])).toEqual({});
  });
});

describe('toRestBody', () => {
  it('writes selects as { id }, roles as a sublist and plain values as they are', () => {
    expect(
      toRestBody({
        firstName: 'Jane',
        isInactive: true,
        hireDate: '2024-01-15',
        department: { id: '3', refName: 'Ops' },
        supervisor: null,
        roles: [{ id: '15', refName: 'Sales Rep' }],
      }),
    ).toEqual({
      firstName: 'Jane',
      isInactive: true,
      hireDate: '2024-01-15',
      department: { id: '3' },
      supervisor: null,
      roles: { items: [{ selectedRole: { id: '15' } }] },
    });
    expect(toRestBody({ roles: null })).toEqual({ roles: { items: [] } });
  });

  it('writes multi-selects as items', () => {
    const skills = resolveField('custentity_skills:multiselect')!;
    expect(toRestBody({ custentity_skills: [{ id: '1', refName: 'A' }] }, [skills])).toEqual({
      custentity_skills: { items: [{ id: '1' }] },
    });
    expect(toRestBody({ custentity_skills: null }, [skills])).toEqual({ custentity_skills: null });
  });

  it('writes custom auto fields holding refs as REST does', () => {
    const auto = resolveField('custentity_any')!;
    expect(toRestBody({ custentity_any: { id: '4', refName: 'X' } }, [auto])).toEqual({ custentity_any: { id: '4' } });
    expect(toRestBody({ custentity_any: [{ id: '4', refName: 'X' }] }, [auto])).toEqual({
      custentity_any: { items: [{ id: '4' }] },
    });
    expect(toRestBody({ custentity_any: 'text' }, [auto])).toEqual({ custentity_any: 'text' });
  });

  it('rejects unknown, forbidden and read-only fields', () => {
    expect(() => toRestBody({ shoeSize: 44 })).toThrow(/unknown employee field "shoeSize"/);
    expect(() => toRestBody({ password: 'x' })).toThrow(/unknown/);
    expect(() => toRestBody({ lastModifiedDate: '2026-01-01T00:00:00.000Z' })).toThrow(/read-only/);
  });
});

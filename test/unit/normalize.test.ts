import {
  EMPLOYEE_FIELDS,
  FORBIDDEN_FIELDS,
  fieldByColumn,
  normalizeValue,
  resolveField,
  sameValue,
  toBoolean,
  toDate,
  toDateTime,
  toRef,
  toRefs,
} from '../../lib/core';

describe('resolveField', () => {
  it('finds standard fields by REST name in any case and by NetSuite id', () => {
    expect(resolveField('mobilePhone')?.nsId).toBe('mobilephone');
    expect(resolveField('MOBILEPHONE')?.rest).toBe('mobilePhone');
    expect(resolveField(' hiredate ')?.rest).toBe('hireDate');
    expect(resolveField('roles')?.kind).toBe('sublist');
  });

  it('accepts custom entity fields, with or without a declared kind', () => {
    expect(resolveField('custentity_badge')).toEqual({
      rest: 'custentity_badge',
      nsId: 'custentity_badge',
      column: 'custentity_badge',
      kind: 'auto',
    });
    expect(resolveField('CUSTENTITY_Badge:date')?.kind).toBe('date');
    expect(resolveField('custentity_x:sublist')).toBeNull();
    expect(resolveField('custentity_x:')).toBeNull();
    expect(resolveField('title:text')).toBeNull(); // standard fields have a fixed kind
  });

  it('refuses unknown and forbidden names', () => {
    for (const name of [
      '',
      'shoeSize',
      'custbody_x',
      'custentity-x',
      ...FORBIDDEN_FIELDS,
      'Password',
      'SocialSecurityNumber',
    ]) {
      expect(resolveField(name)).toBeNull();
    }
  });

  it('fieldByColumn maps SuiteQL columns back', () => {
    expect(fieldByColumn('EMPLOYEETYPE')?.rest).toBe('employeeType');
    expect(fieldByColumn('custentity_b')?.kind).toBe('auto');
    expect(fieldByColumn('nothing')).toBeNull();
  });

  it('the field map is consistent', () => {
    const rests = EMPLOYEE_FIELDS.map((f) => f.rest);
    expect(new Set(rests).size).toBe(rests.length);
    for (const f of EMPLOYEE_FIELDS) {
      expect(f.nsId).toBe(f.nsId.toLowerCase());
      expect(f.rest.toLowerCase()).toBe(f.nsId); // REST names are the ids in camelCase
    }
  });
});

describe('value normalisation', () => {
  it('booleans from every source', () => {
    for (const t of [true, 'T', 't', 'true']) expect(toBoolean(t)).toBe(true);
    for (const f of [false, 'F', 'f', 'false', null, undefined, '']) expect(toBoolean(f)).toBe(false);
    expect(() => toBoolean('yes')).toThrow(/not a boolean/);
  });

  it('dates: Date at local midnight, ISO strings, ISO date-time prefixes', () => {
    expect(toDate(new Date(2024, 0, 15))).toBe('2024-01-15');
    expect(toDate('2024-01-15')).toBe('2024-01-15');
    expect(toDate('2024-01-15T00:00:00.000Z')).toBe('2024-01-15');
    expect(toDate('')).toBeNull();
    expect(toDate(new Date(NaN))).toBeNull();
    expect(() => toDate('15/01/2024')).toThrow(/not a date/);
  });

  it('date-times: ISO UTC with milliseconds from Date, ms and strings', () => {
    const ms = Date.UTC(2026, 2, 8, 7, 0, 0, 5);
    expect(toDateTime(new Date(ms))).toBe('2026-03-08T07:00:00.005Z');
    expect(toDateTime(ms)).toBe('2026-03-08T07:00:00.005Z');
    expect(toDateTime('2026-03-08T03:00:00-04:00')).toBe('2026-03-08T07:00:00.000Z');
    expect(toDateTime(null)).toBeNull();
    expect(() => toDateTime('soon')).toThrow(/not a date-time/);
  });

  it('selects: id with text, ref objects, empty ids', () => {
    expect(toRef('3', 'Ops')).toEqual({ id: '3', refName: 'Ops' });
    expect(toRef(3)).toEqual({ id: '3', refName: null });
    expect(toRef({ id: 3, refName: 'Ops' })).toEqual({ id: '3', refName: 'Ops' });
    expect(toRef({ id: '3' }, 'Ops')).toEqual({ id: '3', refName: 'Ops' });
    expect(toRef({ id: '' })).toBeNull();
    expect(toRef('')).toBeNull();
  });

  it('multi-selects: arrays with parallel texts, separated strings, empty lists', () => {
    expect(toRefs(['1', '2'], ['A', 'B'])).toEqual([
      { id: '1', refName: 'A' },
      { id: '2', refName: 'B' },
    ]);
    expect(toRefs('1,2')).toEqual([
      { id: '1', refName: null },
      { id: '2', refName: null },
    ]);
    expect(toRefs('1\u00052')).toHaveLength(2);
    expect(toRefs([])).toBeNull();
    expect(toRefs(['', null])).toBeNull();
  });

  it('integers and floats, custom auto inference', () => {
    const int = resolveField('custentity_n:integer')!;
    const float = resolveField('custentity_f:float')!;
    const auto = resolveField('custentity_a')!;
    expect(normalizeValue(int, '42')).toBe(42);
    expect(() => normalizeValue(int, '4.2')).toThrow(/integer/);
    expect(normalizeValue(float, ' 4.5 ')).toBe(4.5);
    expect(() => normalizeValue(float, 'NaN')).toThrow(/number/);
    expect(normalizeValue(auto, true)).toBe(true);
    expect(normalizeValue(auto, 7)).toBe(7);
    // NaN would serialise as null and never equal itself: every save would look like a change.
    expect(() => normalizeValue(auto, NaN)).toThrow(/number/);
    expect(() => normalizeValue(auto, Infinity)).toThrow(/number/);
    expect(normalizeValue(auto, '')).toBeNull();
    expect(normalizeValue(auto, new Date(2024, 0, 15))).toBe('2024-01-15');
    expect(normalizeValue(auto, new Date(2024, 0, 15, 9, 30))).toBe(new Date(2024, 0, 15, 9, 30).toISOString());
    expect(normalizeValue(auto, ['1'], ['A'])).toEqual([{ id: '1', refName: 'A' }]);
  });

  it('sameValue: refs by id, ref lists as sets, empties alike', () => {
    expect(sameValue({ id: '1', refName: 'A' }, { id: '1', refName: null })).toBe(true);
    expect(sameValue({ id: '1', refName: 'A' }, { id: '2', refName: 'A' })).toBe(false);
    expect(
      sameValue(
        [
          { id: '1', refName: null },
          { id: '2', refName: null },
        ],
        [
          { id: '2', refName: 'B' },
          { id: '1', refName: 'A' },
        ],
      ),
    ).toBe(true);
    expect(
      sameValue(
        [{ id: '1', refName: null }],
        [
          { id: '1', refName: null },
          { id: '2', refName: null },
        ],
      ),
    ).toBe(false);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue([], null)).toBe(true);
    expect(sameValue(false, null)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue({ id: '1', refName: null }, [{ id: '1', refName: null }])).toBe(false);
  });
});

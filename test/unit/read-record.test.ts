import { EMPLOYEE_FIELDS, readRecord, resolveField, type FieldSource } from '../../lib/core';

/** A SuiteScript-like record: getValue/getText by field id, sublist lines. */
function source(
  values: Record<string, unknown>,
  texts: Record<string, unknown> = {},
  roles: { value: unknown; text: unknown }[] | null = null,
): FieldSource {
  return {
    has: (id) => id in values,
    value: (id) => values[id],
    text: (id) => {
      if (texts[id] === 'THROW') throw new Error('SSS_INVALID_API_USAGE');
      return texts[id];
    },
    lines: (sublist) => (sublist === 'roles' ? roles : null),
  };
}

describe('readRecord', () => {
  it('reads every kind from getValue/getText shapes', () => {
    const { record, present, problems } = readRecord(
      source(
        {
          firstname: 'Jane',
          phone: '',
          isinactive: false,
          giveaccess: true,
          department: '3',
          hiredate: new Date(2024, 0, 15),
          lastmodifieddate: new Date(Date.UTC(2026, 2, 6, 12)),
        },
        { department: 'Ops' },
        [{ value: '15', text: 'Sales Rep' }],
      ),
      EMPLOYEE_FIELDS,
    );
    expect(problems).toEqual([]);
    expect(record).toEqual({
      firstName: 'Jane',
      phone: null,
      isInactive: false,
      giveAccess: true,
      department: { id: '3', refName: 'Ops' },
      hireDate: '2024-01-15',
      lastModifiedDate: '2026-03-06T12:00:00.000Z',
      roles: [{ id: '15', refName: 'Sales Rep' }],
    });
    expect([...present].sort()).toEqual([
      'department',
      'firstName',
      'giveAccess',
      'hireDate',
      'isInactive',
      'lastModifiedDate',
      'phone',
      'roles',
    ]);
  });

  it('xedit: fields the record does not carry are not present and not read', () => {
    const { record, present } = readRecord(source({ title: 'Manager' }), EMPLOYEE_FIELDS);
    expect(record).toEqual({ title: 'Manager' });
    expect([...present]).toEqual(['title']);
  });

  it('a failing getValue is reported by error code only, never with the message (it may quote the value)', () => {
    const throwing = (error: unknown): FieldSource => ({
      ...source({ email: 'x' }),
      value: () => {
        throw error;
      },
    });
    const suiteScriptError = Object.assign(new Error('Invalid email jane.doe@example.com'), {
      name: 'SSS_INVALID_FIELD_VALUE',
    });
    expect(readRecord(throwing(suiteScriptError), EMPLOYEE_FIELDS).problems).toEqual([
      'email: unreadable (SSS_INVALID_FIELD_VALUE)',
    ]);
    expect(readRecord(throwing(new Error('jane.doe@example.com is bad')), EMPLOYEE_FIELDS).problems).toEqual([
      'email: unreadable',
    ]);
    expect(readRecord(throwing('plain string jane'), EMPLOYEE_FIELDS).problems).toEqual(['email: unreadable']);
  });

  it('an unavailable getText still gives the id', () => {
    const { record, problems } = readRecord(source({ department: '3' }, { department: 'THROW' }), EMPLOYEE_FIELDS);
    expect(record.department).toEqual({ id: '3', refName: null });
    expect(problems).toEqual([]);
  });

  it('an unreadable value is null with a problem that names the field but not the value', () => {
    const field = resolveField('custentity_flag:boolean')!;
    const { record, problems } = readRecord(source({ custentity_flag: 'secret-ish value' }), [field]);
    expect(record.custentity_flag).toBeNull();
    expect(problems).toEqual(['custentity_flag: not a boolean']);
    expect(problems.join()).not.toContain('secret-ish');
  });
});

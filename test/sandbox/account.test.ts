/** The account on a fixture project: store, validation, user events firing with NetSuite's semantics. */
import { NetSuiteError } from '../../lib/sandbox/account/account-types';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { PROBE_PROJECT, REST, UI, CSV } from './helpers';

let account: SandboxAccount;

beforeAll(async () => {
  account = await SandboxAccount.create({ projectDir: PROBE_PROJECT });
});

afterAll(async () => {
  await account.close();
});

function probes(): { event: string; detail: Record<string, unknown> }[] {
  return account.customRecords('customrecord_sb_probe').map((r) => ({
    event: String(r.custrecord_sb_event),
    detail: JSON.parse(String(r.custrecord_sb_detail)) as Record<string, unknown>,
  }));
}

test('the seeded company is there, as canonical records', () => {
  const ada = account.getEmployee('1')!;
  expect(ada).toMatchObject({
    id: '1',
    firstName: 'Ada',
    lastName: 'Okafor',
    isInactive: false,
    giveAccess: true,
    subsidiary: { id: '1', refName: 'Parent Company' },
  });
  expect(ada.roles).toEqual([{ id: '3', refName: 'Administrator' }]);
  expect(account.findEmployeeByExternalId('HR-1000')).toBe('1');
  expect(account.listEmployees(3, 0)).toEqual({ ids: ['1', '2', '3'], totalResults: 8 });
});

test('create fires afterSubmit with type create, the REST context, dates as Date and select texts', async () => {
  const id = await account.createEmployee(
    {
      values: {
        firstName: 'Zoe',
        lastName: 'Quinn',
        subsidiary: { id: '1', refName: null },
        department: { id: '1', refName: null },
        hireDate: '2026-03-02',
        title: 'Engineer',
        roles: [{ id: '15', refName: null }],
      },
    },
    REST,
  );
  expect(account.getEmployee(id)).toMatchObject({
    firstName: 'Zoe',
    hireDate: '2026-03-02',
    department: { id: '1', refName: 'Engineering' },
    roles: [{ id: '15', refName: 'Sales Rep' }],
  });
  const last = probes().at(-1)!;
  expect(last.event).toBe('create');
  expect(last.detail).toMatchObject({
    type: 'create',
    ctx: 'RESTWEBSERVICES',
    user: 7,
    title: 'Engineer',
    hireIsDate: true,
    isinactive: false,
    department: '1',
    departmentText: 'Engineering',
    roles: 1,
    firstRole: 'Sales Rep',
  });
  expect(last.detail.oldTitle).toBeUndefined();
});

test('xedit gives a newRecord holding only the edited fields; edit gives the whole record', async () => {
  await account.updateEmployee('2', { values: { title: 'CTO' } }, UI, 'xedit');
  let last = probes().at(-1)!;
  expect(last.detail).toMatchObject({
    type: 'xedit',
    ctx: 'USERINTERFACE',
    fields: ['title'],
    title: 'CTO',
    oldTitle: 'VP Engineering',
    roles: -1,
  });
  await account.updateEmployee('2', { values: { title: 'CTO & Co-founder' } }, CSV, 'edit');
  last = probes().at(-1)!;
  expect(last.detail).toMatchObject({
    type: 'edit',
    ctx: 'CSVIMPORT',
    title: 'CTO & Co-founder',
    oldTitle: 'CTO',
    department: '1',
    roles: 1,
  });
});

test('roles: add lines by default, exact list with replace', async () => {
  await account.updateEmployee('2', { values: { roles: [{ id: '15', refName: null }] } }, REST);
  expect(account.getEmployee('2')!.roles).toEqual([
    { id: '3', refName: 'Administrator' },
    { id: '15', refName: 'Sales Rep' },
  ]);
  await account.updateEmployee('2', { values: { roles: [{ id: '30', refName: null }] }, replaceRoles: true }, REST);
  expect(account.getEmployee('2')!.roles).toEqual([{ id: '30', refName: 'Accountant' }]);
});

test('validation errors are NetSuite errors and fire nothing', async () => {
  const before = probes().length;
  await expect(account.createEmployee({ values: { firstName: 'No', lastName: 'Sub' } }, REST)).rejects.toMatchObject({
    status: 400,
    code: 'USER_ERROR',
  });
  await expect(
    account.updateEmployee('2', { values: { department: { id: '999', refName: null } } }, REST),
  ).rejects.toMatchObject({ code: 'INVALID_KEY_OR_REF', errorPath: 'department' });
  await expect(account.updateEmployee('999', { values: { title: 'x' } }, REST)).rejects.toBeInstanceOf(NetSuiteError);
  expect(probes().length).toBe(before);
});

test('delete is refused when transactions reference the employee, and fires delete otherwise', async () => {
  await expect(account.deleteEmployee('3', REST)).rejects.toMatchObject({
    code: 'THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS',
  });
  const id = await account.createEmployee(
    { values: { firstName: 'Temp', lastName: 'Worker', subsidiary: { id: '1', refName: null } } },
    REST,
  );
  await account.deleteEmployee(id, REST);
  expect(account.getEmployee(id)).toBeNull();
  expect(probes().at(-1)!.event).toBe('delete');
});

test('an afterSubmit error is logged and the write stays; writes by a user event fire no user events', async () => {
  await account.updateEmployee('4', { values: { title: 'Crash' } }, REST);
  expect(account.getEmployee('4')!.title).toBe('Crash');
  expect(account.logs({ level: 'ERROR' }).at(-1)).toMatchObject({
    script: 'customscript_sb_probe_ue',
    title: 'Error',
    details: 'probe crash',
  });
  const before = probes().length;
  await account.updateEmployee('4', { values: { title: 'Loop' } }, REST);
  expect(account.getEmployee('4')!.title).toBe('Looped');
  expect(probes().length).toBe(before + 1);
});

test('SuiteQL answers lowercase columns, T/F booleans, strings, and leaves out nulls', async () => {
  const page = await account.runSuiteQL(
    "SELECT e.id, e.firstname, e.isinactive, e.mobilephone, BUILTIN.DF(e.department) AS department_refname, TO_CHAR(e.hiredate, 'YYYY-MM-DD') AS hiredate FROM employee e WHERE e.id = ?",
    [1],
    10,
    0,
  );
  expect(page).toEqual({
    totalResults: 1,
    items: [{ id: '1', firstname: 'Ada', isinactive: 'F', department_refname: 'Operations', hiredate: '2019-01-07' }],
  });
  await expect(account.runSuiteQL('SELECT * FROM sandbox_secret', [], 10, 0)).rejects.toThrow(NetSuiteError);
  await expect(account.runSuiteQL('DELETE FROM employee', [], 10, 0)).rejects.toThrow(NetSuiteError);
});

test('a SuiteQL query that ends in a -- comment is answered like the same query without it', async () => {
  const q = 'SELECT e.id FROM employee e WHERE e.id = ?';
  const plain = await account.runSuiteQL(q, [1], 10, 0);
  expect(plain.totalResults).toBe(1);
  await expect(account.runSuiteQL(`${q} -- the employee we need`, [1], 10, 0)).resolves.toEqual(plain);
});

test('a CSV import: CSVIMPORT context, failing rows reported, user events only with server SuiteScript on', async () => {
  const before = probes().length;
  const results = await account.csvImport([
    { externalId: 'CSV-1', firstName: 'Csv', lastName: 'One', subsidiary: { id: '1', refName: null } },
    { externalId: 'CSV-2', firstName: 'Csv', lastName: 'Two' }, // no subsidiary
    { externalId: 'HR-1001', title: 'VP Engineering (imported)' }, // updates Bruno by external id
  ]);
  expect(results.map((r) => r.error ?? 'ok')).toEqual([
    'ok',
    'USER_ERROR: Please enter value(s) for: Subsidiary',
    'ok',
  ]);
  expect(results[2]!.id).toBe('2');
  expect(
    probes()
      .slice(before)
      .map((p) => [p.event, p.detail.ctx]),
  ).toEqual([
    ['create', 'CSVIMPORT'],
    ['edit', 'CSVIMPORT'],
  ]);
  await account.csvImport(
    [{ externalId: 'CSV-3', firstName: 'Csv', lastName: 'Three', subsidiary: { id: '2', refName: null } }],
    { runServerSuiteScript: false },
  );
  expect(account.findEmployeeByExternalId('CSV-3')).not.toBeNull();
  expect(probes().length).toBe(before + 2);
});

test('UI edits: inline edit is xedit, edit is edit, both USERINTERFACE', async () => {
  await account.inlineEdit('6', { phone: '555-0199' });
  expect(probes().at(-1)!.detail).toMatchObject({ type: 'xedit', ctx: 'USERINTERFACE', fields: ['phone'] });
  await account.edit('6', { phone: '555-0200' });
  expect(probes().at(-1)!.detail).toMatchObject({ type: 'edit', ctx: 'USERINTERFACE' });
});

/**
 * The BUILT user event (src/FileCabinet/…/suitehooks_employee_ue.js) on vendors, partners and customers,
 * under Oracle's stubs: the same contract as the employee's, driven by the registry
 * (lib/core/record-types.ts): `<type>.*` event types, diffs over the type's field map, the access
 * lifecycle whichever way the type stores roles, and PARTIAL_DEPROVISION.
 */
jest.mock('N/https');
jest.mock('N/crypto');
jest.mock('N/runtime');
jest.mock('N/record');
jest.mock('N/log');
jest.mock('N/cache');

import { Webhook } from 'standardwebhooks';
import { PARAM } from '../../lib/core/config';
import type { WebhookEvent } from '../../lib/core/envelope';
import { USER_RECORD_TYPES, type UserRecordType } from '../../lib/core/record-types';
import { employeeRecord, installFakes, SECRET_ID, type EmployeeFixture, type FakeAccount } from './fake-netsuite';

const { afterSubmit } = require('SuiteScripts/suitehooks/suitehooks_employee_ue.js') as {
  afterSubmit: (ctx: unknown) => void;
};

const ENDPOINT = 'https://hooks.example.com/netsuite';
const SALES_REP = { id: '15', name: 'Sales Rep' };
const ACCOUNTANT = { id: '30', name: 'Accountant' };
const MODIFIED = new Date('2026-03-06T12:34:56.000Z');

let account: FakeAccount;
beforeEach(() => {
  account = installFakes({ params: { [PARAM.endpointUrl]: ENDPOINT, [PARAM.secretId]: SECRET_ID } });
});

/** The events of this test's POSTs, each verified with the API Secret (throws if one does not verify). */
function events(): WebhookEvent[] {
  const hook = new Webhook(`whsec_${account.secrets[SECRET_ID]}`);
  return account.posts.map((p) => hook.verify(p.body, p.headers) as WebhookEvent);
}

function run(type: string, next: EmployeeFixture | null, old: EmployeeFixture | null): WebhookEvent | undefined {
  const before = account.posts.length;
  afterSubmit({ type, newRecord: employeeRecord(next ?? old!), oldRecord: old ? employeeRecord(old) : null });
  return account.posts.length > before ? events().at(-1) : undefined;
}

/** A record of `type` with `roles` given the type's way: sublist lines, or the one `accessrole` select. */
function login(type: UserRecordType, values: Record<string, unknown>, roles: (typeof SALES_REP)[]): EmployeeFixture {
  const base = {
    entityid: `${type.id} 1`,
    companyname: 'Northwind Supplies',
    email: 'ap@northwind.test',
    isinactive: false,
    giveaccess: false,
    lastmodifieddate: MODIFIED,
  };
  if (type.roles.kind === 'sublist') return { id: 900, type: type.id, values: { ...base, ...values }, roles };
  const role = roles[0];
  return {
    id: 900,
    type: type.id,
    values: { ...base, accessrole: role?.id ?? '', ...values },
    texts: role ? { accessrole: role.name } : {},
  };
}

/** How the type's role field reports `from` → `to` in `changes`. */
function roleChange(type: UserRecordType, from: (typeof SALES_REP)[], to: (typeof SALES_REP)[]): unknown {
  const ref = (r: typeof SALES_REP) => ({ id: r.id, refName: r.name });
  if (type.roles.kind === 'sublist') {
    const ids = (rs: (typeof SALES_REP)[]) => new Set(rs.map((r) => r.id));
    return {
      added: to.filter((r) => !ids(from).has(r.id)).map(ref),
      removed: from.filter((r) => !ids(to).has(r.id)).map(ref),
    };
  }
  return { old: from[0] ? ref(from[0]) : null, new: to[0] ? ref(to[0]) : null };
}

const OTHERS = USER_RECORD_TYPES.filter((t) => t.id !== 'employee');

describe.each(OTHERS.map((t) => [t.id, t] as const))('%s', (id, type) => {
  const noAccess = login(type, {}, []);
  const granted = login(type, { giveaccess: true }, [SALES_REP]);

  test(`create: ${id}.created, verified, over the type's own fields, at the employee's cost`, () => {
    const event = run('create', noAccess, null)!;
    expect(event.type).toBe(`${id}.created`);
    expect(event.data).toMatchObject({ recordType: id, recordId: '900', changeType: 'create', lifecycle: [] });
    expect(event.data.changes.companyName).toEqual({ old: null, new: 'Northwind Supplies' });
    expect(Object.keys(event.data.record!).sort()).toEqual(['id', ...type.fields.map((f) => f.rest)].sort());
    // The same units as an employee's create in the same configuration (the success path: breaker and POST).
    const spent = account.remainingUsage;
    account = installFakes({ params: account.params });
    run('create', { id: 456, values: { firstname: 'Jane', lastmodifieddate: MODIFIED } }, null);
    expect(account.posts).toHaveLength(1);
    expect(spent).toBe(account.remainingUsage);
    expect(account.deliveries.size).toBe(0);
  });

  test('granting login access with a role: access_granted and the role added', () => {
    const event = run('edit', granted, noAccess)!;
    expect(event.type).toBe(`${id}.updated`);
    expect(event.data.lifecycle).toEqual(['access_granted']);
    expect(event.data.changes.giveAccess).toEqual({ old: false, new: true });
    expect(event.data.changes[type.roles.rest]).toEqual(roleChange(type, [], [SALES_REP]));
    expect(event.data.warnings).toEqual([]);
  });

  test('changing the role: the old one removed, the new one added, no lifecycle transition', () => {
    const event = run('edit', login(type, { giveaccess: true }, [ACCOUNTANT]), granted)!;
    expect(event.data.changedFields).toEqual([type.roles.rest]);
    expect(event.data.changes[type.roles.rest]).toEqual(roleChange(type, [SALES_REP], [ACCOUNTANT]));
    expect(event.data.lifecycle).toEqual([]);
  });

  test('deactivated with access kept: PARTIAL_DEPROVISION; then access revoked: access_revoked', () => {
    const inactive = login(type, { giveaccess: true, isinactive: true }, [SALES_REP]);
    expect(run('edit', inactive, granted)!.data).toMatchObject({
      lifecycle: ['deactivated'],
      warnings: ['PARTIAL_DEPROVISION'],
    });
    const revoked = login(type, { giveaccess: false, isinactive: true }, []);
    expect(run('edit', revoked, inactive)!.data).toMatchObject({ lifecycle: ['access_revoked'], warnings: [] });
  });

  test('an inline edit of giveaccess alone: access_revoked from the edited field only', () => {
    const xedit: EmployeeFixture = { id: 900, type: id, values: { giveaccess: false }, edited: ['giveaccess'] };
    const event = run('xedit', xedit, granted)!;
    expect(event.data).toMatchObject({
      eventType: 'xedit',
      changedFields: ['giveAccess'],
      lifecycle: ['access_revoked'],
    });
  });

  test(`delete: ${id}.deleted with the last known values`, () => {
    const event = run('delete', null, granted)!;
    expect(event.type).toBe(`${id}.deleted`);
    expect(event.data.record).toMatchObject({ id: '900', giveAccess: true, companyName: 'Northwind Supplies' });
  });

  test("tracked fields name the type's own fields; another type's field is a problem and the defaults stay tracked", () => {
    account.params[PARAM.fields] = 'companyName';
    const event = run('edit', login(type, { companyname: 'Contoso', email: 'x@y.test' }, []), noAccess)!;
    expect(event.data.changedFields).toEqual(['companyName']);
    account.params[PARAM.fields] = 'companyName, hireDate';
    const again = run('edit', login(type, { companyname: 'Fabrikam', email: 'z@y.test' }, []), noAccess)!;
    expect(again.data.changedFields).toEqual(['companyName', 'email']);
    expect(account.logs.find((l) => l.title === 'suitehooks: configuration')?.details).toContain(
      `${PARAM.fields} unknown or forbidden field`,
    );
  });
});

test('a vendor keeps its roles sublist; a partner and a customer have no such field in their events', () => {
  const vendor = run('create', login(OTHERS[0]!, { giveaccess: true }, [SALES_REP]), null)!;
  expect(vendor.data.record).toHaveProperty('roles');
  for (const type of OTHERS.slice(1)) {
    const event = run('create', login(type, { giveaccess: true }, [SALES_REP]), null)!;
    expect(event.data.record).not.toHaveProperty('roles');
    expect(event.data.changes.accessRole).toEqual({ old: null, new: { id: '15', refName: 'Sales Rep' } });
  }
});

test('a deployment on a record type that cannot log in sends and stores nothing, and says so once', () => {
  expect(
    run('edit', { id: 5, type: 'contact', values: { email: 'a@b.test' } }, { id: 5, type: 'contact', values: {} }),
  ).toBe(undefined);
  expect(account.deliveries.size).toBe(0);
  expect(account.logs.filter((l) => l.level === 'error')).toEqual([
    {
      level: 'error',
      title: 'suitehooks: not a login record',
      details:
        'contact 5: this script sends events for EMPLOYEE, VENDOR, PARTNER, CUSTOMER only; remove its deployment on this record type',
    },
  ]);
});

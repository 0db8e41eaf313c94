/**
 * Vendors, partners and customers through the client, as employees are: the lifecycle (create,
 * deactivate with read-back, roles however the type stores them) and the access review (every record
 * that can log in, its roles and state, and the difference between two exports), against the sandbox.
 */
import { accessList, diffAccess, type AccessEntry, type NetSuiteClient } from '../../lib/client';
import type { UserRecordType } from '../../lib/core';
import { startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let client: NetSuiteClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = sandbox.client('m2m');
});
afterAll(() => sandbox.close());

const recordsOf = (type: UserRecordType) =>
  ({ employee: client.employees, vendor: client.vendors, partner: client.partners, customer: client.customers })[
    type.id
  ];

async function review(): Promise<AccessEntry[]> {
  const out: AccessEntry[] = [];
  for await (const e of accessList(client.suiteql, recordsOf)) out.push(e);
  return out;
}

const ids = new Map<string, string>();

describe('the lifecycle of every login record', () => {
  it('a vendor: create with access and a role, add and remove roles, deactivate (both flags read back)', async () => {
    const id = await client.vendors.create({
      companyName: 'Northwind Supplies',
      subsidiary: 'Parent Company',
      email: 'ap@northwind.test',
      giveAccess: true,
      roles: ['Sales Rep'],
    });
    ids.set('vendor', id);
    expect(await client.vendors.get(id)).toMatchObject({
      id,
      companyName: 'Northwind Supplies',
      giveAccess: true,
      roles: [{ id: '15', refName: 'Sales Rep' }],
    });
    await client.vendors.addRole(id, 'Accountant');
    await client.vendors.removeRole(id, 'Sales Rep');
    expect((await client.vendors.get(id)).roles).toEqual([{ id: '30', refName: 'Accountant' }]);
    await expect(client.vendors.update(id, { supervisor: '1' })).rejects.toThrow(/unknown vendor field "supervisor"/);
  });

  it('a partner and a customer: one accessRole, set, replaced and cleared through the same role calls', async () => {
    const partner = await client.partners.create({
      isPerson: true,
      firstName: 'Pat',
      lastName: 'Ner',
      subsidiary: 'Parent Company',
      email: 'pat@partner.test',
      giveAccess: true,
      accessRole: 'Accountant',
    });
    ids.set('partner', partner);
    await client.partners.addRole(partner, 'Sales Rep');
    expect((await client.partners.get(partner)).accessRole).toEqual({ id: '15', refName: 'Sales Rep' });
    await expect(client.partners.setRoles(partner, ['Sales Rep', 'Accountant'])).rejects.toThrow(/one role/);
    const customer = await client.customers.create({
      companyName: 'Contoso',
      subsidiary: 'Parent Company',
      email: 'it@contoso.test',
      giveAccess: true,
      accessRole: 'Employee Center',
    });
    ids.set('customer', customer);
    expect(await client.customers.get(customer)).toMatchObject({ giveAccess: true, accessRole: { id: '18' } });
  });
});

describe('the REST routes of the other types', () => {
  it('upsert by external id, the paged collection, GET without a roles sublist, DELETE, and refusals', async () => {
    const id = await client.customers.upsert('CRM-9', { companyName: 'Fabrikam', subsidiary: 'Parent Company' });
    expect(await client.customers.upsert('CRM-9', { phone: '555-0100' })).toBe(id);
    expect(await client.customers.getByExternalId('CRM-9')).toMatchObject({ id, phone: '555-0100' });
    const page = await client.transport.request('GET', '/services/rest/record/v1/customer', {
      query: { limit: 1, q: 'companyName IS Fabrikam' },
    });
    expect(page.body).toMatchObject({ count: 1, totalResults: 1, items: [{ id }] });
    const raw = (await client.transport.request('GET', `/services/rest/record/v1/customer/${id}`)).body;
    expect(raw).not.toHaveProperty('roles');
    const unknown = client.transport.request('PATCH', `/services/rest/record/v1/customer/${id}`, {
      body: { supervisor: { id: '1' } },
    });
    await expect(unknown).rejects.toMatchObject({ status: 400, code: 'INVALID_CONTENT' });
    const put = client.transport.request('POST', `/services/rest/record/v1/customer/${id}`, { body: {} });
    await expect(put).rejects.toMatchObject({ status: 405 });
    await client.customers.delete(id);
    expect(await client.customers.getByExternalId('CRM-9')).toBeNull();
  });
});

describe('suitehooks access review', () => {
  let first: AccessEntry[];

  it('lists every record with login access across the four types, with roles and state', async () => {
    first = await review();
    const byType = (t: string) => first.filter((e) => e.type === t);
    expect(byType('vendor')).toEqual([
      {
        type: 'vendor',
        id: ids.get('vendor'),
        entityId: 'Northwind Supplies',
        email: 'ap@northwind.test',
        isInactive: false,
        roles: [{ id: '30', refName: 'Accountant' }],
        flags: [],
      },
    ]);
    expect(byType('partner')[0]).toMatchObject({ entityId: 'Pat Ner', roles: [{ id: '15', refName: 'Sales Rep' }] });
    expect(byType('customer')[0]).toMatchObject({ roles: [{ id: '18', refName: 'Employee Center' }] });
    // The seeded employees with access come first, with their roles sublist.
    expect(first[0]!.type).toBe('employee');
    expect(byType('employee').every((e) => e.roles.length > 0)).toBe(true);
    expect(first.map((e) => e.type)).toEqual(
      [...first.map((e) => e.type)].sort(
        (a, b) =>
          ['employee', 'vendor', 'partner', 'customer'].indexOf(a) -
          ['employee', 'vendor', 'partner', 'customer'].indexOf(b),
      ),
    );
  });

  it('flags an inactive record that still has access, and diffs two exports', async () => {
    const customer = ids.get('customer')!;
    await client.customers.update(customer, { isInactive: true });
    await client.partners.update(ids.get('partner')!, { accessRole: 'Accountant' });
    await client.vendors.deactivate(ids.get('vendor')!);
    const second = await review();
    expect(second.find((e) => e.type === 'customer')).toMatchObject({
      isInactive: true,
      flags: ['INACTIVE_WITH_ACCESS'],
    });
    expect(diffAccess(first, second)).toEqual([
      {
        type: 'partner',
        id: ids.get('partner'),
        entityId: 'Pat Ner',
        change: 'role_added',
        role: { id: '30', refName: 'Accountant' },
      },
      {
        type: 'partner',
        id: ids.get('partner'),
        entityId: 'Pat Ner',
        change: 'role_removed',
        role: { id: '15', refName: 'Sales Rep' },
      },
      { type: 'vendor', id: ids.get('vendor'), entityId: 'Northwind Supplies', change: 'access_revoked' },
    ]);
    expect(diffAccess(second, first).map((c) => c.change)).toContain('access_granted');
  });

  it('reads past one SuiteQL page (key-paged by id)', async () => {
    const insert = sandbox.account.db.prepare(
      `INSERT INTO customer (id, entityid, companyname, isperson, isinactive, giveaccess, subsidiary, accessrole, email)
       VALUES (?, ?, ?, 'F', 'F', 'T', 1, 18, ?)`,
    );
    sandbox.account.db.transaction(() => {
      for (let i = 0; i < 2100; i++) insert.run(100_000 + i, `Bulk ${i}`, `Bulk ${i}`, `c${i}@bulk.test`);
    })();
    const customers = (await review()).filter((e) => e.type === 'customer');
    expect(customers).toHaveLength(2101);
    expect(new Set(customers.map((e) => e.id)).size).toBe(2101);
    expect(customers.at(-1)).toMatchObject({ id: '102099', roles: [{ id: '18', refName: 'Employee Center' }] });
  });
});

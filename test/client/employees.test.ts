/** The employee lifecycle through the client, against the sandbox account over HTTP. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createClient,
  DeactivationError,
  DeleteRefusedError,
  NameNotFoundError,
  Secret,
  type NetSuiteClient,
  type Ref,
} from '../../lib/client';
import { FAST_RETRY, startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let client: NetSuiteClient;
const roleIds = (roles: unknown) => ((roles as Ref[] | null) ?? []).map((r) => r.id).sort();

beforeAll(async () => {
  sandbox = await startSandbox();
  client = sandbox.client('m2m');
});
afterAll(() => sandbox.close());

describe('employee lifecycle', () => {
  it('creates (id from Location), reads back in the canonical shape, resolving names to ids', async () => {
    const id = await client.employees.create({
      firstName: 'Ivy',
      lastName: 'Stone',
      email: 'ivy@example.com',
      subsidiary: 'Parent Company',
      department: 'engineering',
      location: 'London',
      hireDate: '2026-01-05',
      giveAccess: true,
      roles: ['Sales Rep'],
    });
    expect(id).toMatch(/^\d+$/);
    const got = await client.employees.get(id);
    expect(got).toMatchObject({
      id,
      firstName: 'Ivy',
      email: 'ivy@example.com',
      isInactive: false,
      giveAccess: true,
      hireDate: '2026-01-05',
      department: { id: '1', refName: 'Engineering' },
      location: { id: '2', refName: 'London' },
      subsidiary: { id: '1', refName: 'Parent Company' },
    });
    expect(roleIds(got.roles)).toEqual(['15']);
    const writes = sandbox.account.db
      .prepare('SELECT COUNT(*) FROM employee WHERE email = ?')
      .pluck()
      .get('ivy@example.com');
    expect(writes).toBe(1);
  });

  it('names an unknown role, department or location instead of guessing', async () => {
    await expect(
      client.employees.create({ firstName: 'X', lastName: 'Y', subsidiary: '1', department: 'Astrology' }),
    ).rejects.toThrow(NameNotFoundError);
    await expect(client.resolver.id('role', 'No Such Role')).rejects.toThrow(/no role is named "No Such Role"/);
    expect(await client.resolver.id('subsidiary', { name: 'Acme GmbH' })).toBe('3');
    expect(await client.resolver.id('location', 'Remote')).toBe('4');
  });

  it('upserts by external id: the first call creates, the second updates the same record', async () => {
    const a = await client.employees.upsert('HR-9001', {
      firstName: 'Jon',
      lastName: 'Park',
      subsidiary: 'Parent Company',
      title: 'Analyst',
    });
    const b = await client.employees.upsert('HR-9001', { title: 'Senior Analyst' });
    expect(b).toBe(a);
    expect(await client.employees.getByExternalId('HR-9001')).toMatchObject({
      id: a,
      externalId: 'HR-9001',
      title: 'Senior Analyst',
      firstName: 'Jon',
    });
    expect(await client.employees.getByExternalId('HR-nope')).toBeNull();
  });

  it('updates, deactivates (both flags, read back) and reactivates', async () => {
    const id = await client.employees.create({
      firstName: 'Kai',
      lastName: 'Moss',
      email: 'kai@example.com',
      subsidiary: '1',
      giveAccess: true,
      roles: ['Administrator'],
    });
    await client.employees.update(id, { title: 'Engineer', department: 'Operations', mobilePhone: '+44 20 7946 0000' });
    expect(await client.employees.get(id)).toMatchObject({
      title: 'Engineer',
      department: { id: '3' },
      mobilePhone: '+44 20 7946 0000',
    });
    const off = await client.employees.deactivate(id);
    expect(off).toMatchObject({ isInactive: true, giveAccess: false });
    const on = await client.employees.reactivate(id, { giveAccess: false });
    expect(on).toMatchObject({ isInactive: false, giveAccess: false });
    await client.employees.deactivate(id);
    expect(await client.employees.reactivate(id, { giveAccess: true })).toMatchObject({
      isInactive: false,
      giveAccess: true,
    });
    await client.employees.update(id, { title: null });
    expect((await client.employees.get(id)).title ?? null).toBeNull();
  });

  it('deletes a new employee; a refused delete explains itself and offers deactivation', async () => {
    const id = await client.employees.create({ firstName: 'Tmp', lastName: 'Hire', subsidiary: '1' });
    await client.employees.delete(id);
    await expect(client.employees.get(id)).rejects.toMatchObject({ status: 404, code: 'NONEXISTENT_ID' });
    // Seeded employee 3 has an expense report.
    const refused = await client.employees.delete('3').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeleteRefusedError);
    expect((refused as DeleteRefusedError).hint).toMatch(/deactivate 3/);
    expect(await client.employees.get('3')).toMatchObject({ id: '3' });
  });

  it('changes roles through the roles sublist: add, replace, remove', async () => {
    const id = await client.employees.create({
      firstName: 'Lea',
      lastName: 'Roy',
      email: 'lea@example.com',
      subsidiary: '1',
      giveAccess: true,
      roles: ['Employee Center'],
    });
    await client.employees.addRole(id, 'Sales Rep');
    expect(roleIds((await client.employees.get(id)).roles)).toEqual(['15', '18']);
    await client.employees.addRole(id, '15'); // already held: no second line
    expect(roleIds((await client.employees.get(id)).roles)).toEqual(['15', '18']);
    await client.employees.setRoles(id, ['Accountant', { id: '1001' }]);
    expect(roleIds((await client.employees.get(id)).roles)).toEqual(['1001', '30']);
    await client.employees.removeRole(id, 'accountant');
    expect(roleIds((await client.employees.get(id)).roles)).toEqual(['1001']);
    await client.employees.removeRole(id, 'Sales Rep'); // not held: nothing to do
    expect(roleIds((await client.employees.get(id)).roles)).toEqual(['1001']);
  });

  it('rejects unknown fields before sending and surfaces NetSuite validation with its error path', async () => {
    await expect(client.employees.update('1', { favouriteColour: 'blue' })).rejects.toThrow(
      /unknown employee field "favouriteColour"/,
    );
    const err = await client.employees.update('1', { hireDate: 'last tuesday' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 400,
      code: 'INVALID_CONTENT',
      details: [expect.objectContaining({ 'o:errorPath': 'hireDate' })],
    });
  });
});

it('fails loudly when a deactivation does not stick (a script set access back)', async () => {
  const patches: unknown[] = [];
  const stub = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method === 'PATCH') {
        patches.push(JSON.parse(body));
        res.writeHead(204).end();
      } else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: '9', isInactive: true, giveAccess: true }));
    });
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  try {
    const secret = new Secret('s');
    const c = createClient(
      {
        account: '1',
        baseUrl: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
        auth: { type: 'tba', consumerKey: 'k', consumerSecret: secret, tokenId: 't', tokenSecret: secret },
      },
      { retry: FAST_RETRY },
    );
    const err = await c.employees.deactivate('9').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeactivationError);
    expect((err as Error).message).toMatch(/isInactive=true, giveAccess=true/);
    expect(patches).toEqual([{ isInactive: true, giveAccess: false }]);
  } finally {
    stub.close();
  }
});

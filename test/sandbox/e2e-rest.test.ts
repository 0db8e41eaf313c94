/**
 * The whole chain over real HTTP: the client calls the sandbox's REST API (OAuth 2.0 M2M), the account
 * fires the real bundle's user event, and the https receiver gets verified events; the client's own
 * webhook verifier accepts them too.
 */
import { SandboxAccount } from '../../lib/sandbox/account';
import { Receiver } from '../../lib/sandbox/receiver';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { createClient, DeleteRefusedError, Secret, type NetSuiteClient } from '../../lib/client';

jest.setTimeout(30_000);

let account: SandboxAccount;
let receiver: Receiver;
let server: RestServer;
let client: NetSuiteClient;

beforeAll(async () => {
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    secrets: { custsecret_rest_e2e: receiver.apiSecretValue },
    params: { customdeploy_suitehooks_employee_ue: { custscript_suitehooks_endpoint_url: receiver.url, custscript_suitehooks_secret_id: 'custsecret_rest_e2e' } },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
  const dev = createDevCredentials();
  server = await startRestServer(account, { credentials: dev.registry });
  client = createClient({
    account: account.accountId,
    baseUrl: server.url,
    auth: { type: 'm2m', clientId: dev.client.m2m.clientId, certificateId: dev.client.m2m.certificateId, privateKey: new Secret(dev.client.m2m.privateKey) },
  });
});

afterAll(async () => {
  await server?.close();
  await account?.close();
  await receiver?.close();
});

const lastEvent = () => [...receiver.events.values()].at(-1)!;

test('REST create, role change and deprovision arrive as verified events with the REST origin', async () => {
  const id = await client.employees.create({ firstName: 'Rest', lastName: 'Chain', email: 'rest.chain@example.com', subsidiary: { id: '1' }, title: 'Engineer' });
  expect(lastEvent()).toMatchObject({ type: 'employee.created', data: { recordId: id, origin: { executionContext: 'RESTWEBSERVICES', user: { id: '-5' }, role: { id: '3' } } } });

  await client.employees.addRole(id, { id: '15' });
  expect(lastEvent().data.changes.roles).toEqual({ added: [{ id: '15', refName: 'Sales Rep' }], removed: [] });

  await client.employees.update(id, { giveAccess: true });
  await client.employees.deactivate(id);
  expect(lastEvent().data).toMatchObject({ changedFields: ['giveAccess', 'isInactive'], lifecycle: ['deactivated', 'access_revoked'] });
  expect(receiver.attempts.every((a) => a.verified)).toBe(true);
});

test('a refused DELETE fires nothing; the client explains it', async () => {
  const before = receiver.attempts.length;
  await expect(client.employees.delete('3')).rejects.toBeInstanceOf(DeleteRefusedError);
  expect(receiver.attempts.length).toBe(before);
});

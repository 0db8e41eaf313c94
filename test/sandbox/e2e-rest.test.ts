/**
 * The whole chain over real HTTP: the client calls the sandbox's REST API (OAuth 2.0 M2M), the account
 * fires the real bundle's user event, and the https receiver gets verified events; the client's own
 * webhook verifier accepts them too.
 */
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { loadEmployee, saveEmployee } from '../../lib/sandbox/records/employees';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { createClient, DeleteRefusedError, Secret, type NetSuiteClient } from '../../lib/client';
import { DEPLOYMENT, PARAM } from '../../lib/core';
import { restRequest, thrownBy } from './helpers';

jest.setTimeout(30_000);

let account: SandboxAccount;
let receiver: Receiver;
let server: RestServer;
let client: NetSuiteClient;
let bearer: string;

beforeAll(async () => {
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    secrets: { custsecret_rest_e2e: receiver.apiSecretValue },
    params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: 'custsecret_rest_e2e' } },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
  const dev = createDevCredentials();
  server = await startRestServer(account, { credentials: dev.registry });
  bearer = await tokenFor(dev.client.m2m);
  client = createClient({
    account: account.accountId,
    baseUrl: server.url,
    auth: {
      type: 'm2m',
      clientId: dev.client.m2m.clientId,
      certificateId: dev.client.m2m.certificateId,
      privateKey: new Secret(dev.client.m2m.privateKey),
    },
  });
});

afterAll(async () => {
  await server?.close();
  await account?.close();
  await receiver?.close();
});

const lastEvent = () => [...receiver.events.values()].at(-1)!;

test('REST create, role change and deprovision arrive as verified events with the REST origin', async () => {
  const id = await client.employees.create({
    firstName: 'Rest',
    lastName: 'Chain',
    email: 'rest.chain@example.com',
    subsidiary: { id: '1' },
    title: 'Engineer',
  });
  expect(lastEvent()).toMatchObject({
    type: 'employee.created',
    data: { recordId: id, origin: { executionContext: 'RESTWEBSERVICES', user: { id: '-5' }, role: { id: '3' } } },
  });

  await client.employees.addRole(id, { id: '15' });
  expect(lastEvent().data.changes.roles).toEqual({ added: [{ id: '15', refName: 'Sales Rep' }], removed: [] });

  await client.employees.update(id, { giveAccess: true });
  await client.employees.deactivate(id);
  expect(lastEvent().data).toMatchObject({
    changedFields: ['giveAccess', 'isInactive'],
    lifecycle: ['deactivated', 'access_revoked'],
  });
  expect(receiver.attempts.every((a) => a.verified)).toBe(true);
});

test('a refused DELETE fires nothing; the client explains it', async () => {
  const before = receiver.attempts.length;
  await expect(client.employees.delete('3')).rejects.toBeInstanceOf(DeleteRefusedError);
  expect(receiver.attempts.length).toBe(before);
});

/** An M2M access token, asked for by hand, for raw requests. */
async function tokenFor(m2m: { clientId: string; certificateId: string; privateKey: string }): Promise<string> {
  const tokenUrl = `${server.url}/services/rest/auth/oauth2/v1/token`;
  const iat = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ scope: 'rest_webservices' })
    .setProtectedHeader({ alg: 'ES256', kid: m2m.certificateId })
    .setIssuer(m2m.clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3000)
    .sign(createPrivateKey(m2m.privateKey));
  const res = await fetch(tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const EMP = '/services/rest/record/v1/employee';

const rest = (method: string, path: string, body?: unknown) =>
  restRequest(`${server.url}${path}`, bearer, method, body);

/** Every id a filter selects, following the `next` links. */
async function idsWhere(q: string): Promise<string[]> {
  const ids: string[] = [];
  for (let path: string | undefined = `${EMP}?limit=3&q=${encodeURIComponent(q)}`; path;) {
    const page = await rest('GET', path);
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((i: { id: string }) => i.id));
    const next = page.body.links.find((l: { rel: string }) => l.rel === 'next')?.href;
    path = next ? new URL(next).pathname + new URL(next).search : undefined;
  }
  return ids;
}

/** The same selection written as SuiteQL: the oracle the filter is checked against. */
async function idsSql(where: string): Promise<string[]> {
  return (await account.runSuiteQL(`SELECT id FROM employee WHERE ${where} ORDER BY id`, [], 1000, 0)).items.map((r) =>
    String(r.id),
  );
}

describe('record collection filtering (?q=, section_1545222128)', () => {
  const today = () => {
    const d = new Date(account.clock.now());
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  };

  test.each([
    ['email START_WITH ada', "lower(email) LIKE 'ada%'"],
    ['email CONTAIN EXAMPLE.COM', "email LIKE '%example.com%'"],
    ['firstName IS "ada"', "lower(firstname) = 'ada'"],
    ['lastname END_WITH a', "lower(lastname) LIKE '%a'"],
    ['isInactive IS false', "isinactive = 'F'"],
    ['giveAccess IS true', "giveaccess = 'T'"],
    ['hireDate ON_OR_AFTER "1/1/2021"', "hiredate >= '2021-01-01'"],
    ['hireDate BEFORE "6/1/2020" AND department ANY_OF [1, 3]', "hiredate < '2020-06-01' AND department IN (1, 3)"],
    ['hireDate ON "1/7/2019"', "hiredate = '2019-01-07'"],
    ['id BETWEEN [2, 4]', 'id BETWEEN 2 AND 4'],
    ['id BETWEEN_NOT [2, 4]', 'id NOT BETWEEN 2 AND 4'],
    ['supervisor EMPTY', 'supervisor IS NULL'],
    ['supervisor EMPTY_NOT', 'supervisor IS NOT NULL'],
    [
      '(title CONTAIN engineer OR title CONTAIN manager) AND location EQUAL 1',
      "(title LIKE '%engineer%' OR title LIKE '%manager%') AND location = 1",
    ],
    ['title IS_NOT "Senior Engineer"', "title IS NULL OR lower(title) <> 'senior engineer'"],
    ['ID GREATER_OR_EQUAL 5 OR ID LESS 2', 'id >= 5 OR id < 2'],
    ['dateCreated AFTER "1/1/2000"', 'datecreated IS NOT NULL'],
  ])('%s selects what SuiteQL selects for %s', async (q, where) => {
    const expected = await idsSql(where);
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(q)).toEqual(expected);
  });

  test('date-times compare by day in the account time zone', async () => {
    expect(await idsWhere(`lastModifiedDate ON_OR_BEFORE "${today()}"`)).toEqual(await idsSql('1 = 1'));
    expect(await idsWhere(`lastModifiedDate AFTER "${today()}"`)).toEqual([]);
  });

  test.each([
    ['a sublist', 'roles ANY_OF [3]'],
    ['WITHIN (not implemented)', 'hireDate WITHIN ["1/1/2020", "1/1/2021"]'],
    ['an ISO date', 'hireDate ON "2019-01-07"'],
    ['a day that does not exist', 'hireDate ON "2/30/2020"'],
    ['a boolean that is not true or false', 'isInactive IS yes'],
    ['an operator of another field type', 'email GREATER 1'],
    ['an unknown field', 'nosuchfield IS x'],
    ['a select id that is not a number', 'department ANY_OF [x]'],
  ])('refuses %s with 400 naming q', async (_name, q) => {
    const res = await rest('GET', `${EMP}?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(res.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'INVALID_PARAMETER',
      'o:errorQueryParam': 'q',
    });
  });

  test('following next visits every employee once, in id order', async () => {
    const all = await idsSql('1 = 1');
    const first = await rest('GET', `${EMP}?limit=3`);
    expect(first.body.links.map((l: { rel: string }) => l.rel)).toEqual(['next', 'last', 'self']);
    expect(await idsWhere('id GREATER 0')).toEqual(all);
  });
});

describe('dates are validated (section_157305090645: RFC 3339 full-date and date-time)', () => {
  test.each(['2020-02-30', '2021-02-29', '2020-13-01', '2020-1-1', '20200101'])(
    'hireDate %s is a 400 naming the field; nothing changes',
    async (date) => {
      const before = account.getEmployee('6')!.hireDate;
      const res = await rest('PATCH', `${EMP}/6`, { hireDate: date });
      expect(res.status).toBe(400);
      expect(res.body['o:errorDetails'][0]).toMatchObject({
        'o:errorCode': 'INVALID_CONTENT',
        'o:errorPath': 'hireDate',
      });
      expect(account.getEmployee('6')!.hireDate).toBe(before);
    },
  );

  test('a leap day is kept as written everywhere (REST, SuiteQL, the event)', async () => {
    expect((await rest('PATCH', `${EMP}/6`, { hireDate: '2020-02-29' })).status).toBe(204);
    expect((await rest('GET', `${EMP}/6`)).body.hireDate).toBe('2020-02-29');
    expect((await account.runSuiteQL('SELECT hiredate FROM employee WHERE id = 6', [], 1, 0)).items).toEqual([
      { hiredate: '2020-02-29' },
    ]);
    expect(lastEvent().data.changes.hireDate).toMatchObject({ new: '2020-02-29' });
  });

  test('writes that do not come over REST are checked too (UI edit, CSV import)', async () => {
    await expect(account.edit('6', { hireDate: '2020-02-30' })).rejects.toMatchObject({
      code: 'INVALID_CONTENT',
      errorPath: 'hireDate',
    });
    const [row] = await account.csvImport([{ id: '6', hireDate: '2019-04-31' }]);
    expect(row!.error).toMatch(/^INVALID_CONTENT: Invalid value for field hireDate/);
  });
});

test('concurrent PUTs to one new external id: one employee, every answer 204 with its location', async () => {
  const puts = Array.from({ length: 5 }, (_, i) =>
    rest('PUT', `${EMP}/eid:RACE-REAL`, { firstName: 'Race', lastName: `Real${i}`, subsidiary: { id: '1' } }),
  );
  const answers = await Promise.all(puts);
  expect(answers.map((a) => a.status)).toEqual([204, 204, 204, 204, 204]);
  expect(new Set(answers.map((a) => a.headers.get('location'))).size).toBe(1);
  expect(
    (await account.runSuiteQL("SELECT COUNT(*) AS n FROM employee WHERE externalid = 'RACE-REAL'", [], 1, 0)).items,
  ).toEqual([{ n: '1' }]);
});

test("one clock: the Date header, record timestamps and SYSDATE all read the account's clock", async () => {
  account.clock.advance(20 * 60_000);
  expect((await rest('PATCH', `${EMP}/7`, { title: 'Clocked' })).status).toBe(204);
  const res = await rest('GET', `${EMP}/7`);
  const date = Date.parse(res.headers.get('date')!);
  const modified = Date.parse(String(res.body.lastModifiedDate));
  expect(date).toBeGreaterThan(Date.now() + 19 * 60_000);
  expect(Math.abs(date - modified)).toBeLessThan(60_000);
  const sysdate = (await account.runSuiteQL('SELECT SYSDATE AS now FROM employee WHERE id = 7', [], 1, 0)).items[0]!
    .now as string;
  expect(Date.parse(sysdate)).toBeGreaterThan(Date.now() + 19 * 60_000);
});

test('a write that loses the race for an external id is DUP_RCRD, never a database error', () => {
  // Two writers that both passed validation: the second commit finds the external id taken.
  const taken = loadEmployee(account.db, '1')!;
  const twin = { id: '', row: { ...taken.row, id: undefined, entityid: 'Twin Writer' }, roles: [] };
  expect(thrownBy(() => saveEmployee(account.db, twin, account.employeeSchema))).toMatchObject({
    code: 'DUP_RCRD',
    errorPath: 'externalId',
    status: 400,
  });
});

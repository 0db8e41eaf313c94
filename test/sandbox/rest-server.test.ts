/** The sandbox REST layer on its own: NetSuite's auth rules, wire formats, errors and governance. */
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { TbaAuth } from '../../lib/client/auth/tba';
import { Secret } from '../../lib/client/secret';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { percentEncode, signatureBaseString, parseOAuthHeader } from '../../lib/sandbox/rest/auth';
import { FakeAccount } from './rest-fake-account';

const dev = createDevCredentials();
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const RSA_CERT = 'cert-rsa-1';
const registry = {
  m2m: [
    ...dev.registry.m2m!,
    { clientId: dev.client.m2m.clientId, certificateId: RSA_CERT, publicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(), userId: '7', roleId: '1001' },
  ],
  tba: dev.registry.tba,
};

let account: FakeAccount;
let server: RestServer;
let bearer: string;
const tokenUrl = () => `${server.url}/services/rest/auth/oauth2/v1/token`;

async function assertion(over: { alg?: string; kid?: string; key?: KeyObject | Uint8Array; aud?: string; iss?: string; scope?: unknown; lifetime?: number } = {}) {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: over.scope ?? 'restlets,rest_webservices' })
    .setProtectedHeader({ alg: over.alg ?? 'ES256', kid: over.kid ?? dev.client.m2m.certificateId })
    .setIssuer(over.iss ?? dev.client.m2m.clientId)
    .setAudience(over.aud ?? tokenUrl())
    .setIssuedAt(iat)
    .setExpirationTime(iat + (over.lifetime ?? 3599))
    .sign(over.key ?? createPrivateKey(dev.client.m2m.privateKey));
}

async function token(jwt: string) {
  const res = await fetch(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const EMP = '/services/rest/record/v1/employee';
const SQL = '/services/rest/query/v1/suiteql';

beforeAll(async () => {
  account = new FakeAccount();
  server = await startRestServer(account, { credentials: registry, concurrencyLimit: 3 });
  const t = await token(await assertion());
  expect(t.status).toBe(200);
  bearer = t.body.access_token!;
});
afterAll(() => server.close());

describe('OAuth 2.0 M2M token endpoint', () => {
  it('issues a 60-minute bearer token for an ES256 or PS256 assertion', async () => {
    const es = await token(await assertion());
    expect(es.body).toMatchObject({ token_type: 'bearer', expires_in: '3600' });
    const ps = await token(await assertion({ alg: 'PS256', kid: RSA_CERT, key: rsa.privateKey }));
    expect(ps.status).toBe(200);
  });

  it.each([
    ['RS256', { alg: 'RS256', kid: RSA_CERT, key: rsa.privateKey }, 400],
    ['an unknown kid', { kid: 'nope' }, 401],
    ['another audience', { aud: 'https://7654321-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token' }, 401],
    ['another issuer', { iss: 'someone-else' }, 401],
    ['a lifetime over an hour', { lifetime: 3601 }, 400],
    ['no rest_webservices scope', { scope: 'restlets' }, 400],
    ['a key that is not the certificate', { key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey }, 401],
  ])('refuses %s', async (_name, over, status) => {
    const res = await token(await assertion(over));
    expect(res.status).toBe(status);
    expect(res.body.access_token).toBeUndefined();
    expect(typeof res.body.error).toBe('string');
  });

  it('answers INVALID_LOGIN to an unknown or revoked bearer token', async () => {
    const res = await call('GET', `${EMP}?limit=1`, undefined, { authorization: 'Bearer made-up' });
    expect(res.status).toBe(401);
    expect(res.body['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_LOGIN');
    expect(server.loginAudit().at(-1)).toMatchObject({ method: 'bearer', success: false, detail: 'unknown access token' });
  });

  it('ends tokens after their lifetime', async () => {
    let now = Date.now();
    const short = await startRestServer(account, { credentials: registry, now: () => now });
    try {
      const jwt = await assertion({ aud: `${short.url}/services/rest/auth/oauth2/v1/token` });
      const res = await fetch(`${short.url}/services/rest/auth/oauth2/v1/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
      });
      const { access_token } = (await res.json()) as { access_token: string };
      const get = () => fetch(`${short.url}${EMP}`, { headers: { authorization: `Bearer ${access_token}` } });
      expect((await get()).status).toBe(200);
      now += 3600_000;
      expect((await get()).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('TBA (OAuth 1.0a HMAC-SHA256)', () => {
  const creds = { consumerKey: dev.client.tba.consumerKey, consumerSecret: new Secret(dev.client.tba.consumerSecret), tokenId: dev.client.tba.tokenId, tokenSecret: new Secret(dev.client.tba.tokenSecret) };
  const tbaGet = async (url: string, authorization: string) => (await fetch(url, { headers: { authorization } })).status;

  it('accepts a request signed by the client (query parameters in the base string)', async () => {
    const url = `${server.url}${EMP}?limit=5&offset=0`;
    expect(await tbaGet(url, await new TbaAuth(creds, '1234567_SB1').authorization('GET', url))).toBe(200);
    expect(account.writes).toEqual([]); // reads write nothing
  });

  it('refuses a signature computed without the query parameters', async () => {
    const url = `${server.url}${EMP}?limit=5`;
    const bare = await new TbaAuth(creds, '1234567_SB1').authorization('GET', `${server.url}${EMP}`);
    expect(await tbaGet(url, bare)).toBe(401);
    expect(server.loginAudit().at(-1)?.detail).toBe('signature mismatch');
  });

  it('refuses the host spelling as realm', async () => {
    const url = `${server.url}${EMP}`;
    expect(await tbaGet(url, await new TbaAuth(creds, '1234567-sb1').authorization('GET', url))).toBe(401);
    expect(server.loginAudit().at(-1)?.detail).toMatch(/realm/);
  });

  it('refuses a replayed nonce, an old timestamp and HMAC-SHA1', async () => {
    const url = `${server.url}${EMP}`;
    const header = await new TbaAuth(creds, '1234567_SB1').authorization('GET', url);
    expect(await tbaGet(url, header)).toBe(200);
    expect(await tbaGet(url, header)).toBe(401);
    expect(server.loginAudit().at(-1)?.detail).toMatch(/nonce/);

    // Hand-signed variants: same signer as the server's verifier, so only the varied rule can fail.
    const sign = (over: Record<string, string>) => {
      const p = new Map(Object.entries({
        realm: '1234567_SB1', oauth_consumer_key: creds.consumerKey, oauth_token: creds.tokenId, oauth_nonce: randomBytes(8).toString('hex'),
        oauth_timestamp: String(Math.floor(Date.now() / 1000)), oauth_signature_method: 'HMAC-SHA256', oauth_version: '1.0', ...over,
      }));
      const algo = p.get('oauth_signature_method') === 'HMAC-SHA1' ? 'sha1' : 'sha256';
      const key = `${percentEncode(dev.client.tba.consumerSecret)}&${percentEncode(dev.client.tba.tokenSecret)}`;
      p.set('oauth_signature', createHmac(algo, key).update(signatureBaseString('GET', new URL(url), p)).digest('base64'));
      return `OAuth ${[...p].map(([k, v]) => `${k}="${percentEncode(v)}"`).join(', ')}`;
    };
    expect(await tbaGet(url, sign({}))).toBe(200);
    expect(await tbaGet(url, sign({ oauth_timestamp: String(Math.floor(Date.now() / 1000) - 3600) }))).toBe(401);
    expect(await tbaGet(url, sign({ oauth_signature_method: 'HMAC-SHA1' }))).toBe(401);
    expect(parseOAuthHeader(sign({}))?.get('realm')).toBe('1234567_SB1');
  });
});

describe('employee records', () => {
  it('creates with 204 + Location, reads with roles expanded, as REST writes of the caller', async () => {
    const created = await call('POST', EMP, { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', subsidiary: { id: '1' }, roles: { items: [{ selectedRole: { id: '15' } }] } });
    expect(created.status).toBe(204);
    expect(created.body).toBeUndefined();
    const id = /\/employee\/(\d+)$/.exec(created.headers.get('location')!)![1]!;
    expect(account.writes.at(-1)).toEqual({ op: 'create', id, ctx: { executionContext: 'RESTWEBSERVICES', userId: '-5', roleId: '3' } });
    const got = await call('GET', `${EMP}/${id}?expandSubResources=true`);
    expect(got.body).toMatchObject({ id, firstName: 'Ann', subsidiary: { id: '1' }, roles: { items: [{ selectedRole: { id: '15' } }] } });
    const plain = await call('GET', `${EMP}/${id}`);
    expect(plain.body.roles.items).toBeUndefined();
  });

  it('adds role lines on PATCH and sets the exact list with ?replace=roles', async () => {
    account.employees.set('5', { firstName: 'Bo', roles: [{ id: '3', refName: null }] });
    expect((await call('PATCH', `${EMP}/5`, { roles: { items: [{ selectedRole: { id: '15' } }] } })).status).toBe(204);
    expect((account.getEmployee('5')!.roles as { id: string }[]).map((r) => r.id)).toEqual(['3', '15']);
    expect((await call('PATCH', `${EMP}/5?replace=roles`, { roles: { items: [{ selectedRole: { id: '18' } }] } })).status).toBe(204);
    expect((account.getEmployee('5')!.roles as { id: string }[]).map((r) => r.id)).toEqual(['18']);
  });

  it('upserts by external id with PUT eid:', async () => {
    const first = await call('PUT', `${EMP}/eid:HR-42`, { firstName: 'Cy', lastName: 'Ng' });
    expect(first.status).toBe(204);
    const id = first.headers.get('location')!.split('/').pop();
    const again = await call('PUT', `${EMP}/eid:HR-42`, { title: 'Lead' });
    expect(again.headers.get('location')!.split('/').pop()).toBe(id);
    expect(account.getEmployee(id!)).toMatchObject({ externalId: 'HR-42', firstName: 'Cy', title: 'Lead' });
    expect((await call('GET', `${EMP}/eid:HR-42`)).body.id).toBe(id);
  });

  it("answers NetSuite's error bodies", async () => {
    const missing = await call('GET', `${EMP}/999999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, title: 'Not Found', 'o:errorDetails': [{ 'o:errorCode': 'NONEXISTENT_ID' }] });
    expect(missing.body.type).toMatch(/^https:\/\/www\.rfc-editor\.org\//);
    const bad = await call('POST', EMP, { firstname: 'lower-case name' });
    expect(bad.body['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'firstname' });
    expect((await call('POST', EMP, { isInactive: 'yes' })).status).toBe(400);
    expect((await call('PATCH', `${EMP}/5`, { lastModifiedDate: '2020-01-01T00:00:00Z' })).status).toBe(400);
  });

  it('refuses to delete a referenced employee, deletes others', async () => {
    account.employees.set('6', { firstName: 'Di' });
    account.referenced.add('6');
    const refused = await call('DELETE', `${EMP}/6`);
    expect(refused.status).toBe(400);
    expect(refused.body['o:errorDetails'][0]['o:errorCode']).toMatch(/CANNOT_BE_DELETED/);
    account.referenced.delete('6');
    expect((await call('DELETE', `${EMP}/6`)).status).toBe(204);
    expect((await call('GET', `${EMP}/6`)).status).toBe(404);
  });
});

describe('SuiteQL', () => {
  const headers = { prefer: 'transient' };
  beforeAll(() => (account.suiteqlRows = 2500));

  it('pages with lowercase columns and NetSuite metadata', async () => {
    const res = await call('POST', `${SQL}?limit=1000&offset=2000`, { q: 'SELECT id FROM employee' }, headers);
    expect(res.body).toMatchObject({ count: 500, hasMore: false, offset: 2000, totalResults: 2500 });
    expect(res.body.items[0]).toEqual({ links: [], id: '2001', isinactive: 'F' });
    expect(res.body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'first', 'previous', 'last']);
  });

  it.each([
    ['no Prefer: transient', '?limit=10', {}],
    ['a limit over 1000', '?limit=1001', headers],
    ['an offset that is not a multiple of the limit', '?limit=10&offset=15', headers],
    ['an offset past 100,000 rows', '?limit=1000&offset=100000', headers],
  ])('refuses %s', async (_n, query, h) => {
    const res = await call('POST', `${SQL}${query}`, { q: 'SELECT id FROM employee' }, h);
    expect(res.status).toBe(400);
    expect(res.body['o:errorDetails'][0]['o:errorCode']).toMatch(/^INVALID_/);
  });
});

describe('governance', () => {
  it('answers 429 CONCURRENCY_LIMIT_EXCEEDED past the limit, without retry-after', async () => {
    const slow = await startRestServer(account, { credentials: registry, concurrencyLimit: 2, latencyMs: 150 });
    try {
      const url = `${slow.url}${EMP}`;
      const auth = new TbaAuth({ consumerKey: dev.client.tba.consumerKey, consumerSecret: new Secret(dev.client.tba.consumerSecret), tokenId: dev.client.tba.tokenId, tokenSecret: new Secret(dev.client.tba.tokenSecret) }, '1234567_SB1');
      const responses = await Promise.all(Array.from({ length: 5 }, async () => fetch(url, { headers: { authorization: await auth.authorization('GET', url) } })));
      const limited = responses.filter((r) => r.status === 429);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(2);
      expect(limited).toHaveLength(3);
      expect(limited[0]!.headers.get('retry-after')).toBeNull();
      expect(((await limited[0]!.json()) as { 'o:errorDetails': { 'o:errorCode': string }[] })['o:errorDetails'][0]!['o:errorCode']).toBe('CONCURRENCY_LIMIT_EXCEEDED');
      expect(slow.rejectedByConcurrency()).toBe(3);
    } finally {
      await slow.close();
    }
  });

  it('reports the limits to administrators only', async () => {
    expect((await call('GET', '/services/rest/system/v1/governanceLimits')).body).toEqual({ accountConcurrencyLimit: 3, accountUnallocatedConcurrencyLimit: 3 });
    const t = await token(await assertion({ alg: 'PS256', kid: RSA_CERT, key: rsa.privateKey }));
    const res = await call('GET', '/services/rest/system/v1/governanceLimits', undefined, { authorization: `Bearer ${t.body.access_token}` });
    expect(res.status).toBe(403);
  });
});

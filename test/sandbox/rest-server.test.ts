/** The sandbox REST layer on its own: NetSuite's auth rules, wire formats, errors and governance. */
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { TbaAuth } from '../../lib/client/auth/tba';
import { Secret } from '../../lib/client/secret';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { percentEncode, signatureBaseString, parseOAuthHeader } from '../../lib/sandbox/rest/auth';
import { restRequest, type RestBody } from './helpers';
import { FakeAccount } from './rest-fake-account';

const dev = createDevCredentials();
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const RSA_CERT = 'cert-rsa-1';
const registry = {
  m2m: [
    ...dev.registry.m2m,
    {
      clientId: dev.client.m2m.clientId,
      certificateId: RSA_CERT,
      publicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      userId: '7',
      roleId: '1001',
    },
  ],
  tba: dev.registry.tba,
};

let account: FakeAccount;
let server: RestServer;
let bearer: string;
const tokenUrl = () => `${server.url}/services/rest/auth/oauth2/v1/token`;

async function assertion(
  over: {
    alg?: string;
    kid?: string;
    key?: KeyObject | Uint8Array;
    aud?: string;
    iss?: string;
    scope?: unknown;
    lifetime?: number;
  } = {},
) {
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
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** A bearer token from another server of the same account (tokens belong to the server that issued them). */
async function bearerFor(other: RestServer): Promise<string> {
  const res = await fetch(`${other.url}/services/rest/auth/oauth2/v1/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion({ aud: `${other.url}/services/rest/auth/oauth2/v1/token` }),
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  restRequest(`${server.url}${path}`, bearer, method, body, headers);

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
    [
      'another audience',
      { aud: 'https://7654321-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token' },
      401,
    ],
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
    expect(res.body['o:errorDetails'][0]?.['o:errorCode']).toBe('INVALID_LOGIN');
    expect(server.loginAudit().at(-1)).toMatchObject({
      method: 'bearer',
      success: false,
      detail: 'unknown access token',
    });
  });

  it('ends tokens after their lifetime', async () => {
    let now = Date.now();
    const short = await startRestServer(account, { credentials: registry, now: () => now });
    try {
      const jwt = await assertion({ aud: `${short.url}/services/rest/auth/oauth2/v1/token` });
      const res = await fetch(`${short.url}/services/rest/auth/oauth2/v1/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: jwt,
        }),
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
  const creds = {
    consumerKey: dev.client.tba.consumerKey,
    consumerSecret: new Secret(dev.client.tba.consumerSecret),
    tokenId: dev.client.tba.tokenId,
    tokenSecret: new Secret(dev.client.tba.tokenSecret),
  };
  const tbaGet = async (url: string, authorization: string) =>
    (await fetch(url, { headers: { authorization } })).status;

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
      const p = new Map(
        Object.entries({
          realm: '1234567_SB1',
          oauth_consumer_key: creds.consumerKey,
          oauth_token: creds.tokenId,
          oauth_nonce: randomBytes(8).toString('hex'),
          oauth_timestamp: String(Math.floor(Date.now() / 1000)),
          oauth_signature_method: 'HMAC-SHA256',
          oauth_version: '1.0',
          ...over,
        }),
      );
      const algo = p.get('oauth_signature_method') === 'HMAC-SHA1' ? 'sha1' : 'sha256';
      const key = `${percentEncode(dev.client.tba.consumerSecret)}&${percentEncode(dev.client.tba.tokenSecret)}`;
      p.set(
        'oauth_signature',
        createHmac(algo, key)
          .update(signatureBaseString('GET', new URL(url), p))
          .digest('base64'),
      );
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
    const created = await call('POST', EMP, {
      firstName: 'Ann',
      lastName: 'Lee',
      email: 'ann@example.com',
      subsidiary: { id: '1' },
      roles: { items: [{ selectedRole: { id: '15' } }] },
    });
    expect(created.status).toBe(204);
    expect(created.body).toBeUndefined();
    const id = /\/employee\/(\d+)$/.exec(created.headers.get('location')!)![1]!;
    expect(account.writes.at(-1)).toEqual({
      op: 'create',
      id,
      ctx: { executionContext: 'RESTWEBSERVICES', userId: '-5', roleId: '3' },
    });
    const got = await call('GET', `${EMP}/${id}?expandSubResources=true`);
    expect(got.body).toMatchObject({
      id,
      firstName: 'Ann',
      subsidiary: { id: '1' },
      roles: { items: [{ selectedRole: { id: '15' } }] },
    });
    const plain = await call('GET', `${EMP}/${id}`);
    expect(plain.body.roles).not.toHaveProperty('items');
  });

  it('adds role lines on PATCH and sets the exact list with ?replace=roles', async () => {
    account.employees.set('5', { firstName: 'Bo', roles: [{ id: '3', refName: null }] });
    expect((await call('PATCH', `${EMP}/5`, { roles: { items: [{ selectedRole: { id: '15' } }] } })).status).toBe(204);
    expect((account.getEmployee('5')!.roles as { id: string }[]).map((r) => r.id)).toEqual(['3', '15']);
    expect(
      (await call('PATCH', `${EMP}/5?replace=roles`, { roles: { items: [{ selectedRole: { id: '18' } }] } })).status,
    ).toBe(204);
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
    expect(missing.body).toMatchObject({
      status: 404,
      title: 'Not Found',
      'o:errorDetails': [{ 'o:errorCode': 'NONEXISTENT_ID' }],
    });
    expect(missing.body.type).toMatch(/^https:\/\/www\.rfc-editor\.org\//);
    const bad = await call('POST', EMP, { firstname: 'lower-case name' });
    expect(bad.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'INVALID_CONTENT',
      'o:errorPath': 'firstname',
    });
    expect((await call('POST', EMP, { isInactive: 'yes' })).status).toBe(400);
    // A sublist line is a reference, never null.
    const nullLine = await call('POST', EMP, { firstName: 'Ann', roles: { items: [{ selectedRole: null }] } });
    expect(nullLine.status).toBe(400);
    expect(nullLine.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'INVALID_CONTENT',
      'o:errorPath': 'roles.items[0]',
    });
    expect((await call('PATCH', `${EMP}/5`, { lastModifiedDate: '2020-01-01T00:00:00Z' })).status).toBe(400);
  });

  it('refuses to delete a referenced employee, deletes others', async () => {
    account.employees.set('6', { firstName: 'Di' });
    account.referenced.add('6');
    const refused = await call('DELETE', `${EMP}/6`);
    expect(refused.status).toBe(400);
    expect(refused.body['o:errorDetails'][0]?.['o:errorCode']).toMatch(/CANNOT_BE_DELETED/);
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
    expect(res.body.links.map((l: { rel: string }) => l.rel)).toEqual(['previous', 'first', 'self']); // the last page
  });

  it.each([
    ['no Prefer: transient', '?limit=10', {}],
    ['a limit over 1000', '?limit=1001', headers],
    ['an offset that is not a multiple of the limit', '?limit=10&offset=15', headers],
    ['an offset past 100,000 rows', '?limit=1000&offset=100000', headers],
  ])('refuses %s', async (_n, query, h) => {
    const res = await call('POST', `${SQL}${query}`, { q: 'SELECT id FROM employee' }, h);
    expect(res.status).toBe(400);
    expect(res.body['o:errorDetails'][0]?.['o:errorCode']).toMatch(/^INVALID_/);
  });
});

describe('governance', () => {
  it('answers 429 CONCURRENCY_LIMIT_EXCEEDED past the limit, without retry-after', async () => {
    const narrow = await startRestServer(account, { credentials: registry, concurrencyLimit: 2 });
    let release!: () => void;
    let arrived = 0;
    let bothHeld!: () => void;
    const held = new Promise<void>((r) => (bothHeld = r));
    account.createGate = new Promise<void>((r) => (release = r));
    account.onGateWait = () => ++arrived === 2 && bothHeld();
    try {
      const auth = new TbaAuth(
        {
          consumerKey: dev.client.tba.consumerKey,
          consumerSecret: new Secret(dev.client.tba.consumerSecret),
          tokenId: dev.client.tba.tokenId,
          tokenSecret: new Secret(dev.client.tba.tokenSecret),
        },
        '1234567_SB1',
      );
      const send = async (method: string, url: string, body?: string) =>
        fetch(url, {
          method,
          body: body ?? null,
          headers: { authorization: await auth.authorization(method, url), 'content-type': 'application/json' },
        });
      // Two creates hold both slots (they wait inside the account until released)…
      const holding = [0, 1].map((i) => send('POST', `${narrow.url}${EMP}`, JSON.stringify({ firstName: `Held${i}` })));
      await held;
      // …so every other request meanwhile is refused.
      const limited = await Promise.all([0, 1, 2].map(() => send('GET', `${narrow.url}${EMP}`)));
      expect(limited.map((r) => r.status)).toEqual([429, 429, 429]);
      expect(limited[0]!.headers.get('retry-after')).toBeNull();
      expect(
        ((await limited[0]!.json()) as { 'o:errorDetails': { 'o:errorCode': string }[] })['o:errorDetails'][0]![
          'o:errorCode'
        ],
      ).toBe('CONCURRENCY_LIMIT_EXCEEDED');
      expect(narrow.rejectedByConcurrency()).toBe(3);
      release();
      expect((await Promise.all(holding)).map((r) => r.status)).toEqual([204, 204]);
    } finally {
      account.createGate = null;
      account.onGateWait = null;
      await narrow.close();
    }
  });

  it('reports the limits to administrators only', async () => {
    expect((await call('GET', '/services/rest/system/v1/governanceLimits')).body).toEqual({
      accountConcurrencyLimit: 3,
      accountUnallocatedConcurrencyLimit: 3,
    });
    const t = await token(await assertion({ alg: 'PS256', kid: RSA_CERT, key: rsa.privateKey }));
    const res = await call('GET', '/services/rest/system/v1/governanceLimits', undefined, {
      authorization: `Bearer ${t.body.access_token}`,
    });
    expect(res.status).toBe(403);
  });
});

/** Raw HTTP, so malformed request lines and headers go out exactly as written. */
function rawRequest(base: string, text: string): Promise<{ status: number; head: string; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => {
      const [head = '', body = ''] = out.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    });
    socket.on('error', reject);
  });
}

const detail = (body: { 'o:errorDetails': Record<string, string>[] }) => body['o:errorDetails'][0]!;

describe('record collections (section_1545222128, section_156414087576)', () => {
  beforeAll(() => {
    for (let i = 0; i < 5; i++) account.employees.set(String(900 + i), { firstName: `Page${i}` });
  });

  it('pages carry next, last and self links; later pages previous and first too', async () => {
    const total = account.employees.size;
    const first = await call('GET', `${EMP}?limit=2`);
    expect(first.body).toMatchObject({ count: 2, hasMore: true, offset: 0, totalResults: total });
    const rels = (page: { body: { links: { rel: string; href: string }[] } }) =>
      Object.fromEntries(page.body.links.map((l) => [l.rel, new URL(l.href)]));
    const links = rels(first);
    expect(Object.keys(links)).toEqual(['next', 'last', 'self']);
    expect(links.self!.search).toBe('?limit=2&offset=0');
    expect(links.next!.search).toBe('?limit=2&offset=2');
    expect(links.last!.searchParams.get('offset')).toBe(String(Math.floor((total - 1) / 2) * 2));
    // Following next visits every record once.
    const seen: string[] = [];
    for (let href: string | undefined = `${server.url}${EMP}?limit=2`; href;) {
      const page = await call('GET', new URL(href).pathname + new URL(href).search);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      href = page.body.links.find((l: { rel: string }) => l.rel === 'next')?.href;
      if (page.body.offset > 0) expect(Object.keys(rels(page)).slice(0, 2)).toEqual(['previous', 'first']);
    }
    expect(seen).toEqual([...account.employees.keys()]);
  });

  it('passes q to the account as a parsed filter, and keeps it in the links', async () => {
    const q = 'email START_WITH barbara AND (dateCreated ON_OR_AFTER "1/1/2019" OR id ANY_OF [1, 2, 3])';
    const res = await call('GET', `${EMP}?limit=1&q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(account.filters.at(-1)).toEqual({
      kind: 'and',
      parts: [
        { kind: 'condition', field: 'email', operator: 'START_WITH', values: [{ text: 'barbara', quoted: false }] },
        {
          kind: 'or',
          parts: [
            {
              kind: 'condition',
              field: 'dateCreated',
              operator: 'ON_OR_AFTER',
              values: [{ text: '1/1/2019', quoted: true }],
            },
            {
              kind: 'condition',
              field: 'id',
              operator: 'ANY_OF',
              values: ['1', '2', '3'].map((text) => ({ text, quoted: false })),
            },
          ],
        },
      ],
    });
    expect(new URL(res.body.links.at(-1)?.href ?? '').searchParams.get('q')).toBe(q);
    await call('GET', `${EMP}?q=${encodeURIComponent('companyName EMPTY')}`);
    expect(account.filters.at(-1)).toEqual({ kind: 'condition', field: 'companyName', operator: 'EMPTY', values: [] });
  });

  it.each([
    ['an empty q', ''],
    ['an unknown operator', 'email LIKE barbara'],
    ['a lower-case operator', 'email start_with barbara'],
    ['a missing value', 'email START_WITH'],
    ['BETWEEN with one value', 'id BETWEEN [1]'],
    ['a list for a one-value operator', 'email IS [a, b]'],
    ['an unclosed quote', 'companyName IS "Acme'],
    ['an unclosed parenthesis', '(id EQUAL 1'],
    ['AND and OR mixed without parentheses', 'id EQUAL 1 AND id EQUAL 2 OR id EQUAL 3'],
    ['trailing text', 'id EQUAL 1 id'],
  ])('refuses %s with 400 naming q (never ignores it)', async (_name, q) => {
    const before = account.filters.length;
    const res = await call('GET', `${EMP}?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(400);
    expect(detail(res.body)).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'q' });
    expect(account.filters.length).toBe(before); // nothing was listed
  });
});

describe('errors name where they lie (section_156570709583, subsect_158521885412)', () => {
  it('a 401 carries WWW-Authenticate with the account as realm', async () => {
    const res = await call('GET', EMP, undefined, { authorization: 'Bearer made-up' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="1234567_SB1", error="invalid_token", error_description="Invalid login attempt."',
    );
    const none = await fetch(`${server.url}${EMP}`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="1234567_SB1", error="invalid_token"/);
  });

  it('query parameters in o:errorQueryParam, headers in o:errorHeader, the body in o:errorPath', async () => {
    const limit = await call('GET', `${EMP}?limit=abc`);
    expect(detail(limit.body)).toEqual(
      expect.objectContaining({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'limit' }),
    );
    expect(detail(limit.body)['o:errorPath']).toBeUndefined();
    const sqlOffset = await call(
      'POST',
      `${SQL}?limit=10&offset=15`,
      { q: 'SELECT id FROM employee' },
      { prefer: 'transient' },
    );
    expect(detail(sqlOffset.body)['o:errorQueryParam']).toBe('offset');
    const prefer = await call('POST', SQL, { q: 'SELECT id FROM employee' });
    expect(detail(prefer.body)['o:errorHeader']).toBe('Prefer');
    const body = await call('POST', EMP, { isInactive: 'yes' });
    expect(detail(body.body)['o:errorPath']).toBe('isInactive');
  });

  it('malformed input is a 4xx naming it, not a 500 (percent escapes, huge numbers, Authorization)', async () => {
    const path = await call('GET', `${EMP}/%E0%A4%A`);
    expect(path.status).toBe(400);
    expect(detail(path.body)['o:urlPath']).toBe('%E0%A4%A');
    for (const url of [`${EMP}?offset=99999999999999999999999`, `${EMP}?limit=1e3`]) {
      const res = await call('GET', url);
      expect(res.status).toBe(400);
      expect(detail(res.body)['o:errorQueryParam']).toMatch(/^(offset|limit)$/);
    }
    const sql = await call(
      'POST',
      `${SQL}?offset=99999999999999999999999`,
      { q: 'SELECT id FROM employee' },
      { prefer: 'transient' },
    );
    expect(sql.status).toBe(400);
    const auth = await fetch(`${server.url}${EMP}`, {
      headers: { authorization: 'OAuth realm="%E0%A4%A", oauth_token="x"' },
    });
    expect(auth.status).toBe(400);
    expect(auth.headers.get('www-authenticate')).toMatch(/error="invalid_request"/);
    expect(detail((await auth.json()) as never)['o:errorHeader']).toBe('Authorization');
    expect(server.loginAudit().at(-1)).toMatchObject({ success: false, detail: 'malformed Authorization header' });
  });

  it('a Host header that is not a host, or a request target that is not a path: 400, and the server lives on', async () => {
    for (const host of ['[', 'a b', 'x/y', 'user@host', 'a#b']) {
      const res = await rawRequest(server.url, `GET ${EMP} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(res.status).toBe(400);
      expect((JSON.parse(res.body) as RestBody)['o:errorDetails'][0]?.['o:errorHeader']).toBe('Host');
    }
    for (const target of [`http://elsewhere${EMP}`, `//elsewhere${EMP}`, '*']) {
      expect(
        (await rawRequest(server.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).status,
      ).toBe(400);
    }
    expect((await call('GET', `${EMP}?limit=1`)).status).toBe(200);
  });
});

describe('bodies over the limit (1 MiB)', () => {
  const big = JSON.stringify({ firstName: 'x'.repeat(2 << 20) });

  it.each(['content-length', 'chunked'])(
    'answer 413 with NetSuite error body (%s), not a reset connection; nothing is written',
    async (framing) => {
      const writes = account.writes.length;
      const body = framing === 'chunked' ? new Blob([big]).stream() : big;
      const res = await fetch(`${server.url}${EMP}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body,
        ...(framing === 'chunked' ? { duplex: 'half' } : {}),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({
        status: 413,
        title: 'Content Too Large',
        'o:errorDetails': [{ 'o:errorCode': 'INVALID_CONTENT' }],
      });
      expect(account.writes.length).toBe(writes);
      expect((await call('GET', `${EMP}?limit=1`)).status).toBe(200);
    },
  );
});

describe('one clock', () => {
  it("the Date header is the account's clock (NetSuite's time), not the host's", async () => {
    account.clockOffsetMs = 20 * 60_000;
    try {
      const res = await call('GET', `${EMP}?limit=1`);
      const shown = Date.parse(res.headers.get('date')!);
      expect(shown).toBeGreaterThanOrEqual(Math.floor((Date.now() + 20 * 60_000 - 60_000) / 1000) * 1000);
    } finally {
      account.clockOffsetMs = 0;
    }
  });
});

describe('upsert by external id', () => {
  it('concurrent PUTs to one new eid: one create, the others update the same record', async () => {
    const wide = await startRestServer(account, { credentials: registry, concurrencyLimit: 10 });
    const token = await bearerFor(wide);
    try {
      const put = (i: number) =>
        fetch(`${wide.url}${EMP}/eid:RACE-1`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `T${i}` }),
        });
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => put(i)));
      expect(answers.map((r) => r.status)).toEqual(Array(6).fill(204));
      expect(new Set(answers.map((r) => r.headers.get('location'))).size).toBe(1);
      const id = answers[0]!.headers.get('location')!.split('/').pop()!;
      expect(account.writes.filter((w) => w.id === id).map((w) => w.op)).toEqual([
        'create',
        'update',
        'update',
        'update',
        'update',
        'update',
      ]);
    } finally {
      await wide.close();
    }
  });
});

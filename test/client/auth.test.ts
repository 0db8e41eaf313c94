/** Both authentication methods against the sandbox's verifiers, their failures, and credential hygiene. */
import { createPrivateKey } from 'node:crypto';
import { createServer } from 'node:http';
import { decodeJwt, SignJWT } from 'jose';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  AuthError,
  createClient,
  NetSuiteApiError,
  parseAccountId,
  RedirectRefusedError,
  restBaseUrl,
  Secret,
  type ClientConfig,
} from '../../lib/client';
import { M2MAuth } from '../../lib/client/auth/m2m';
import { startSandbox, FAST_RETRY, type Sandbox } from './harness';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.close());

const firstEmployee = async (client: ReturnType<Sandbox['client']>) => (await client.employees.get('1')).entityId;

describe('account ids', () => {
  it.each([
    ['1234567_SB1', '1234567_SB1', '1234567-sb1', true],
    ['1234567-sb1', '1234567_SB1', '1234567-sb1', true],
    [' tstdrv2345 ', 'TSTDRV2345', 'tstdrv2345', false],
    ['1234567_RP', '1234567_RP', '1234567-rp', true],
  ])('%s → realm %s, host %s', (input, realm, host, isSandbox) => {
    expect(parseAccountId(input)).toEqual({ realm, host, isSandbox });
  });

  it('refuses what is not an account id and builds the production host', () => {
    expect(() => parseAccountId('https://1234567.app.netsuite.com')).toThrow(/not a NetSuite account id/);
    expect(restBaseUrl(parseAccountId('1234567_SB2'))).toBe('https://1234567-sb2.suitetalk.api.netsuite.com');
  });
});

describe('OAuth 2.0 M2M', () => {
  it.each(['m2m', 'm2m-ps256'] as const)('%s: one token serves many requests', async (kind) => {
    const client = sandbox.client(kind);
    await Promise.all([firstEmployee(client), firstEmployee(client), client.suiteql.page('SELECT id FROM role')]);
    expect((client.auth as M2MAuth).tokensIssued).toBe(1);
  });

  it('renews a revoked token once on a 401 and goes on', async () => {
    const client = sandbox.client('m2m');
    await firstEmployee(client);
    sandbox.server.revokeTokens();
    expect(await firstEmployee(client)).toBe('Ada Okafor');
    expect((client.auth as M2MAuth).tokensIssued).toBe(2);
  });

  it('renews before the token ends', async () => {
    let now = Date.now();
    const auth = new M2MAuth(
      {
        clientId: 'c',
        certificateId: 'k',
        privateKey: new Secret((sandbox.config('m2m').auth as { privateKey: Secret }).privateKey.reveal()),
      },
      'http://127.0.0.1:1/token',
      () =>
        Promise.resolve({ status: 200, body: { access_token: `t${now}`, expires_in: '3600', token_type: 'bearer' } }),
      () => now,
    );
    const first = await auth.authorization();
    now += 54 * 60_000;
    expect(await auth.authorization()).toBe(first);
    now += 2 * 60_000; // 56 minutes: inside the 5-minute renewal margin
    expect(await auth.authorization()).not.toBe(first);
    expect(auth.tokensIssued).toBe(2);
  });

  it('fails with AuthError and a hint for a certificate NetSuite does not know', async () => {
    const client = sandbox.client('m2m', {
      config: {
        auth: {
          ...(sandbox.config('m2m').auth as Extract<ClientConfig['auth'], { type: 'm2m' }>),
          certificateId: 'unknown',
        },
      },
    });
    const err = await firstEmployee(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).status).toBe(401);
    expect((err as AuthError).hint).toMatch(/Login Audit Trail/);
  });

  it('refuses RS256 before asking', () => {
    const config = sandbox.config('m2m-ps256');
    expect(() =>
      createClient({
        ...config,
        auth: { ...(config.auth as Extract<ClientConfig['auth'], { type: 'm2m' }>), algorithm: 'RS256' as never },
      }),
    ).toThrow(/RS256 is not accepted/);
  });
});

describe('TBA', () => {
  it('signs requests with query parameters and JSON bodies', async () => {
    const client = sandbox.client('tba');
    expect(await firstEmployee(client)).toBe('Ada Okafor'); // ?expandSubResources=true is in the base string
    const page = await client.suiteql.page('SELECT id FROM role WHERE name = ?', ['Sales Rep'], 10, 0);
    expect(page.items).toEqual([{ id: '15' }]);
  });

  it('fails with INVALID_LOGIN and the hint for a wrong secret or a realm of another account', async () => {
    const good = sandbox.config('tba');
    const auth = good.auth as Extract<ClientConfig['auth'], { type: 'tba' }>;
    for (const config of [
      { ...good, auth: { ...auth, tokenSecret: new Secret('wrong') } },
      { ...good, account: '7654321_SB1' },
    ]) {
      const err = await firstEmployee(createClient(config, { retry: FAST_RETRY })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetSuiteApiError);
      expect(err).toMatchObject({ status: 401, code: 'INVALID_LOGIN' });
      expect((err as NetSuiteApiError).hint).toMatch(/realm is upper case with an underscore: 1234567_SB1/);
    }
    expect(
      sandbox.server
        .loginAudit()
        .slice(-2)
        .map((e) => e.detail),
    ).toEqual(['signature mismatch', expect.stringMatching(/realm/)]);
  });
});

describe('the client assertion, as section_162790605110 documents it', () => {
  const tokenPath = '/services/rest/auth/oauth2/v1/token';

  it('the client sends scope as comma-separated text and exp less than 60 minutes after iat', async () => {
    const forms: URLSearchParams[] = [];
    const key = (sandbox.config('m2m').auth as { privateKey: Secret }).privateKey;
    const auth = new M2MAuth(
      { clientId: 'c', certificateId: 'k', privateKey: key, scope: ['restlets', 'rest_webservices'] },
      'https://1234567-sb1.suitetalk.api.netsuite.com/t',
      (_url, form) => {
        forms.push(form);
        return Promise.resolve({ status: 200, body: { access_token: 'x', expires_in: '3600' } });
      },
    );
    await auth.authorization();
    const claims = decodeJwt(forms[0]!.get('client_assertion')!);
    expect(claims).toMatchObject({
      iss: 'c',
      aud: 'https://1234567-sb1.suitetalk.api.netsuite.com/t',
      scope: 'restlets,rest_webservices',
    });
    expect(claims.exp! - claims.iat!).toBeLessThan(3600);
  });

  /** An assertion for the sandbox's dev integration, with chosen claims. */
  async function tokenStatus(claims: {
    scope?: unknown;
    lifetime?: number;
    aud?: string;
  }): Promise<{ status: number; error?: string }> {
    const m2m = sandbox.config('m2m').auth as { clientId: string; certificateId: string; privateKey: Secret };
    const iat = Math.floor(sandbox.account.clock.now() / 1000);
    const jwt = await new SignJWT({ scope: claims.scope ?? 'rest_webservices' })
      .setProtectedHeader({ alg: 'ES256', kid: m2m.certificateId, typ: 'JWT' })
      .setIssuer(m2m.clientId)
      .setAudience(claims.aud ?? `${sandbox.server.url}${tokenPath}`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (claims.lifetime ?? 3599))
      .sign(createPrivateKey(m2m.privateKey.reveal()));
    const res = await fetch(`${sandbox.server.url}${tokenPath}`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: jwt,
      }),
    });
    const body = (await res.json()) as { error?: string };
    return { status: res.status, ...(body.error ? { error: body.error } : {}) };
  }

  it.each([
    ['its own URL as aud', {}, 200, undefined],
    [
      'the documented aud (account lower case, hyphen)',
      { aud: `https://1234567-sb1.suitetalk.api.netsuite.com${tokenPath}` },
      200,
      undefined,
    ],
    ['several scopes as text', { scope: 'restlets, rest_webservices,suite_analytics' }, 200, undefined],
    // Oracle's prose says "less than 60 minutes", its own sample request has 3600 (section_162755359851).
    ['exp exactly 60 minutes after iat, as Oracle’s sample request', { lifetime: 3600 }, 200, undefined],
    ['exp 60 minutes and 1 s after iat', { lifetime: 3601 }, 400, 'invalid_request'],
    ['scope as a JSON array', { scope: ['rest_webservices'] }, 400, 'invalid_request'],
    ['scope separated by spaces', { scope: 'restlets rest_webservices' }, 400, 'invalid_scope'],
    ['another account’s aud', { aud: `https://7654321.suitetalk.api.netsuite.com${tokenPath}` }, 401, 'invalid_client'],
    [
      'the realm spelling in aud',
      { aud: `https://1234567_SB1.suitetalk.api.netsuite.com${tokenPath}` },
      401,
      'invalid_client',
    ],
  ])('the sandbox token endpoint: %s → %s', async (_name, claims, status, error) => {
    expect(await tokenStatus(claims)).toEqual({ status, ...(error ? { error } : {}) });
  });
});

describe('credential hygiene', () => {
  it('never shows a secret in inspect, JSON or error output', async () => {
    const config = sandbox.config('tba', { account: '7654321' });
    const secrets = [
      (config.auth as { tokenSecret: Secret }).tokenSecret.reveal(),
      (config.auth as { consumerSecret: Secret }).consumerSecret.reveal(),
    ];
    const err = await firstEmployee(createClient(config, { retry: FAST_RETRY })).catch((e: unknown) => e);
    const shown = [inspect(config, { depth: 5 }), JSON.stringify(config), String(err), inspect(err, { depth: 5 })].join(
      '\n',
    );
    for (const s of secrets) expect(shown).not.toContain(s);
    expect(shown).toContain('[secret]');
  });

  it('never follows a redirect, so credentials never reach another host', async () => {
    const seen: (string | undefined)[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('{}');
    });
    const redirector = createServer((req, res) => {
      const { port } = other.address() as AddressInfo;
      res.writeHead(307, { location: `http://localhost:${port}${req.url}` }).end();
    });
    await Promise.all([
      new Promise<void>((r) => other.listen(0, '127.0.0.1', r)),
      new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r)),
    ]);
    try {
      const config = sandbox.config('tba', {
        baseUrl: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`,
      });
      const err = await firstEmployee(createClient(config, { retry: FAST_RETRY })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RedirectRefusedError);
      expect((err as Error).message).toMatch(/another host \(localhost:\d+\)/);
      expect(seen).toEqual([]);
    } finally {
      other.close();
      redirector.close();
    }
  });
});

/**
 * Hardening (issue 6, items 3 and 4) of the REST client against the sandbox over real HTTP: bad
 * credentials, malformed private keys, wrong account ids and bad configuration each give one clear
 * error naming the problem; no credential (private key, TBA secrets, access tokens, Authorization
 * headers) and no request payload shows in any error, retry event, console line, `inspect` or JSON of
 * the client; and no redirect is followed, from the REST API or the token endpoint, to any host.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import {
  AuthError,
  ConfigError,
  configFromEnv,
  configFromFile,
  createClient,
  NetSuiteApiError,
  RedirectRefusedError,
  Secret,
  type ClientConfig,
} from '../../lib/client';
import type { RetryEvent } from '../../lib/client/http';
import { FAST_RETRY, startSandbox, type Sandbox } from '../client/harness';
import { collectWireSecrets } from './secret-collector';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(() => sandbox.close());

const pem = (kind: 'ec' | 'rsa') =>
  (kind === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 })
  ).privateKey
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();

function m2m(
  over: Partial<{ clientId: string; certificateId: string; privateKey: string; algorithm: string }> = {},
): ClientConfig {
  const base = sandbox.config('m2m');
  const auth = base.auth as Extract<ClientConfig['auth'], { type: 'm2m' }>;
  return {
    ...base,
    auth: {
      ...auth,
      ...(over.clientId ? { clientId: over.clientId } : {}),
      ...(over.certificateId ? { certificateId: over.certificateId } : {}),
      ...(over.privateKey ? { privateKey: new Secret(over.privateKey) } : {}),
      ...(over.algorithm ? { algorithm: over.algorithm as 'ES256' } : {}),
    },
  };
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('succeeded');
}

describe('bad credentials: one clear error, no retry storm', () => {
  test.each([
    ['another private key', () => m2m({ privateKey: pem('ec') }), /401 invalid_client.*signature/],
    ['an unknown certificate id', () => m2m({ certificateId: 'not-mapped' }), /401 invalid_client.*kid/],
    ['another client id', () => m2m({ clientId: 'someone-else' }), /401 invalid_client/],
  ])('M2M with %s → AuthError naming it, with the Login Audit Trail hint', async (_name, config, message) => {
    const before = sandbox.server.loginAudit().length;
    const err = await failure(createClient(config(), { retry: FAST_RETRY }).employees.get('1'));
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toMatch(message);
    expect((err as AuthError).hint).toMatch(/Login Audit Trail/);
    expect(sandbox.server.loginAudit().length - before).toBe(1); // asked once, not retried
  });

  test.each([
    ['a wrong token secret', { tokenSecret: new Secret('0'.repeat(64)) }],
    ['a wrong consumer secret', { consumerSecret: new Secret('1'.repeat(64)) }],
    ['an unknown token id', { tokenId: 'nope' }],
  ])('TBA with %s → 401 INVALID_LOGIN with the hint, sent once', async (_name, over) => {
    const base = sandbox.config('tba');
    const before = sandbox.server.loginAudit().length;
    const err = await failure(
      createClient({ ...base, auth: { ...base.auth, ...over } }, { retry: FAST_RETRY }).employees.get('1'),
    );
    expect(err).toBeInstanceOf(NetSuiteApiError);
    expect(err.message).toMatch(/401 INVALID_LOGIN/);
    expect((err as NetSuiteApiError).hint).toMatch(/realm is upper case/);
    expect(sandbox.server.loginAudit().length - before).toBe(1);
  });
});

describe('a malformed private key or an algorithm that does not fit it: refused at once, by name', () => {
  const ec = pem('ec');
  test.each([
    ['text that is not PEM', 'not a key at all'],
    ['a truncated PEM', ec.slice(0, 120)],
    [
      'a public key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ],
    ['a PEM with its base64 damaged', ec.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!')],
  ])('%s', (_name, key) => {
    let err: Error | undefined;
    try {
      createClient(m2m({ privateKey: key }));
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeDefined();
    expect(err!.message).toMatch(/private key/i);
    expect(err!.message).not.toMatch(/DECODER routines/); // OpenSSL's words alone name nothing
    const body = key.split('\n').find((l) => l.length > 20 && !l.startsWith('-----'));
    if (body) expect(`${err!.message}\n${err!.stack}`).not.toContain(body);
  });

  test.each([
    ['an RSA key with ES256', 'rsa', 'ES256'],
    ['an EC key with PS256', 'ec', 'PS256'],
  ] as const)('%s → refused when the client is made, not at the first request', (_name, kind, algorithm) => {
    expect(() => createClient(m2m({ privateKey: pem(kind), algorithm }))).toThrow(
      new RegExp(`${algorithm}.*(RSA|EC)`, 'i'),
    );
  });

  test('RS256 is refused by name', () => {
    expect(() => createClient(m2m({ privateKey: pem('rsa'), algorithm: 'RS256' }))).toThrow(/RS256 is not accepted/);
  });
});

describe('wrong account ids', () => {
  test.each(['', 'https://1234567.app.netsuite.com', '1234567 SB1', '1234567_SB1/', '../etc'])(
    '"%s" is not an account id',
    (account) => {
      expect(() => createClient({ ...sandbox.config('tba'), account })).toThrow(/not a NetSuite account id/);
    },
  );

  test("another account's id with TBA: 401 INVALID_LOGIN whose hint names the realm; the host spelling of the right one works", async () => {
    const err = await failure(
      createClient(sandbox.config('tba', { account: '7654321_SB1' }), { retry: FAST_RETRY }).employees.get('1'),
    );
    expect(err.message).toMatch(/INVALID_LOGIN/);
    expect((err as NetSuiteApiError).hint).toMatch(/account id/);
    expect(sandbox.server.loginAudit().at(-1)!.detail).toMatch(/realm must be the account id 1234567_SB1/);
    await expect(
      createClient(sandbox.config('tba', { account: '1234567-sb1' })).employees.get('1'),
    ).resolves.toMatchObject({ id: '1' });
  });
});

describe('base URL: credentials never travel in clear', () => {
  test.each([
    ['http://1234567-sb1.suitetalk.api.netsuite.com', /must be https/],
    ['http://10.0.0.5:4000', /must be https/],
    ['ftp://127.0.0.1', /must be https/],
    ['https://user:hunter2@proxy.example.com', /must not carry credentials/],
    ['not a url', /is not an absolute URL/],
  ])('%s is refused when the client is made', (baseUrl, message) => {
    let err: Error | undefined;
    try {
      createClient({ ...sandbox.config('tba'), baseUrl });
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toMatch(message);
    expect(err!.message).not.toContain('hunter2');
  });

  test('https anywhere, and plain http on loopback (the sandbox), are accepted', () => {
    for (const baseUrl of [
      'https://proxy.example.com:8443/ignored/path',
      'http://127.0.0.1:4000',
      'http://localhost:4000',
      'http://[::1]:4000',
    ]) {
      expect(() => createClient({ ...sandbox.config('tba'), baseUrl })).not.toThrow();
    }
  });
});

describe('bad configuration: one ConfigError naming the setting', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-hardening-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each([
    [{}, /no credentials/],
    [
      { SUITEHOOKS_CLIENT_ID: 'c', SUITEHOOKS_CERTIFICATE_ID: 'k', SUITEHOOKS_PRIVATE_KEY: 'x' },
      /missing SUITEHOOKS_ACCOUNT/,
    ],
    [
      { SUITEHOOKS_ACCOUNT: '1', SUITEHOOKS_CLIENT_ID: 'c', SUITEHOOKS_PRIVATE_KEY: 'x' },
      /missing SUITEHOOKS_CERTIFICATE_ID/,
    ],
    [
      { SUITEHOOKS_ACCOUNT: '1', SUITEHOOKS_CLIENT_ID: 'c', SUITEHOOKS_CERTIFICATE_ID: 'k' },
      /missing SUITEHOOKS_PRIVATE_KEY/,
    ],
    [
      {
        SUITEHOOKS_ACCOUNT: '1',
        SUITEHOOKS_CLIENT_ID: 'c',
        SUITEHOOKS_CERTIFICATE_ID: 'k',
        SUITEHOOKS_PRIVATE_KEY_FILE: '/nonexistent/key.pem',
      },
      /cannot read the private key file/,
    ],
    [
      {
        SUITEHOOKS_ACCOUNT: '1',
        SUITEHOOKS_CONSUMER_KEY: 'a',
        SUITEHOOKS_CONSUMER_SECRET: 'b',
        SUITEHOOKS_TOKEN_ID: 'c',
      },
      /missing SUITEHOOKS_TOKEN_SECRET/,
    ],
    [
      {
        SUITEHOOKS_ACCOUNT: '1',
        SUITEHOOKS_CONSUMER_KEY: 'a',
        SUITEHOOKS_CONSUMER_SECRET: 'b',
        SUITEHOOKS_TOKEN_ID: 'c',
        SUITEHOOKS_TOKEN_SECRET: 'd',
        SUITEHOOKS_CONCURRENCY: 'lots',
      },
      /SUITEHOOKS_CONCURRENCY must be a positive integer/,
    ],
  ])('environment %#', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
    expect(() => configFromEnv(env)).toThrow(message);
  });

  test('files: unreadable, not JSON, no credentials, missing fields; the secret never in the message', () => {
    const write = (name: string, content: string) => {
      const f = path.join(tmp, name);
      fs.writeFileSync(f, content);
      return f;
    };
    expect(() => configFromFile(path.join(tmp, 'absent.json'))).toThrow(/cannot read credentials file .*ENOENT/);
    const secret = randomBytes(16).toString('hex');
    const broken = write('broken.json', `{"account": "1", "tba": {"consumerSecret": "${secret}",`);
    let err: Error | undefined;
    try {
      configFromFile(broken);
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toMatch(/invalid JSON/);
    expect(err?.message).not.toContain(secret);
    expect(() => configFromFile(write('empty.json', '{"account": "1"}'))).toThrow(/neither "m2m" nor "tba"/);
    expect(() =>
      configFromFile(
        write(
          'tba.json',
          JSON.stringify({ account: '1', tba: { consumerKey: 'a', consumerSecret: secret, tokenId: 'c' } }),
        ),
      ),
    ).toThrow(/missing tba\.tokenSecret/);
  });
});

// ---- redirects --------------------------------------------------------------------------------

describe('redirects are never followed, from the REST API or the token endpoint', () => {
  let target: Server;
  let redirector: Server;
  const atTarget: IncomingMessage['headers'][] = [];
  const atRedirector: { url: string; headers: IncomingMessage['headers'] }[] = [];
  let status = 307;
  let sameHost = false;
  const port = (s: Server) => (s.address() as AddressInfo).port;

  beforeAll(async () => {
    target = createServer((req, res) => {
      atTarget.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"x","expires_in":"3600"}');
    });
    redirector = createServer((req, res) => {
      atRedirector.push({ url: req.url!, headers: req.headers });
      const location = sameHost ? `/elsewhere${req.url}` : `http://localhost:${port(target)}${req.url}`;
      req.resume();
      res.writeHead(status, { location }).end();
    });
    await Promise.all([target, redirector].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  });
  afterAll(() => Promise.all([target, redirector].map((s) => new Promise((r) => s.close(r)))));
  beforeEach(() => {
    atTarget.length = 0;
    atRedirector.length = 0;
    sameHost = false;
  });

  test.each([301, 302, 303, 307, 308])(
    '%i from the token endpoint (M2M): RedirectRefusedError, the client assertion goes nowhere else',
    async (code) => {
      status = code;
      const config = { ...m2m(), baseUrl: `http://127.0.0.1:${port(redirector)}` };
      const err = await failure(createClient(config, { retry: FAST_RETRY }).employees.get('1'));
      expect(err).toBeInstanceOf(RedirectRefusedError);
      expect(err.message).toMatch(/token/);
      expect(err.message).toMatch(/another host \(localhost:\d+\)/);
      expect(atRedirector).toHaveLength(1);
      expect(atTarget).toHaveLength(0);
    },
  );

  test.each(['tba', 'm2m'] as const)(
    '%s: a 302 to the same host is not followed either (one request, then a clear error)',
    async (kind) => {
      status = 302;
      sameHost = true;
      const config =
        kind === 'm2m'
          ? { ...m2m(), baseUrl: `http://127.0.0.1:${port(redirector)}` }
          : sandbox.config('tba', { baseUrl: `http://127.0.0.1:${port(redirector)}` });
      const err = await failure(createClient(config, { retry: FAST_RETRY }).employees.get('1'));
      expect(err).toBeInstanceOf(RedirectRefusedError);
      expect(err.message).toMatch(/answered 302/);
      expect(err.message).not.toMatch(/another host/);
      expect(atRedirector).toHaveLength(1);
      expect(atRedirector.every((r) => !r.url.startsWith('/elsewhere'))).toBe(true);
      expect(atTarget).toHaveLength(0);
    },
  );
});

// ---- nothing secret in anything the client shows ---------------------------------------------

describe('no credential or payload in errors, retry events, console output, inspect or JSON of the client', () => {
  test('a run of good and failing calls, both auth methods, scanned with the real values', async () => {
    const shown: string[] = [];
    const { secrets, restore: restoreFetch } = collectWireSecrets();
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest
        .spyOn(console, m)
        .mockImplementation((...args) => void shown.push(args.map((a) => inspect(a, { depth: 8 })).join(' '))),
    );
    const writes = [process.stdout, process.stderr].map((s) =>
      jest.spyOn(s, 'write').mockImplementation((chunk: unknown) => (shown.push(String(chunk)), true)),
    );
    const marker = `PAYLOAD-${randomBytes(6).toString('hex')}`;
    try {
      for (const kind of ['m2m', 'tba'] as const) {
        const config = sandbox.config(kind);
        if (config.auth.type === 'm2m') secrets.add(config.auth.privateKey.reveal());
        else for (const s of [config.auth.consumerSecret, config.auth.tokenSecret]) secrets.add(s.reveal());
        const retries: RetryEvent[] = [];
        const client = createClient(config, { retry: FAST_RETRY, onRetry: (e) => void retries.push(e) });
        await client.employees.get('1');
        const errors: unknown[] = [];
        const attempt = (p: Promise<unknown>) =>
          p.then(
            () => undefined,
            (e: unknown) => void errors.push(e),
          );
        await attempt(client.employees.get('999999'));
        await attempt(
          client.employees.create({
            firstName: marker,
            lastName: marker,
            email: `${marker}@example`,
            subsidiary: '999999',
          }),
        );
        await attempt(client.employees.update('999999', { title: marker }));
        await attempt(client.suiteql.page(`SELECT nonsense FROM nowhere WHERE x = '${marker}'`));
        // A revoked token: the client renews it (M2M) or fails (TBA is not affected).
        sandbox.server.revokeTokens();
        await attempt(client.employees.get('1'));
        const bad = createClient(
          {
            ...config,
            auth:
              config.auth.type === 'm2m'
                ? { ...config.auth, privateKey: new Secret(pem('ec')) }
                : { ...config.auth, tokenSecret: new Secret('f'.repeat(64)) },
          },
          { retry: FAST_RETRY, onRetry: (e) => void retries.push(e) },
        );
        await attempt(bad.employees.get('1'));
        expect(errors.length).toBeGreaterThanOrEqual(4);
        for (const e of errors)
          shown.push(
            String(e),
            (e as Error).stack ?? '',
            inspect(e, { depth: 10, showHidden: true }),
            JSON.stringify(e),
          );
        shown.push(
          JSON.stringify(retries),
          inspect(client, { depth: 12, showHidden: true }),
          JSON.stringify(client),
          inspect(config, { depth: 8 }),
          JSON.stringify(config),
        );
      }
    } finally {
      restoreFetch();
      for (const s of [...consoleSpies, ...writes]) s.mockRestore();
    }
    const text = shown.join('\n');
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    const leaks = [...secrets].filter(
      (s) =>
        text.includes(s) ||
        s.split('\n').some((line) => line.length > 16 && !line.startsWith('-----') && text.includes(line)),
    );
    expect(leaks.map((s) => s.slice(0, 12) + '…')).toEqual([]);
    expect(text).not.toContain(marker);
  });
});

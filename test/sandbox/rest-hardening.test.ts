/**
 * The sandbox's REST API under attack (issue 17, items 7 and 10): slow clients cannot hold the account's
 * concurrency slots or a connection for minutes, and one client assertion mints one token.
 */
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { SignJWT } from 'jose';
import { createDevCredentials } from '../../lib/sandbox/rest/credentials';
import { startRestServer, type RestServer } from '../../lib/sandbox/rest/server';
import { TbaAuth } from '../../lib/client/auth/tba';
import { Secret } from '../../lib/client/secret';
import { FakeAccount } from './rest-fake-account';

const dev = createDevCredentials();
const TOKEN = '/services/rest/auth/oauth2/v1/token';
const EMP = '/services/rest/record/v1/employee';

let account: FakeAccount;
beforeAll(() => {
  account = new FakeAccount();
});

async function assertion(
  server: RestServer,
  over: { iat?: number; lifetime?: number; jti?: string; kind?: 'm2m' | 'm2mPs256' } = {},
): Promise<string> {
  const cred = dev.client[over.kind ?? 'm2m'];
  const iat = over.iat ?? Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ scope: 'rest_webservices' })
    .setProtectedHeader({ alg: cred.algorithm, kid: cred.certificateId })
    .setIssuer(cred.clientId)
    .setAudience(`${server.url}${TOKEN}`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (over.lifetime ?? 3599));
  if (over.jti !== undefined) jwt.setJti(over.jti);
  return jwt.sign(createPrivateKey(cred.privateKey));
}

async function token(server: RestServer, jwt: string): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${server.url}${TOKEN}`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Resolves with everything the server sent once it closes the connection. */
function closed(socket: Socket): Promise<string> {
  let out = '';
  socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
  return new Promise((resolve) => socket.once('close', () => resolve(out)));
}

/** Resolves once the socket has received `text` (an explicit signal from the server). */
function received(socket: Socket, text: string): Promise<void> {
  let seen = '';
  return new Promise((resolve) => {
    const on = (d: Buffer) => {
      seen += d.toString('latin1');
      if (seen.includes(text)) {
        socket.off('data', on);
        resolve();
      }
    };
    socket.on('data', on);
  });
}

function open(server: RestServer): Promise<Socket> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('slow clients (slow-loris)', () => {
  let server: RestServer;
  let bearer: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startRestServer(account, {
      credentials: dev.registry,
      concurrencyLimit: 2,
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
    });
    const t = await token(server, await assertion(server));
    expect(t.status).toBe(200);
    bearer = t.body.access_token!;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await server.close();
  });

  it('unauthenticated token requests trickling their bodies hold no concurrency slot, and are cut off', async () => {
    // Five connections send a token request's headers and one byte of a 500-byte body. `Expect:
    // 100-continue` makes the server say when it has taken each request in hand.
    const slow = await Promise.all([0, 1, 2, 3, 4].map(() => open(server)));
    sockets.push(...slow);
    const ends = slow.map(closed);
    await Promise.all(
      slow.map((s) => {
        const continued = received(s, '100 Continue');
        s.write(
          `POST ${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
            'Content-Length: 500\r\nExpect: 100-continue\r\n\r\ng',
        );
        return continued;
      }),
    );
    // A valid client meanwhile is served, not refused with 429.
    const res = await fetch(`${server.url}${EMP}?limit=1`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(res.status).toBe(200);
    expect(server.rejectedByConcurrency()).toBe(0);
    // The slow ones are answered 408 and closed once their request time is up (not after Node's 300 s).
    for (const out of await Promise.all(ends)) expect(out).toMatch(/HTTP\/1\.1 408 Request Timeout/);
  });

  it('a client that never finishes its headers is cut off', async () => {
    const socket = await open(server);
    sockets.push(socket);
    const end = closed(socket);
    socket.write(`GET ${EMP} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriz`);
    expect(await end).toMatch(/408 Request Timeout/);
  });

  it('an unauthenticated request is refused 401 before it could take a slot', async () => {
    const before = server.rejectedByConcurrency();
    const res = await fetch(`${server.url}${EMP}`, {
      method: 'POST',
      headers: { authorization: 'Bearer made-up', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(server.rejectedByConcurrency()).toBe(before);
  });
});

describe('past the concurrency limit', () => {
  it('a 429 does not use up the TBA nonce: the same signed request, retried once a slot is free, is served', async () => {
    const server = await startRestServer(account, { credentials: dev.registry, concurrencyLimit: 1 });
    const jwt = await assertion(server);
    const bearer = (await token(server, jwt)).body.access_token!;
    let release!: () => void;
    let waiting!: () => void;
    const held = new Promise<void>((r) => (waiting = r));
    account.createGate = new Promise<void>((r) => (release = r));
    account.onGateWait = () => waiting();
    try {
      const holding = fetch(`${server.url}${EMP}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'Held' }),
      });
      await held;
      const url = `${server.url}${EMP}?limit=1`;
      const auth = new TbaAuth(
        {
          consumerKey: dev.client.tba.consumerKey,
          consumerSecret: new Secret(dev.client.tba.consumerSecret),
          tokenId: dev.client.tba.tokenId,
          tokenSecret: new Secret(dev.client.tba.tokenSecret),
        },
        account.accountId,
      );
      const headers = { authorization: await auth.authorization('GET', url) };
      expect((await fetch(url, { headers })).status).toBe(429);
      release();
      expect((await holding).status).toBe(204);
      expect((await fetch(url, { headers })).status).toBe(200);
    } finally {
      account.createGate = null;
      account.onGateWait = null;
      await server.close();
    }
  });
});

describe('client assertions (section_162790605110, section_162755359851)', () => {
  let server: RestServer;
  beforeAll(async () => {
    server = await startRestServer(account, { credentials: dev.registry });
  });
  afterAll(() => server.close());

  it("accepts exp − iat = 3600, as Oracle's own sample request has it; refuses 3601", async () => {
    expect((await token(server, await assertion(server, { lifetime: 3600 }))).status).toBe(200);
    const over = await token(server, await assertion(server, { lifetime: 3601 }));
    expect(over.status).toBe(400);
  });

  it('refuses an iat in the future beyond a minute of clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const years = await token(server, await assertion(server, { iat: now + 3 * 365 * 86400 }));
    expect(years).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(server.loginAudit().at(-1)).toMatchObject({ success: false });
    expect(server.loginAudit().at(-1)?.detail).toMatch(/iat lies in the future/);
    expect((await token(server, await assertion(server, { iat: now + 120 }))).status).toBe(400);
    expect((await token(server, await assertion(server, { iat: now + 30 }))).status).toBe(200);
  });

  it('refuses the same assertion twice (no jti: the assertion itself is the key)', async () => {
    const jwt = await assertion(server);
    expect((await token(server, jwt)).status).toBe(200);
    const again = await token(server, jwt);
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(again.body.access_token).toBeUndefined();
  });

  it('refuses a replay whose ECDSA signature was rewritten as (r, n − s), still valid', async () => {
    const jwt = await assertion(server);
    expect((await token(server, jwt)).status).toBe(200);
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const bytes = Buffer.from(sig, 'base64url');
    const n = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');
    const s = BigInt(`0x${bytes.subarray(32).toString('hex')}`);
    const flipped = Buffer.concat([bytes.subarray(0, 32), Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex')]);
    // The rewritten signature verifies (so only a canonical key stops the replay).
    const key = createPublicKey(dev.registry.m2m[0]!.publicKey);
    expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, flipped)).toBe(true);
    const replay = await token(server, `${h}.${p}.${flipped.toString('base64url')}`);
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a jti used before, even in another assertion; different jtis are separate', async () => {
    expect((await token(server, await assertion(server, { jti: 'one' }))).status).toBe(200);
    expect((await token(server, await assertion(server, { jti: 'one' }))).status).toBe(400);
    expect((await token(server, await assertion(server, { jti: 'two' }))).status).toBe(200);
  });

  it('a PS256 assertion signed with the dev credentials’ RSA certificate gets a token', async () => {
    expect(dev.client.m2mPs256.algorithm).toBe('PS256');
    expect(dev.client.m2mPs256.clientId).toBe(dev.client.m2m.clientId);
    const res = await token(server, await assertion(server, { kind: 'm2mPs256' }));
    expect(res).toMatchObject({ status: 200, body: { token_type: 'bearer' } });
  });
});

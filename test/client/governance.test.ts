/**
 * Concurrency governance: the client's one limiter, 429 storms retried with backoff until every
 * operation landed exactly once, bounded retries, and creates whose outcome is unknown never re-sent.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createClient,
  RetriesExhaustedError,
  Secret,
  WriteOutcomeUnknownError,
  type ClientConfig,
} from '../../lib/client';
import { startSandbox, FAST_RETRY, type Sandbox } from './harness';

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** A client for a stub server that checks no signature. */
const stub = (baseUrl: string): ClientConfig => ({
  account: '1',
  baseUrl,
  auth: { type: 'tba', consumerKey: 'k', consumerSecret: new Secret('s'), tokenId: 't', tokenSecret: new Secret('s') },
});

describe('429 storms against the sandbox', () => {
  let sandbox: Sandbox;
  // The account allows 2 concurrent requests, each held 20 ms; the client runs 6 at once.
  beforeAll(async () => (sandbox = await startSandbox({ server: { concurrencyLimit: 2, latencyMs: 20 } })));
  afterAll(() => sandbox.close());

  it('lands every operation exactly once: creates, upserts, updates and role changes', async () => {
    const retries: string[] = [];
    const client = sandbox.client('tba', { config: { concurrency: 6 }, onRetry: (e) => retries.push(e.reason) });
    const n = 12;
    const created = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        client.employees.create({
          firstName: 'Storm',
          lastName: `C${i}`,
          email: `storm.c${i}@example.com`,
          subsidiary: '1',
        }),
      ),
    );
    const upserted = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        client.employees.upsert(`STORM-${i}`, { firstName: 'Storm', lastName: `U${i}`, subsidiary: '1' }),
      ),
    );
    await Promise.all([
      ...created.map((id, i) => client.employees.update(id, { title: `T${i}` })),
      ...upserted.map((id) => client.employees.addRole(id, '15')),
    ]);

    expect(sandbox.server.rejectedByConcurrency()).toBeGreaterThan(0);
    expect(retries.length).toBe(sandbox.server.rejectedByConcurrency());
    expect(retries.every((r) => r === 'HTTP 429 CONCURRENCY_LIMIT_EXCEEDED')).toBe(true);
    const db = sandbox.account.db;
    expect(db.prepare(`SELECT COUNT(*) FROM employee WHERE firstname = 'Storm'`).pluck().get()).toBe(2 * n);
    expect(new Set(created).size).toBe(n);
    const titles = db
      .prepare(
        `SELECT lastname, title FROM employee WHERE lastname LIKE 'C%' AND firstname = 'Storm' ORDER BY CAST(SUBSTR(lastname, 2) AS INTEGER)`,
      )
      .all();
    expect(titles).toEqual(Array.from({ length: n }, (_, i) => ({ lastname: `C${i}`, title: `T${i}` })));
    const roleLines = db
      .prepare(
        `SELECT COUNT(*) FROM employeerolesforsearch r JOIN employee e ON e.id = r.entity WHERE e.externalid LIKE 'STORM-%' AND r.role = 15`,
      )
      .pluck()
      .get();
    expect(roleLines).toBe(n);
  });

  it('reads the account limit from governanceLimits (administrators)', async () => {
    expect(await sandbox.client('m2m').governanceLimits()).toMatchObject({ accountConcurrencyLimit: 2 });
  });

  it('keeps within the account limit when the client limit matches it: no 429 at all', async () => {
    const before = sandbox.server.rejectedByConcurrency();
    const client = sandbox.client('m2m', { config: { concurrency: 2 } });
    await Promise.all(Array.from({ length: 10 }, () => client.employees.get('1')));
    expect(sandbox.server.rejectedByConcurrency()).toBe(before);
    expect(client.limiter.inUse).toBe(0);
  });
});

describe('retry bounds and unknown outcomes (a stub in front of the API)', () => {
  it('gives up after the attempt bound with RetriesExhaustedError carrying the 429', async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls++;
      res.writeHead(429, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: 429,
          'o:errorDetails': [
            {
              detail: 'Concurrent request limit exceeded. Request blocked.',
              'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED',
            },
          ],
        }),
      );
    });
    const url = await listen(server);
    try {
      const client = createClient(stub(url), { retry: { ...FAST_RETRY, maxAttempts: 4 } });
      const err = await client.employees.get('1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetriesExhaustedError);
      expect(err).toMatchObject({ attempts: 4, cause: { code: 'CONCURRENCY_LIMIT_EXCEEDED' } });
      expect(calls).toBe(4);
    } finally {
      server.close();
    }
  });

  it('retries transient 5xx on reads; never more than the client limit in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    let calls = 0;
    const server = createServer((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const n = ++calls;
      setTimeout(() => {
        inFlight--;
        if (n % 3 === 0) res.writeHead(503).end('busy');
        else
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: '1', firstName: 'A' }));
      }, 5);
    });
    const url = await listen(server);
    try {
      const client = createClient({ ...stub(url), concurrency: 3 }, { retry: FAST_RETRY });
      const got = await Promise.all(Array.from({ length: 20 }, () => client.employees.get('1')));
      expect(got.every((r) => r.firstName === 'A')).toBe(true);
      expect(calls).toBeGreaterThan(20);
      expect(peak).toBeLessThanOrEqual(3);
    } finally {
      server.close();
    }
  });

  describe('a proxy that loses the response of the first create (the request did reach NetSuite)', () => {
    let sandbox: Sandbox;
    let proxy: Server;
    let dropped = 0;
    let tokenFailures = 0;
    beforeAll(async () => {
      sandbox = await startSandbox();
      const target = new URL(sandbox.server.url);
      proxy = createServer((req, res) => {
        if (req.url === '/services/rest/auth/oauth2/v1/token' && tokenFailures > 0) {
          // First a dropped connection, then a 503: the token endpoint's troubles, before any API request.
          if (tokenFailures-- % 2 === 0) res.socket?.destroy();
          else res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"temporarily_unavailable"}');
          return;
        }
        const forward = httpRequest(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
          (upstream) => {
            if (req.method === 'POST' && req.url === '/services/rest/record/v1/employee' && dropped++ === 0) {
              upstream.resume();
              upstream.on('end', () => res.socket?.destroy()); // committed upstream, lost on the way back
              return;
            }
            res.writeHead(upstream.statusCode!, upstream.headers);
            upstream.pipe(res);
          },
        );
        req.pipe(forward);
      });
      await listen(proxy);
    });
    afterAll(async () => {
      proxy.close();
      await sandbox.close();
    });
    const client = (kind: 'tba' | 'm2m' = 'tba') =>
      sandbox.client(kind, { config: { baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` } });
    const count = (lastName: string) =>
      sandbox.account.db.prepare('SELECT COUNT(*) FROM employee WHERE lastname = ?').pluck().get(lastName);

    it('finishes a create with an external id through the upsert: one record', async () => {
      dropped = 0;
      const id = await client().employees.create({
        externalId: 'LOST-1',
        firstName: 'Lost',
        lastName: 'Once',
        subsidiary: '1',
      });
      expect(dropped).toBe(1);
      expect(count('Once')).toBe(1);
      expect(await client().employees.getByExternalId('LOST-1')).toMatchObject({ id });
    });

    it('reports a create without an external id as unknown instead of sending it twice', async () => {
      dropped = 0;
      const err = await client()
        .employees.create({ firstName: 'Lost', lastName: 'Twice', subsidiary: '1' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteOutcomeUnknownError);
      expect((err as WriteOutcomeUnknownError).hint).toMatch(/externalId/);
      expect(count('Twice')).toBe(1);
    });

    it('retries a create whose token request failed: nothing was sent, so nothing is unknown', async () => {
      dropped = 1; // responses of creates pass through
      tokenFailures = 2;
      const id = await client('m2m').employees.create({ firstName: 'Token', lastName: 'Trouble', subsidiary: '1' });
      expect(tokenFailures).toBe(0);
      expect(count('Trouble')).toBe(1);
      expect(sandbox.account.getEmployee(id)).toMatchObject({ lastName: 'Trouble' });
    });
  });
});

/** The client's small parts on their own: limiter, backoff, configuration sources. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ConfigError,
  configFromEnv,
  configFromFile,
  InterruptedError,
  Limiter,
  Secret,
  createClient,
} from '../../lib/client';
import { backoffDelay, resolveRetry } from '../../lib/client/retry';

/** A TBA client configuration for a local stand-in server (its answers, not the credentials, are under test). */
function localTbaConfig(address: AddressInfo) {
  return {
    account: '1234567',
    baseUrl: `http://127.0.0.1:${address.port}`,
    auth: {
      type: 'tba' as const,
      consumerKey: 'ck',
      consumerSecret: new Secret('cs'),
      tokenId: 'ti',
      tokenSecret: new Secret('ts'),
    },
  };
}

describe('Limiter', () => {
  it('runs at most max tasks at once, in arrival order, and frees slots on failure', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (i === 1) throw new Error('boom');
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => limiter.run(task(i))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect([limiter.inUse, limiter.queued]).toEqual([0, 0]);
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});

describe('backoff', () => {
  it('draws a full-jitter delay below a doubling, capped ceiling', () => {
    const top = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, resolveRetry({ random: () => 0 }))).toBe(0);
  });
});

describe('interrupting', () => {
  it('a retry waiting on its backoff is not made once the signal aborts: InterruptedError, one request sent', async () => {
    const controller = new AbortController();
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
      controller.abort(); // the user presses Ctrl-C while the client backs off (up to 10 minutes here)
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const client = createClient(localTbaConfig(server.address() as AddressInfo), {
        signal: controller.signal,
        retry: { baseDelayMs: 600_000, maxDelayMs: 600_000, maxTotalMs: 3_600_000, random: () => 0.999 },
      });
      const err = await client.employees.get('1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InterruptedError);
      expect((err as Error).message).toMatch(/^interrupted: .* not retried after HTTP 503/);
      expect(requests).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe('request timeout', () => {
  it('a server that never answers: the attempt times out; a read is retried then given up, a create is reported unknown', async () => {
    const hung: import('node:http').ServerResponse[] = [];
    const server = createServer((_req, res) => void hung.push(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const client = createClient(localTbaConfig(server.address() as AddressInfo), {
        timeoutMs: 50,
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      });
      await expect(client.employees.get('1')).rejects.toThrow(/gave up after 2 attempts \(timeout\)/);
      await expect(client.employees.create({ firstName: 'T', lastName: 'O', subsidiary: '1' })).rejects.toThrow(
        /timeout after the request was sent; the record may exist/,
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('configuration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

  it('reads a file with a key file next to it, preferring M2M', () => {
    fs.writeFileSync(path.join(dir, 'key.pem'), pem);
    fs.writeFileSync(
      path.join(dir, 'creds.json'),
      JSON.stringify({
        account: '1234567_SB1',
        concurrency: 15,
        m2m: { clientId: 'cid', certificateId: 'kid', privateKeyFile: 'key.pem' },
        tba: { consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'ti', tokenSecret: 'ts' },
      }),
    );
    const config = configFromFile(path.join(dir, 'creds.json'));
    expect(config).toMatchObject({
      account: '1234567_SB1',
      concurrency: 15,
      auth: { type: 'm2m', clientId: 'cid', certificateId: 'kid' },
    });
    expect((config.auth as { privateKey: { reveal(): string } }).privateKey.reveal()).toBe(pem);
  });

  it('names what is missing, in the vocabulary of the source', () => {
    fs.writeFileSync(
      path.join(dir, 'partial.json'),
      JSON.stringify({ account: '1', tba: { consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'ti' } }),
    );
    expect(() => configFromFile(path.join(dir, 'partial.json'))).toThrow(new ConfigError('missing tba.tokenSecret'));
    expect(() => configFromFile(path.join(dir, 'nope.json'))).toThrow(
      /cannot read credentials file .*nope.json: ENOENT/,
    );
    expect(() =>
      configFromEnv({ SUITEHOOKS_CLIENT_ID: 'c', SUITEHOOKS_CERTIFICATE_ID: 'k', SUITEHOOKS_ACCOUNT: '1' }),
    ).toThrow('missing SUITEHOOKS_PRIVATE_KEY (or SUITEHOOKS_PRIVATE_KEY_FILE)');
    expect(() =>
      configFromEnv({ SUITEHOOKS_CONSUMER_KEY: 'c', SUITEHOOKS_ACCOUNT: '1', SUITEHOOKS_CONCURRENCY: 'many' }),
    ).toThrow('SUITEHOOKS_CONCURRENCY must be a positive integer');
  });

  it('takes a PEM with escaped newlines from one environment variable', () => {
    const config = configFromEnv({
      SUITEHOOKS_ACCOUNT: '1',
      SUITEHOOKS_CLIENT_ID: 'c',
      SUITEHOOKS_CERTIFICATE_ID: 'k',
      SUITEHOOKS_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
    });
    expect((config.auth as { privateKey: { reveal(): string } }).privateKey.reveal()).toBe(pem);
  });
});

/**
 * Hardening (issue 6, items 3 and 4): the receiver helpers given malformed or hostile webhook requests —
 * over real HTTP for the handler — each answered with one clear error naming the problem; old and
 * future timestamps refused (5 minutes); key rotation verified both ways; the signature compared in
 * constant time by node:crypto, with no comparison of our own; failing stores answered 500 (issue 17, item 2).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  createWebhookHandler,
  memorySequenceStore,
  verifyWebhook,
  WebhookVerificationError,
  type HandlerOptions,
} from '../../lib/client';
import { signingInput, webhookHeaders } from '../../lib/core';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { hmacB64 } from '../unit/fixtures';

const SECRET = randomBytes(32).toString('base64');
const PREV = randomBytes(32).toString('base64');
const OTHER = randomBytes(32).toString('base64');

function event(id: string, sequence = 1, recordId = '456') {
  return {
    type: 'employee.updated',
    timestamp: new Date().toISOString(),
    data: {
      id,
      account: '1234567_SB1',
      recordType: 'employee',
      recordId,
      changeType: 'update',
      eventType: 'edit',
      changedFields: [],
      changes: {},
      lifecycle: [],
      warnings: [],
      origin: { executionContext: 'USERINTERFACE', user: null, role: null },
      sequence,
    },
  };
}

let counter = 0;
/** A delivery signed as the bundle signs it (HMAC keyed by the decoded secret), with the given secrets. */
function signed(opts: { id?: string; body?: string; ts?: number; secrets?: string[]; sequence?: number } = {}) {
  const id = opts.id ?? `evt_456_${(++counter).toString(36)}_t`;
  const body = opts.body ?? JSON.stringify(event(id, opts.sequence));
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    ...webhookHeaders(
      id,
      ts,
      (opts.secrets ?? [SECRET]).map((s) => hmacB64(s, signingInput(id, ts, body))),
    ),
  };
  return { id, body, ts, headers };
}

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookVerificationError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('verifyWebhook: each malformed request gets one error naming its problem', () => {
  const now = () => Math.floor(Date.now() / 1000);

  test.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('missing %s', (name) => {
    const m = signed();
    const { [name]: _missing, ...headers } = m.headers;
    expect(rejection(() => verifyWebhook(m.body, headers, SECRET))).toMatch(/missing required headers/i);
  });

  test('wrong secret, tampered body, tampered id', () => {
    const m = signed();
    expect(rejection(() => verifyWebhook(m.body, m.headers, OTHER))).toMatch(/no matching signature/i);
    expect(rejection(() => verifyWebhook(m.body.replace('456', '457'), m.headers, SECRET))).toMatch(
      /no matching signature/i,
    );
    expect(rejection(() => verifyWebhook(m.body, { ...m.headers, 'webhook-id': `${m.id}x` }, SECRET))).toMatch(
      /no matching signature/i,
    );
  });

  test('timestamps: 5 minutes either way accepted, beyond refused (too old / too new)', () => {
    const edge = signed({ ts: now() - 295 });
    expect(verifyWebhook(edge.body, edge.headers, SECRET).data.id).toBe(edge.id);
    const old = signed({ ts: now() - 301 });
    expect(rejection(() => verifyWebhook(old.body, old.headers, SECRET))).toMatch(/too old/i);
    const future = signed({ ts: now() + 301 });
    expect(rejection(() => verifyWebhook(future.body, future.headers, SECRET))).toMatch(/too new/i);
  });

  test('a stricter tolerance cannot be side-stepped with a malformed timestamp header', () => {
    const m = signed({ ts: now() - 120 }); // inside the library's 5 minutes, outside our 60 s
    expect(rejection(() => verifyWebhook(m.body, m.headers, SECRET, { toleranceSeconds: 60 }))).toMatch(/timestamp/i);
    // parseInt("<ts>abc") is <ts>, so the signature still matches; Number("<ts>abc") is NaN.
    for (const bad of [`${m.ts}abc`, `${m.ts}.0`, ` ${m.ts}`, `${m.ts}e0`]) {
      expect(
        rejection(() =>
          verifyWebhook(m.body, { ...m.headers, 'webhook-timestamp': bad }, SECRET, { toleranceSeconds: 60 }),
        ),
      ).toMatch(/timestamp/i);
    }
    expect(rejection(() => verifyWebhook(m.body, { ...m.headers, 'webhook-timestamp': 'soon' }, SECRET))).toMatch(
      /timestamp|header/i,
    );
  });

  test('a correctly signed body that is not JSON, or not an event for this id', () => {
    const notJson = signed({ body: '{"type": "employee.updated", ' });
    expect(rejection(() => verifyWebhook(notJson.body, notJson.headers, SECRET))).toMatch(/not valid JSON/i);
    const empty = signed({ body: '' });
    expect(rejection(() => verifyWebhook(empty.body, empty.headers, SECRET))).toMatch(/data\.id/);
    const other = signed({ body: JSON.stringify(event('evt_someone_else')) });
    expect(rejection(() => verifyWebhook(other.body, other.headers, SECRET))).toMatch(/data\.id does not match/);
  });

  test('a malformed secret is refused, naming which, instead of a misleading "no matching signature" or base64 error', () => {
    const forged = signed({ secrets: [OTHER] });
    for (const bad of ['not-a-valid-secret!!', 'whsec_%%%%', 'whsec_', 'YWJ', 'YWJjZA', 'whsec_YW Jj']) {
      expect(() => verifyWebhook(forged.body, forged.headers, [SECRET, bad])).toThrow(
        new TypeError(
          'secret 2 of 2 is not a Standard Webhooks secret: expected whsec_ followed by base64 (A–Z, a–z, 0–9, +, /, = padding)',
        ),
      );
      expect(() => createWebhookHandler({ secret: [bad, SECRET], onEvent: () => undefined })).toThrow(
        /^secret 1 of 2 is not a Standard Webhooks secret/,
      );
    }
    const good = signed();
    expect(verifyWebhook(good.body, good.headers, [SECRET, `whsec_${PREV}`]).data.id).toBe(good.id);
  });

  test('the secret: whsec_ prefix or bare base64; none or an empty one is a usage error', () => {
    const m = signed();
    expect(verifyWebhook(m.body, m.headers, `whsec_${SECRET}`).data.id).toBe(m.id);
    expect(verifyWebhook(Buffer.from(m.body), new Headers(m.headers), SECRET).data.id).toBe(m.id);
    expect(() => verifyWebhook(m.body, m.headers, [])).toThrow(/at least one secret/);
    expect(() => verifyWebhook(m.body, m.headers, SECRET, { toleranceSeconds: 3600 })).toThrow(RangeError);
  });
});

describe("one receiver check, on any clock (verifyWebhook `now`; the sandbox's receiver uses it)", () => {
  const DAYS_3 = 3 * 86_400_000;
  const ahead = () => Date.now() + DAYS_3;

  test('a delivery signed on a clock moved days ahead verifies on that clock, and only on it', () => {
    const m = signed({ ts: Math.floor(ahead() / 1000) });
    expect(rejection(() => verifyWebhook(m.body, m.headers, SECRET))).toMatch(/too new/i);
    expect(verifyWebhook(m.body, m.headers, SECRET, { now: ahead }).data.id).toBe(m.id);
    const today = signed();
    expect(rejection(() => verifyWebhook(today.body, today.headers, SECRET, { now: ahead }))).toMatch(/too old/i);
    expect(
      rejection(() => verifyWebhook(m.body, m.headers, SECRET, { now: () => ahead() + 120_000, toleranceSeconds: 60 })),
    ).toMatch(/too old/i);
  });

  test("the sandbox's receiver: the same answers as verifyWebhook on the sandbox clock (data.id, timestamps, signatures)", async () => {
    const receiver = await Receiver.start({ plainHttp: true, secret: `whsec_${SECRET}`, now: ahead });
    const post = (m: ReturnType<typeof signed>) =>
      fetch(receiver.url, { method: 'POST', headers: m.headers, body: m.body }).then((r) => r.status);
    try {
      const ts = Math.floor(ahead() / 1000);
      const good = signed({ ts });
      const otherId = signed({ ts, body: JSON.stringify(event('evt_someone_else')) });
      const stale = signed();
      const wrongKey = signed({ ts, secrets: [OTHER] });
      expect(await post(good)).toBe(200);
      for (const m of [otherId, stale, wrongKey]) expect(await post(m)).toBe(401);
      expect(receiver.attempts.map((a) => a.error)).toEqual([
        undefined,
        'data.id does not match the webhook-id header',
        expect.stringMatching(/^Message timestamp too old/),
        'No matching signature found',
      ]);
      expect([...receiver.events.keys()]).toEqual([good.id]);
    } finally {
      await receiver.close();
    }
  });
});

describe('key rotation, both ways', () => {
  test("the sender's rotation: both signatures sent; a receiver with either secret verifies", () => {
    const m = signed({ secrets: [SECRET, PREV] });
    expect(m.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verifyWebhook(m.body, m.headers, SECRET).data.id).toBe(m.id);
    expect(verifyWebhook(m.body, m.headers, PREV).data.id).toBe(m.id);
    expect(rejection(() => verifyWebhook(m.body, m.headers, OTHER))).toMatch(/no matching signature/i);
  });

  test("the receiver's rotation: [new, old] accepts either sender, and nothing else", () => {
    for (const s of [SECRET, PREV]) {
      const m = signed({ secrets: [s] });
      expect(verifyWebhook(m.body, m.headers, [SECRET, PREV]).data.id).toBe(m.id);
    }
    const m = signed({ secrets: [OTHER] });
    expect(rejection(() => verifyWebhook(m.body, m.headers, [SECRET, PREV]))).toMatch(/no matching signature/i);
  });

  test('property: any change to id, timestamp, body or signature is refused, with either key', () => {
    const part = fc.constantFrom('id', 'ts', 'body', 'sig');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        part,
        fc.nat(),
        fc.boolean(),
        (text, which, at, rotate) => {
          const m = signed({
            body: JSON.stringify({ ...event('x'), note: text }).replace('"id":"x"', '"id":"ID"'),
            id: 'ID',
            secrets: rotate ? [SECRET, PREV] : [SECRET],
          });
          const flip = (s: string) => {
            const i = at % Math.max(1, s.length);
            const c = s.charCodeAt(i) || 48;
            return s.slice(0, i) + String.fromCharCode(c === 48 ? 49 : 48) + s.slice(i + 1);
          };
          const h = { ...m.headers };
          let body = m.body;
          if (which === 'id') h['webhook-id'] = flip(h['webhook-id']!);
          if (which === 'ts') h['webhook-timestamp'] = String(m.ts + 1 + (at % 200));
          if (which === 'body') body = flip(body);
          if (which === 'sig')
            h['webhook-signature'] = h['webhook-signature']!.split(' ')
              .map((e) => `v1,${flip(e.slice(3))}`)
              .join(' ');
          for (const key of [SECRET, PREV]) expect(() => verifyWebhook(body, h, key)).toThrow(WebhookVerificationError);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('constant-time signature comparison', () => {
  test("verifyWebhook's signature check goes through node:crypto's timingSafeEqual", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module's own exports object, which verify.ts calls and jest can spy on
    const nodeCrypto = require('node:crypto') as typeof import('node:crypto');
    const spy = jest.spyOn(nodeCrypto, 'timingSafeEqual');
    try {
      const m = signed();
      verifyWebhook(m.body, m.headers, SECRET);
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockClear();
      expect(() => verifyWebhook(m.body, m.headers, OTHER)).toThrow();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.results[0]!.value).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  test("a signature of another length is refused without a comparison (timingSafeEqual's lengths must match)", () => {
    const m = signed();
    const short = { ...m.headers, 'webhook-signature': m.headers['webhook-signature']!.slice(0, -4) };
    expect(() => verifyWebhook(m.body, short, SECRET)).toThrow(/no matching signature/i);
  });

  test("nothing in lib/ imports another package's internals (a `dist/` path)", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /from '(?!\.)[^']*\/dist\//.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(path.join(__dirname, '../../lib'));
    expect(offenders).toEqual([]);
  });

  test('no signature comparison of our own anywhere in lib/ (only the library or crypto.timingSafeEqual)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(__dirname, '../../lib'));
    const offenders: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      src.split('\n').forEach((line, i) => {
        // A signature, HMAC or digest compared with ===, !==, ==, != or startsWith/includes/localeCompare.
        if (
          /(signature|hmac|digest|sig)\w*\s*(===|!==|==|!=)|(===|!==|==|!=)\s*\w*(signature|hmac|digest|expectedSig)/i.test(
            line,
          ) &&
          !/length|typeof|undefined|null|method|version|''/.test(line)
        ) {
          offenders.push(`${path.relative(process.cwd(), f)}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});

// ---- the Node http handler over real HTTP ------------------------------------------------------

let server: Server;
let url: string;
let options: HandlerOptions;
const seenEvents: string[] = [];
let handlerFails = false;
let slow: Promise<void> | null = null;
/** Called as onEvent starts: the signal that a delivery is being processed. */
let entered: ((id: string) => void) | null = null;

beforeAll(async () => {
  options = {
    secret: [SECRET, PREV],
    maxBodyBytes: 64 * 1024,
    onEvent: async (e) => {
      entered?.(e.data.id);
      if (slow) await slow;
      if (handlerFails) throw new Error('database down');
      seenEvents.push(e.data.id);
    },
  };
  const handler = createWebhookHandler(options);
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Raw HTTP so oversized bodies and odd methods are sent exactly as given. */
function send(
  body: string | Buffer,
  headers: Record<string, string>,
  method = 'POST',
): Promise<{ status: number; text: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), headers: res.headers }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (headers['transfer-encoding'] !== 'chunked') return void req.end(body);
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    for (let i = 0; i < bytes.length; i += 16 * 1024) req.write(bytes.subarray(i, i + 16 * 1024));
    req.end();
  });
}

describe('createWebhookHandler over HTTP: one clear answer per bad request, no event dropped', () => {
  test('a good delivery is applied once; a repeat of its webhook-id is acknowledged, not re-applied', async () => {
    const m = signed();
    expect(await send(m.body, m.headers)).toMatchObject({ status: 200, text: 'ok' });
    const again = signed({ id: m.id, body: m.body }); // a retry: same id, re-signed
    expect(await send(again.body, again.headers)).toMatchObject({ status: 200, text: 'duplicate' });
    expect(seenEvents.filter((id) => id === m.id)).toHaveLength(1);
  });

  test.each([
    [
      'missing headers',
      (m: ReturnType<typeof signed>) => ({ body: m.body, headers: { 'webhook-id': m.id } }),
      401,
      /missing required headers/i,
    ],
    [
      'a wrong signature',
      (m: ReturnType<typeof signed>) => ({
        body: m.body,
        headers: { ...m.headers, 'webhook-signature': signed({ secrets: [OTHER] }).headers['webhook-signature']! },
      }),
      401,
      /no matching signature/i,
    ],
    ['an old timestamp', () => signed({ ts: Math.floor(Date.now() / 1000) - 600 }), 401, /too old/i],
    ['a body that is not JSON', () => signed({ body: 'not json at all' }), 400, /not valid JSON/i],
  ])('%s → the status and a message naming it; onEvent is not called', async (_name, make, status, message) => {
    const before = seenEvents.length;
    const { body, headers } = make(signed());
    const res = await send(body, headers);
    expect(res.status).toBe(status);
    expect(res.text).toMatch(message);
    expect(seenEvents.length).toBe(before);
  });

  test.each(['content-length', 'chunked'])(
    'a huge body (%s): 413 naming the limit (the sender sees an answer, not a reset connection)',
    async (framing) => {
      const m = signed({ body: JSON.stringify({ ...event('big'), pad: 'x'.repeat(300 * 1024) }) });
      const res = await send(
        m.body,
        framing === 'chunked' ? { ...m.headers, 'transfer-encoding': 'chunked' } : m.headers,
      );
      expect(res.status).toBe(413);
      expect(res.text).toMatch(/too large.*65536/i);
      expect(seenEvents).not.toContain(m.id);
    },
  );

  test('not POST → 405', async () => {
    expect((await send('', {}, 'GET')).status).toBe(405);
  });

  test('a failing handler answers 500 so the sender retries, and the id is not marked seen', async () => {
    const m = signed();
    handlerFails = true;
    try {
      expect((await send(m.body, m.headers)).status).toBe(500);
    } finally {
      handlerFails = false;
    }
    expect((await send(m.body, m.headers)).text).toBe('ok');
    expect(seenEvents).toContain(m.id);
  });

  test('the same id arriving twice at once: one is applied, the other told 409 (retry later)', async () => {
    const m = signed();
    let release!: () => void;
    slow = new Promise<void>((r) => (release = r));
    const started = new Promise<void>((r) => (entered = (id) => id === m.id && r()));
    const first = send(m.body, m.headers);
    await started;
    const second = await send(m.body, m.headers);
    slow = null;
    entered = null;
    release();
    expect(second.status).toBe(409);
    expect((await first).status).toBe(200);
    expect(seenEvents.filter((id) => id === m.id)).toHaveLength(1);
  });

  test('a stale event (lower sequence for the record) is acknowledged but not applied', async () => {
    const newer = signed({ sequence: 2000, id: 'evt_789_new' });
    const older = signed({ sequence: 1000, id: 'evt_789_old' });
    const body = (m: typeof newer) => m.body.replace('"recordId":"456"', '"recordId":"789"');
    const resign = (m: typeof newer) => signed({ id: m.id, body: body(m) });
    const n = resign(newer);
    const o = resign(older);
    expect((await send(n.body, n.headers)).status).toBe(200);
    expect((await send(o.body, o.headers)).status).toBe(200);
    expect(seenEvents).toContain('evt_789_new');
    expect(seenEvents).not.toContain('evt_789_old');
  });
});

describe('createWebhookHandler: events of one record applied in order, whatever onEvent takes', () => {
  test('sequences 10, 20, 15 with a slow onEvent: 15 goes to the stale path; the stored sequence only grows', async () => {
    const applied: number[] = [];
    const stale: [number, number][] = [];
    const arrived = new Map<string, () => void>();
    const arrival = (id: string) => new Promise<void>((r) => arrived.set(id, r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstStarted!: () => void;
    const started = new Promise<void>((r) => (firstStarted = r));
    const sequences = memorySequenceStore();
    const handler = createWebhookHandler({
      secret: SECRET,
      sequences,
      // has() is the handler's first look at a verified delivery: the test's signal that it arrived.
      seen: { has: (id) => (arrived.get(id)?.(), false), add: () => undefined },
      onEvent: async (e) => {
        if (e.type === 'suitehooks.ping') throw new Error('no ping expected');
        if (e.data.sequence === 10) {
          firstStarted();
          await gate;
        }
        applied.push(e.data.sequence);
      },
      onStale: (e, last) => void stale.push([e.data.sequence, last]),
    });
    const srv = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const to = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
    const post = (m: ReturnType<typeof signed>) =>
      fetch(to, { method: 'POST', headers: m.headers, body: m.body }).then((r) => r.status);
    try {
      const [m10, m20, m15] = [10, 20, 15].map((sequence) => signed({ sequence }));
      const answers = [post(m10!)];
      await started;
      for (const m of [m20!, m15!]) {
        const here = arrival(m.id);
        answers.push(post(m));
        await here;
      }
      release();
      expect(await Promise.all(answers)).toEqual([200, 200, 200]);
      expect(applied).toEqual([10, 20]);
      expect(stale).toEqual([[15, 20]]);
      expect(sequences.get('employee:456')).toBe(20);
    } finally {
      srv.closeAllConnections();
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });

  test('a shared sequence store that already holds a newer sequence is never moved back', async () => {
    const sequences = memorySequenceStore();
    const handler = createWebhookHandler({
      secret: SECRET,
      sequences,
      // Another process applies sequence 50 while this one is inside onEvent for 30.
      onEvent: (e) => void ('sequence' in e.data && e.data.sequence === 30 && sequences.set('employee:456', 50)),
    });
    const srv = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      const m = signed({ sequence: 30 });
      expect(
        (
          await fetch(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/`, {
            method: 'POST',
            headers: m.headers,
            body: m.body,
          })
        ).status,
      ).toBe(200);
      expect(sequences.get('employee:456')).toBe(50);
    } finally {
      srv.closeAllConnections();
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });
});

describe('createWebhookHandler: a failing store or onEvent answers 500 and the process keeps serving (issue 17, item 2)', () => {
  type Call = 'seen.has' | 'seen.add' | 'sequences.get' | 'sequences.set' | 'onEvent';
  type Failure = 'throws' | 'rejects' | 'hangs';
  const STORE_TIMEOUT_MS = 50;

  /** The first call of `call` fails as `failure`; later calls work (the store came back). */
  function failingOnce(call: Call, failure: Failure) {
    let failed = false;
    return <T>(name: Call, work: () => T): T | Promise<T> => {
      if (name !== call || failed) return work();
      failed = true;
      if (failure === 'throws') throw new Error(`${name} is down`);
      if (failure === 'rejects') return Promise.reject(new Error(`${name} is down`));
      return new Promise<T>(() => undefined); // never settles
    };
  }

  async function serve(options: HandlerOptions) {
    const rejections: unknown[] = [];
    const handler = createWebhookHandler(options);
    // A handler that rejects would be an unhandled rejection in a real server: caught here and answered 599.
    const srv = createServer(
      (req, res) => void handler(req, res).catch((e: unknown) => (rejections.push(e), res.writeHead(599).end())),
    );
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const post = async (m: ReturnType<typeof signed>) => {
      const res = await fetch(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/`, {
        method: 'POST',
        headers: m.headers,
        body: m.body,
      });
      return { status: res.status, text: await res.text() };
    };
    const close = async () => {
      srv.closeAllConnections();
      await new Promise<void>((r) => srv.close(() => r()));
    };
    return { post, close, rejections };
  }

  const calls: Call[] = ['seen.has', 'seen.add', 'sequences.get', 'sequences.set', 'onEvent'];
  const failures: Failure[] = ['throws', 'rejects', 'hangs'];
  // Stores are timed out (storeTimeoutMs); onEvent is the receiver's own work and is not.
  const cases = calls.flatMap((call) =>
    failures.filter((f) => call !== 'onEvent' || f !== 'hangs').map((failure) => [call, failure] as const),
  );
  test.each(cases)(
    '%s %s → 500, nothing rejects; the retry of the same delivery is applied and answered 200',
    async (call, failure) => {
      const fail = failingOnce(call, failure);
      const ids = new Set<string>();
      const last = new Map<string, number>();
      const applied: string[] = [];
      const { post, close, rejections } = await serve({
        secret: SECRET,
        storeTimeoutMs: STORE_TIMEOUT_MS,
        seen: {
          has: (id) => fail('seen.has', () => ids.has(id)),
          add: (id) => fail('seen.add', () => void ids.add(id)),
        },
        sequences: {
          get: (key) => fail('sequences.get', () => last.get(key)),
          set: (key, seq) => fail('sequences.set', () => void last.set(key, seq)),
        },
        onEvent: (e) => fail('onEvent', () => void applied.push(e.data.id)),
      });
      try {
        const m = signed({ sequence: 7 });
        const first = await post(m);
        expect(first.status).toBe(500);
        expect(first.text).toBe('handler failed; retry later');
        const retry = signed({ id: m.id, body: m.body });
        expect(await post(retry)).toEqual({ status: 200, text: 'ok' });
        expect(applied).toContain(m.id);
        expect(ids.has(m.id)).toBe(true);
        expect(rejections).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  test('storeTimeoutMs must be a positive number', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => createWebhookHandler({ secret: SECRET, storeTimeoutMs: bad, onEvent: () => undefined })).toThrow(
        RangeError,
      );
  });
});

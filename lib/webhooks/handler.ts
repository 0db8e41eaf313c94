/**
 * A receiver for Node `http` and Express: verifies, drops duplicates (same `webhook-id`) and stale
 * events (a `sequence` below the last one applied for the record), and answers so that the sender
 * retries exactly when it should (a handler error → 500; a delivery already in progress → 409).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookEvent } from '../core';
import { verifyWith, webhookVerifiers, type VerifyOptions } from './verify';

/** Remembers processed webhook ids; the default keeps the last 10,000 in memory. */
export interface SeenStore {
  has(id: string): boolean | Promise<boolean>;
  add(id: string): void | Promise<void>;
}

/** Last applied sequence per record; the default is in memory. */
export interface SequenceStore {
  get(recordKey: string): number | undefined | Promise<number | undefined>;
  set(recordKey: string, sequence: number): void | Promise<void>;
}

export interface HandlerOptions extends VerifyOptions {
  secret: string | readonly string[];
  onEvent(event: WebhookEvent): void | Promise<void>;
  /** An event older than one already applied for the same record (not passed to onEvent). */
  onStale?(event: WebhookEvent, lastSequence: number): void;
  seen?: SeenStore;
  sequences?: SequenceStore;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
}

export function memorySeenStore(capacity = 10_000): SeenStore {
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    add: (id) => {
      ids.add(id);
      if (ids.size > capacity) ids.delete(ids.values().next().value!);
    },
  };
}

export function memorySequenceStore(): SequenceStore {
  const last = new Map<string, number>();
  return { get: (key) => last.get(key), set: (key, seq) => void last.set(key, seq) };
}

type Req = IncomingMessage & { body?: unknown; rawBody?: unknown };

function readRaw(req: Req, max: number): Promise<Buffer> {
  if (Buffer.isBuffer(req.rawBody)) return Promise.resolve(req.rawBody);
  if (Buffer.isBuffer(req.body)) return Promise.resolve(req.body); // express.raw()
  if (typeof req.body === 'string') return Promise.resolve(Buffer.from(req.body));
  if (req.body !== undefined) {
    return Promise.reject(
      new Error('the body was already parsed: mount the handler with express.raw({ type: "application/json" })'),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () =>
      Object.assign(new Error(`body too large: the limit is ${max} bytes (maxBodyBytes)`), { status: 413 });
    if (Number(req.headers['content-length']) > max) {
      req.resume(); // discard, so the 413 reaches the sender instead of a reset connection
      return reject(tooLarge());
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
      else chunks.length = 0; // keep nothing of an oversized body; the rest is read and discarded
    });
    req.on('end', () => (size > max ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

/**
 * Runs tasks of one key one at a time, in arrival order; other keys run side by side. Events of one
 * record are applied in the order they arrived, so a slow `onEvent` cannot let an older event in after
 * a newer one.
 */
function perKeyQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return async (key, task) => {
    const before = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = before.then(() => new Promise<void>((r) => (release = r)));
    tails.set(key, tail);
    await before;
    try {
      return await task();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

/**
 * Applies an event unless one with a higher `sequence` was already applied for its record; the stored
 * sequence only ever grows (it is read again after `onEvent`, for stores shared between processes).
 */
async function applyInOrder(event: WebhookEvent, options: HandlerOptions, sequences: SequenceStore): Promise<void> {
  const recordKey = `${event.data.recordType}:${event.data.recordId}`;
  const sequence = event.data.sequence;
  if (typeof sequence !== 'number') return options.onEvent(event); // not a record change (e.g. a test ping)
  const last = await sequences.get(recordKey);
  if (last !== undefined && sequence < last) return options.onStale?.(event, last);
  await options.onEvent(event);
  const latest = await sequences.get(recordKey);
  if (latest === undefined || sequence > latest) await sequences.set(recordKey, sequence);
}

/**
 * `(req, res)` for `http.createServer`, or an Express route: `app.post('/hooks', express.raw({type:'application/json'}), handler)`.
 * The secrets are checked here, at start-up: a malformed one throws a TypeError naming which.
 */
export function createWebhookHandler(
  options: HandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const verifiers = webhookVerifiers(options.secret);
  const seen = options.seen ?? memorySeenStore();
  const sequences = options.sequences ?? memorySequenceStore();
  const inProgress = new Set<string>();
  const inRecordOrder = perKeyQueue();
  return async (req, res) => {
    if (req.method !== 'POST') return reply(res, 405, 'POST only');
    let raw: Buffer;
    try {
      raw = await readRaw(req, options.maxBodyBytes ?? 1 << 20);
    } catch (err) {
      return reply(res, (err as { status?: number }).status ?? 500, (err as Error).message);
    }
    let event: WebhookEvent;
    try {
      event = verifyWith(verifiers, raw, req.headers, options);
    } catch (err) {
      // Name the problem (it says nothing about the secret); a malformed but authentic body is a 400.
      const message = (err as Error).message;
      return reply(res, message.includes('not valid JSON') ? 400 : 401, `verification failed: ${message}`);
    }
    const id = event.data.id;
    if (await seen.has(id)) return reply(res, 200, 'duplicate');
    if (inProgress.has(id)) return reply(res, 409, 'this delivery is being processed');
    inProgress.add(id);
    try {
      await inRecordOrder(`${event.data.recordType}:${event.data.recordId}`, () =>
        applyInOrder(event, options, sequences),
      );
      await seen.add(id);
      reply(res, 200, 'ok');
    } catch {
      reply(res, 500, 'handler failed; retry later');
    } finally {
      inProgress.delete(id);
    }
  };
}

/**
 * A receiver for Node `http` and Express: verifies, drops duplicates (same `webhook-id`) and stale
 * events (a `sequence` below the last one applied for the record), and answers so that the sender
 * retries exactly when it should (an `onEvent` or store failure → 500; a delivery already in
 * progress → 409). It never rejects: a failing store cannot take the process down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookEvent } from '../core';
import { PING_TYPE, type SuitehooksEvent } from '../core/ping';
import { StoreTimeoutError } from './errors';
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
  /** Every verified event: the employee events and the test event `suitehooks.ping` (check `event.type`). */
  onEvent(event: SuitehooksEvent): void | Promise<void>;
  /** An event older than one already applied for the same record (not passed to onEvent). */
  onStale?(event: WebhookEvent, lastSequence: number): void;
  seen?: SeenStore;
  sequences?: SequenceStore;
  /**
   * How long one `seen`/`sequences` call may take before the delivery is answered 500 (the sender
   * retries); default 10,000 ms. A store that throws or rejects is answered 500 at once.
   */
  storeTimeoutMs?: number;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
}

const DEFAULT_STORE_TIMEOUT_MS = 10_000;

export function memorySeenStore(capacity = 10_000): SeenStore {
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    add: (id) => {
      ids.add(id);
      const oldest = ids.values().next();
      if (ids.size > capacity && !oldest.done) ids.delete(oldest.value);
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
 * A store call that settles within `ms`: a synchronous throw becomes a rejection, and a call that
 * hangs rejects with StoreTimeoutError (the call itself cannot be cancelled; its late result is ignored).
 */
function guarded<T>(call: string, ms: number, fn: () => T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(call, ms)), ms);
  });
  return Promise.race([new Promise<T>((resolve) => resolve(fn())), timeout]).finally(() => clearTimeout(timer));
}

/** The stores, each call guarded by the timeout. */
interface Stores {
  has(id: string): Promise<boolean>;
  add(id: string): Promise<void>;
  get(recordKey: string): Promise<number | undefined>;
  set(recordKey: string, sequence: number): Promise<void>;
}

function guardedStores(seen: SeenStore, sequences: SequenceStore, ms: number): Stores {
  return {
    has: (id) => guarded('seen.has', ms, () => seen.has(id)),
    add: (id) => guarded('seen.add', ms, () => seen.add(id)),
    get: (key) => guarded('sequences.get', ms, () => sequences.get(key)),
    set: (key, seq) => guarded('sequences.set', ms, () => sequences.set(key, seq)),
  };
}

/** Events of one record share a queue; a ping has no record. */
const queueKey = (event: SuitehooksEvent) =>
  event.type === PING_TYPE ? PING_TYPE : `${event.data.recordType}:${event.data.recordId}`;

/**
 * Applies an event unless one with a higher `sequence` was already applied for its record; the stored
 * sequence only ever grows (it is read again after `onEvent`, for stores shared between processes).
 */
async function applyInOrder(event: SuitehooksEvent, options: HandlerOptions, stores: Stores): Promise<void> {
  if (event.type === PING_TYPE) return options.onEvent(event); // not a record change: nothing to order
  const recordKey = queueKey(event);
  const sequence = event.data.sequence;
  const last = await stores.get(recordKey);
  if (last !== undefined && sequence < last) return options.onStale?.(event, last);
  await options.onEvent(event);
  const latest = await stores.get(recordKey);
  if (latest === undefined || sequence > latest) await stores.set(recordKey, sequence);
}

/**
 * `(req, res)` for `http.createServer`, or an Express route: `app.post('/hooks', express.raw({type:'application/json'}), handler)`.
 * The secrets are checked here, at start-up: a malformed one throws a TypeError naming which.
 */
export function createWebhookHandler(
  options: HandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const verifiers = webhookVerifiers(options.secret);
  const timeoutMs = options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError('storeTimeoutMs must be a positive number');
  const stores = guardedStores(
    options.seen ?? memorySeenStore(),
    options.sequences ?? memorySequenceStore(),
    timeoutMs,
  );
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
    let event: SuitehooksEvent;
    try {
      event = verifyWith(verifiers, raw, req.headers, options);
    } catch (err) {
      // Name the problem (it says nothing about the secret); a malformed but authentic body is a 400.
      const message = (err as Error).message;
      return reply(res, message.includes('not valid JSON') ? 400 : 401, `verification failed: ${message}`);
    }
    const id = event.data.id;
    if (inProgress.has(id)) return reply(res, 409, 'this delivery is being processed');
    inProgress.add(id); // before the first await, so a second copy arriving meanwhile gets 409
    try {
      if (await stores.has(id)) return reply(res, 200, 'duplicate');
      await inRecordOrder(queueKey(event), () => applyInOrder(event, options, stores));
      // Applied but not recorded if this fails: the 500 makes the sender retry, and the retry applies it again.
      await stores.add(id);
      reply(res, 200, 'ok');
    } catch {
      reply(res, 500, 'handler failed; retry later');
    } finally {
      inProgress.delete(id);
    }
  };
}

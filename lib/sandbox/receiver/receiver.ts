/**
 * A local webhook receiver for the demo and the tests: verifies every attempt as any receiver would
 * (`verifyWebhook` of lib/webhooks, on the sandbox's clock), checks verified events against the published JSON Schema
 * (`schemaViolations`), de-duplicates on `webhook-id`, records every attempt, and can be told to
 * fail (any status, 429 with retry-after, 410, 3xx, slowness in real or in account time, hanging, closing
 * mid-response, being down or unreachable). Serves
 * https with a self-signed certificate the sandbox's N/https is told to trust.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { WebhookEvent } from '../../core';
import { selfSignedCertificate, verifyWith, webhookVerifiers, type VerifyOptions } from '../../webhooks';
import { NetSuiteError } from '../account/account-types';
import { eventSchemaProblems } from './event-schema';
import { readBody } from '../rest/http-io';
import { ACCOUNT_TIME_HEADER } from '../workers/sync-http';

export type Behaviour =
  | { kind: 'ok'; status?: number }
  | { kind: 'status'; status: number; retryAfter?: string; location?: string }
  | { kind: 'slow'; delayMs: number; status?: number }
  /** Answers only once `until` settles (tests: a receiver that is busy for exactly as long as they say). */
  | { kind: 'hold'; until: Promise<unknown>; onArrival?: () => void; status?: number }
  /** Accepts the connection, sends part of a response, then closes the socket. */
  | { kind: 'close' }
  /**
   * Answers after `seconds` of ACCOUNT time: it answers at once and the sandbox's N/https moves the
   * account clock by that much (by 45 s and SSS_REQUEST_TIME_EXCEEDED when longer; the event was still
   * received, as a late answer's is). No real waiting: hours of a slow receiver play in seconds.
   */
  | { kind: 'delay'; seconds: number; status?: number }
  /** Receives the request and never answers: the sandbox's N/https spends 45 s of account time, then times out. */
  | { kind: 'hang' }
  /** An address that never accepts the connection: nothing is received; N/https spends 5 s of account time. */
  | { kind: 'blackhole' };

export interface Attempt {
  at: number;
  webhookId: string | null;
  webhookTimestamp: string | null;
  signature: string | null;
  verified: boolean;
  /** The answer given (null when the connection was closed without one). */
  status: number | null;
  /** Verified and already received before. */
  duplicate: boolean;
  /** Why verification failed. */
  error?: string;
}

export interface ReceiverOptions {
  /** The Standard Webhooks secret (`whsec_…`); a fresh one by default. */
  secret?: string;
  /** Serve plain http instead of https (loopback only; N/https then needs the explicit opt-in). */
  plainHttp?: boolean;
  port?: number;
  path?: string;
  /** The clock signatures are checked against (the sandbox clock, so tolerance holds when it is advanced). */
  now?: () => number;
  /** Called after every answered or dropped attempt, with the verified event if there was one. */
  onAttempt?(attempt: Attempt, event: WebhookEvent | null): void;
  /** Larger bodies are answered 413 without being kept in memory. Default 10 MiB. */
  maxBodyBytes?: number;
}

let certificate: Promise<{ cert: string; key: string }> | null = null;

/** One self-signed certificate for 127.0.0.1/localhost per process (generating one takes a moment). */
export function localCertificate(): Promise<{ cert: string; key: string }> {
  certificate ??= selfSignedCertificate('localhost', ['localhost', '127.0.0.1'], 365);
  return certificate;
}

export class Receiver {
  readonly secret: string;
  readonly attempts: Attempt[] = [];
  /** Verified events by webhook-id, first arrival kept. */
  readonly events = new Map<string, WebhookEvent>();
  /** Verified events that break the published JSON Schema (docs/events.md), with the reasons. */
  readonly schemaViolations: { webhookId: string | null; problems: string[] }[] = [];
  private readonly verifiers: ReturnType<typeof webhookVerifiers>;
  private readonly verifyOptions: VerifyOptions;
  private readonly sockets = new Set<Socket>();
  private script: Behaviour[] = [];
  private fallback: Behaviour = { kind: 'ok' };
  private port = 0;
  private listening = false;

  private constructor(
    private readonly server: http.Server,
    readonly certificatePem: string | null,
    private readonly options: ReceiverOptions,
  ) {
    this.secret = options.secret ?? `whsec_${randomBytes(24).toString('base64')}`;
    this.verifiers = webhookVerifiers(this.secret);
    // Scripts sign with the account's time, which tests move days ahead: the tolerance is measured on it.
    this.verifyOptions = options.now ? { now: options.now } : {};
    // A failure while answering (an aborted upload) ends that connection, never the process.
    server.on('request', (req, res) => void this.handle(req, res).catch(() => res.destroy()));
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start(options: ReceiverOptions = {}): Promise<Receiver> {
    let receiver: Receiver;
    if (options.plainHttp) receiver = new Receiver(http.createServer(), null, options);
    else {
      const { cert, key } = await localCertificate();
      receiver = new Receiver(https.createServer({ cert, key }), cert, options);
    }
    await receiver.up(options.port ?? 0);
    return receiver;
  }

  /** The endpoint URL to configure in the deployment. */
  get url(): string {
    return `${this.certificatePem ? 'https' : 'http'}://127.0.0.1:${this.port}${this.options.path ?? '/webhooks'}`;
  }

  /** The base64 key, as stored in the NetSuite API Secret (the part after `whsec_`). */
  get apiSecretValue(): string {
    return this.secret.replace(/^whsec_/, '');
  }

  /** Answers the next requests with these behaviours in order, then with `fallback`. */
  behave(...next: Behaviour[]): this {
    this.script.push(...next);
    return this;
  }

  /** The behaviour once the scripted ones are used up (default: 200). */
  setDefault(behaviour: Behaviour): this {
    this.fallback = behaviour;
    this.script = [];
    return this;
  }

  /** Stops listening (connections are refused) until `up()`. */
  async down(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async up(port = this.port): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
  }

  async close(): Promise<void> {
    await this.down();
  }

  /** How many verified attempts arrived for each webhook-id. */
  deliveriesById(): Map<string, number> {
    const out = new Map<string, number>();
    for (const a of this.attempts)
      if (a.verified && a.status !== null && a.status < 300 && a.webhookId)
        out.set(a.webhookId, (out.get(a.webhookId) ?? 0) + 1);
    return out;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    req.on('error', () => undefined);
    const attempt = attemptOf(req.headers);
    const body = await this.readBody(req, res, attempt);
    if (body === null) return;
    const behaviour = this.script.shift() ?? this.fallback;
    if (behaviour.kind === 'blackhole') {
      res.writeHead(504, { [ACCOUNT_TIME_HEADER]: 'blackhole' }).end();
      return;
    }
    this.attempts.push(attempt);
    if (behaviour.kind === 'hang') {
      this.options.onAttempt?.(attempt, null);
      res.writeHead(504, { [ACCOUNT_TIME_HEADER]: 'hang' }).end();
      return;
    }
    if (behaviour.kind === 'close') {
      res.socket?.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"partial":');
      res.socket?.destroy();
      this.options.onAttempt?.(attempt, null);
      return;
    }
    const event = this.verify(body, req.headers, attempt);
    await behaveBeforeAnswer(behaviour);
    const status = attempt.verified ? statusOf(behaviour) : 401;
    if (event && status >= 200 && status < 300) {
      attempt.duplicate = this.events.has(event.data.id);
      if (!attempt.duplicate) this.events.set(event.data.id, event);
    }
    attempt.status = status;
    this.options.onAttempt?.(attempt, event);
    if (res.destroyed) return;
    res.writeHead(status, headersOf(behaviour));
    res.end(
      JSON.stringify(
        attempt.verified ? { received: true, duplicate: attempt.duplicate } : { error: 'invalid signature' },
      ),
    );
  }

  /** The body, or null when it was too large (answered 413 and recorded here). */
  private async readBody(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    attempt: Attempt,
  ): Promise<string | null> {
    const limit = this.options.maxBodyBytes ?? 10 * 1024 * 1024;
    try {
      return await readBody(req, limit);
    } catch (e) {
      if (!(e instanceof NetSuiteError) || e.status !== 413) throw e;
      Object.assign(attempt, { status: 413, error: `body too large: the limit is ${limit} bytes` });
      this.attempts.push(attempt);
      this.options.onAttempt?.(attempt, null);
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: attempt.error }));
      return null;
    }
  }

  /** The verified event (schema problems noted), or null with the reason on the attempt. */
  private verify(body: string, headers: http.IncomingHttpHeaders, attempt: Attempt): WebhookEvent | null {
    try {
      const event = verifyWith(this.verifiers, body, headers, this.verifyOptions);
      attempt.verified = true;
      const problems = eventSchemaProblems(event);
      if (problems.length > 0) this.schemaViolations.push({ webhookId: attempt.webhookId, problems });
      return event;
    } catch (e) {
      attempt.error = (e as Error).message;
      return null;
    }
  }
}

/** Waits as a slow or holding behaviour says (after the attempt is verified, before it is answered). */
async function behaveBeforeAnswer(behaviour: Behaviour): Promise<void> {
  if (behaviour.kind === 'slow') await new Promise((r) => setTimeout(r, behaviour.delayMs));
  if (behaviour.kind === 'hold') {
    behaviour.onArrival?.();
    await behaviour.until.catch(() => undefined);
  }
}

/** The status a verified attempt gets. */
function statusOf(behaviour: Behaviour): number {
  if (behaviour.kind === 'status') return behaviour.status;
  return 'status' in behaviour ? (behaviour.status ?? 200) : 200;
}

function headersOf(behaviour: Behaviour): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (behaviour.kind === 'status' && behaviour.retryAfter !== undefined) headers['retry-after'] = behaviour.retryAfter;
  if (behaviour.kind === 'status' && behaviour.location !== undefined) headers.location = behaviour.location;
  if (behaviour.kind === 'delay') headers[ACCOUNT_TIME_HEADER] = `delay=${Math.round(behaviour.seconds * 1000)}`;
  return headers;
}

function attemptOf(headers: http.IncomingHttpHeaders): Attempt {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v.join(', ') : (v ?? null);
  };
  return {
    at: Date.now(),
    webhookId: header('webhook-id'),
    webhookTimestamp: header('webhook-timestamp'),
    signature: header('webhook-signature'),
    verified: false,
    status: null,
    duplicate: false,
  };
}

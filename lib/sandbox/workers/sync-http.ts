/**
 * Synchronous HTTP for scripts without deadlock. The script's worker thread posts the request to the main
 * thread and blocks in `Atomics.wait`; the main thread (whose event loop stays free, so a receiver or the
 * REST API living there keeps answering) performs it with NetSuite's limits (5 s to connect, 45 s for
 * the response, else SSS_REQUEST_TIME_EXCEEDED: docs/netsuite.md#outbound-https-nhttps), in real time
 * and on the account clock, and wakes the worker.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { HttpRequest, HttpResult } from '../runtime/script-env';
import type { Clock } from '../account/clock';
import { HTTPS_TIMEOUT } from '../../core/governance';

export interface HttpLimits {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  /** Extra trusted certificates (PEM), e.g. the sandbox receiver's self-signed one. */
  trustedCertificates: string[];
}

export const NETSUITE_HTTP_LIMITS: HttpLimits = {
  connectTimeoutMs: HTTPS_TIMEOUT.connectSeconds * 1000,
  responseTimeoutMs: HTTPS_TIMEOUT.responseSeconds * 1000,
  trustedCertificates: [],
};

/** Worker side: a blocking request function over a port and a shared flag. */
export function syncHttpClient(
  port: MessagePort,
  flag: Int32Array,
  limits: HttpLimits,
): (request: HttpRequest) => HttpResult {
  return (request) => {
    Atomics.store(flag, 0, 0);
    port.postMessage(request);
    Atomics.wait(flag, 0, 0, limits.connectTimeoutMs + limits.responseTimeoutMs + 5_000);
    const reply = receiveMessageOnPort(port);
    if (!reply)
      return { ok: false, name: 'SSS_REQUEST_TIME_EXCEEDED', message: 'The request could not be completed in time.' };
    return reply.message as HttpResult;
  };
}

/**
 * How long a sandbox receiver (lib/sandbox/receiver) says it took, in account time: it answers at once
 * and N/https moves the account clock instead of waiting, so a test plays hours of a slow receiver in
 * seconds. `delay=<ms>` answered after that long; `hang` never answers; `blackhole` never accepts the
 * connection. Honoured from loopback hosts only and never shown to the script.
 */
export const ACCOUNT_TIME_HEADER = 'x-sandbox-account-time';

type AccountTime = { kind: 'delay'; ms: number } | { kind: 'hang' } | { kind: 'blackhole' };

function accountTimeOf(request: HttpRequest, headers: Record<string, string>): AccountTime | null {
  const value = headers[ACCOUNT_TIME_HEADER];
  if (value === undefined || !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(request.url).hostname)) return null;
  if (value === 'hang' || value === 'blackhole') return { kind: value };
  const ms = Number(/^delay=(\d+)$/.exec(value)?.[1]);
  return Number.isFinite(ms) ? { kind: 'delay', ms } : null;
}

const TIME_EXCEEDED = Object.freeze(
  failure('SSS_REQUEST_TIME_EXCEEDED', 'The request could not be completed in time.'),
);

/**
 * The request's own duration on the account clock (section_4567630582): a receiver's stated delay moves
 * the clock, by at most the limit it runs into; longer than 5 s to connect or 45 s to answer is
 * SSS_REQUEST_TIME_EXCEEDED even if an answer came later. Only the request's own time counts toward its
 * limits: the clock is shared, and other threads moving it meanwhile (requests in parallel) is not this
 * request waiting. (It does count toward the script's execution time limit.)
 */
function onAccountClock(request: HttpRequest, result: HttpResult, limits: HttpLimits, clock: Clock): HttpResult {
  if (!result.ok) return result;
  const time = accountTimeOf(request, result.headers);
  const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => name !== ACCOUNT_TIME_HEADER));
  if (time?.kind === 'blackhole') {
    clock.advance(limits.connectTimeoutMs);
    return TIME_EXCEEDED;
  }
  if (time?.kind === 'hang' || (time?.kind === 'delay' && time.ms > limits.responseTimeoutMs)) {
    clock.advance(limits.responseTimeoutMs);
    return TIME_EXCEEDED;
  }
  if (time?.kind === 'delay') clock.advance(time.ms);
  return { ...result, headers };
}

/** Main side: performs each request a worker posts, on the account clock, and wakes it with the result. */
export function serveSyncHttp(port: MessagePort, flag: Int32Array, limits: () => HttpLimits, clock: Clock): void {
  port.on('message', (request: HttpRequest) => {
    const current = limits();
    void perform(request, current).then((answer) => {
      const result = onAccountClock(request, answer, current, clock);
      port.postMessage(result);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
  });
  port.unref();
}

function failure(name: string, message: string): HttpResult {
  return { ok: false, name, message };
}

function classify(err: NodeJS.ErrnoException): HttpResult {
  const code = err.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return failure('SSS_UNKNOWN_HOST', 'The host name could not be resolved.');
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return failure(
      'SSS_INVALID_HOST_CERT',
      'An untrusted, unsupported, or invalid certificate was found for this host.',
    );
  }
  if (code === 'ECONNREFUSED') return failure('SSS_CONNECTION_CLOSED', 'The connection was refused by the host.');
  return failure('SSS_CONNECTION_CLOSED', `The host closed the connection (${code || err.message}).`);
}

/** Parsing Mozilla's roots for every request costs tens of ms: one context per set of trusted certificates. */
const contexts = new Map<string, tls.SecureContext>();

function secureContext(trusted: readonly string[]): tls.SecureContext {
  const key = trusted.join('\n');
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...trusted] })));
  return context;
}

export function perform(request: HttpRequest, limits: HttpLimits): Promise<HttpResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: HttpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(responseTimer);
      resolve(result);
    };
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const body = request.body === null ? undefined : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = { ...request.headers };
    if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length'))
      headers['content-length'] = String(body.length);
    const options: https.RequestOptions = {
      method: request.method,
      headers,
      agent: false, // a fresh connection per call, as each NetSuite call is
      ...(secure ? { secureContext: secureContext(limits.trustedCertificates) } : {}),
    };
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        done({ ok: true, code: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (e) => done(classify(e)));
      res.on('aborted', () =>
        done(failure('SSS_CONNECTION_CLOSED', 'The host closed the connection before the response was complete.')),
      );
    });
    const timeUp = () => {
      done(failure('SSS_REQUEST_TIME_EXCEEDED', 'The request could not be completed in time.'));
      req.destroy();
    };
    const connectTimer = setTimeout(timeUp, limits.connectTimeoutMs);
    let responseTimer: NodeJS.Timeout | undefined;
    req.on('socket', (socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        responseTimer = setTimeout(timeUp, limits.responseTimeoutMs);
      });
    });
    req.on('error', (e) => done(classify(e)));
    req.end(body);
  });
}

/**
 * The one way requests reach NetSuite: every attempt takes a slot of the client's concurrency limiter,
 * is authenticated afresh (TBA signs each URL), and failures are classified: 429 and transient 5xx are
 * retried with full-jitter backoff; a create that may have reached NetSuite is never blindly re-sent.
 * Redirects are never followed, so credentials never go to another host.
 */
import type { Authenticator } from './auth/types';
import {
  AuthError,
  InterruptedError,
  NetSuiteApiError,
  RedirectRefusedError,
  RetriesExhaustedError,
  SuitehooksError,
  WriteOutcomeUnknownError,
  type ErrorDetail,
} from './errors';
import type { Limiter } from './limiter';
import { backoffDelay, sleep, type ResolvedRetry } from './retry';
import { USER_AGENT } from '../core';

/**
 * `idempotent`: repeating it cannot do harm (reads, PATCH, PUT upsert, DELETE, SuiteQL).
 * `create`: a POST that creates; only retried when NetSuite certainly did not run it (429, refused connection).
 */
export type RetryPolicy = 'idempotent' | 'create';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  policy?: RetryPolicy;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RetryEvent {
  method: string;
  path: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface TransportOptions {
  /** Origin of the REST API, e.g. `https://1234567-sb1.suitetalk.api.netsuite.com` or `http://127.0.0.1:4000`. */
  baseUrl: string;
  auth: Authenticator;
  limiter: Limiter;
  retry: ResolvedRetry;
  /** Per attempt; default 120 s. */
  timeoutMs?: number | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** When aborted, no retry is made (a waiting one ends with InterruptedError); requests on the wire finish. */
  signal?: AbortSignal | undefined;
}

const TRANSIENT = new Set([502, 503, 504]);

/** Query strings percent-encoded per RFC 3986, so the signed URL and the sent URL are the same bytes. */
function queryString(query: RequestOptions['query']): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function errorDetails(status: number, body: unknown): ErrorDetail[] {
  const details = (body as { 'o:errorDetails'?: unknown } | null)?.['o:errorDetails'];
  if (Array.isArray(details) && details.length > 0) return details as ErrorDetail[];
  return [
    {
      detail: typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`,
      'o:errorCode': `HTTP_${status}`,
    },
  ];
}

/** Getting the Authorization header failed (token request): the API request itself was never sent. */
class NotSent extends SuitehooksError {
  constructor(override readonly cause: unknown) {
    super('NOT_SENT', 'request not sent', { cause });
  }
}

function isNetworkError(err: unknown): boolean {
  return (err as { cause?: { code?: unknown } })?.cause?.code !== undefined || (err as Error)?.name === 'TimeoutError';
}

/** No response came; `sent` tells whether the request may have reached the server. */
function networkFailure(err: unknown): { sent: boolean; reason: string } {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { sent: false, reason: code };
  if ((err as Error)?.name === 'TimeoutError') return { sent: true, reason: 'timeout' };
  return { sent: true, reason: code ?? (err as Error)?.message ?? 'network error' };
}

/** One request as the retry loop sees it. */
interface Call {
  method: string;
  path: string;
  url: string;
  policy: RetryPolicy;
  options: RequestOptions;
}

/** Why an attempt may be tried again: the error to report if it never succeeds. */
interface Retry {
  kind: 'retry';
  reason: string;
  failure: unknown;
}

type AttemptOutcome = { kind: 'done'; res: ApiResponse } | { kind: 'reauthenticate' } | Retry;

/** A non-2xx answer: 429 is always retried, transient 5xx only where repeating cannot harm. */
function retryAfterStatus(call: Call, res: ApiResponse): Retry {
  const { method, path, policy } = call;
  const failure = new NetSuiteApiError(res.status, errorDetails(res.status, res.body), { method, path });
  if (TRANSIENT.has(res.status) && policy === 'create') {
    throw new WriteOutcomeUnknownError(
      `${method} ${path}: ${res.status} after the request was sent; the record may exist`,
      failure,
    );
  }
  const retryable = res.status === 429 || (TRANSIENT.has(res.status) && policy === 'idempotent');
  if (!retryable) throw failure;
  return { kind: 'retry', reason: `HTTP ${res.status} ${failure.code}`, failure };
}

/** No usable answer: a network failure, or the token endpoint's (then the API request was never sent). */
function retryAfterError(call: Call, err: unknown): Retry {
  if (err instanceof NetSuiteApiError || err instanceof WriteOutcomeUnknownError || err instanceof RedirectRefusedError)
    throw err;
  if (err instanceof NotSent) {
    // Token endpoint trouble: nothing reached the API, so even a create may simply be tried again.
    const cause = err.cause;
    const transient =
      cause instanceof AuthError ? cause.status === 429 || TRANSIENT.has(cause.status) : isNetworkError(cause);
    if (!transient) throw cause;
    const reason = `token endpoint: ${cause instanceof AuthError ? `HTTP ${cause.status}` : networkFailure(cause).reason}`;
    return { kind: 'retry', reason, failure: cause };
  }
  const net = networkFailure(err);
  if (net.sent && call.policy === 'create') {
    throw new WriteOutcomeUnknownError(
      `${call.method} ${call.path}: ${net.reason} after the request was sent; the record may exist`,
      err,
    );
  }
  return { kind: 'retry', reason: net.reason, failure: err };
}

export class Transport {
  private readonly origin: string;

  constructor(private readonly options: TransportOptions) {
    this.origin = new URL(options.baseUrl).origin;
  }

  url(path: string, query?: RequestOptions['query']): string {
    return `${this.origin}${path}${queryString(query)}`;
  }

  /** Posts the OAuth 2.0 token form; called from inside a request's limiter slot. */
  readonly postToken = async (tokenUrl: string, form: URLSearchParams): Promise<{ status: number; body: unknown }> => {
    const res = await this.exchange(
      'POST',
      tokenUrl,
      { 'content-type': 'application/x-www-form-urlencoded' },
      form.toString(),
    );
    return { status: res.status, body: res.body };
  };

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const call: Call = {
      method,
      path,
      url: this.url(path, options.query),
      policy: options.policy ?? 'idempotent',
      options,
    };
    const started = Date.now();
    let reauthenticated = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(call, !reauthenticated);
      if (outcome.kind === 'done') return outcome.res;
      if (outcome.kind === 'reauthenticate') {
        reauthenticated = true; // a revoked or expired token: renew once, at once
        attempt--;
        continue;
      }
      await this.waitToRetry(call, attempt, started, outcome);
    }
  }

  /** One attempt within a limiter slot: its response, or why it may be tried again (else it throws). */
  private async attempt(call: Call, mayReauthenticate: boolean): Promise<AttemptOutcome> {
    let res: ApiResponse;
    try {
      res = await this.options.limiter.run(() => this.send(call.method, call.url, call.options));
    } catch (err) {
      return retryAfterError(call, err);
    }
    if (res.status >= 200 && res.status < 300) return { kind: 'done', res };
    if (res.status === 401 && mayReauthenticate && this.options.auth.invalidate()) return { kind: 'reauthenticate' };
    return retryAfterStatus(call, res);
  }

  /** Backs off before the next attempt, or ends the request when attempts, time or the caller say so. */
  private async waitToRetry(call: Call, attempt: number, started: number, why: Retry): Promise<void> {
    const { retry, signal, onRetry } = this.options;
    const { method, path } = call;
    const delayMs = backoffDelay(attempt, retry);
    if (attempt >= retry.maxAttempts || Date.now() + delayMs - started > retry.maxTotalMs) {
      throw new RetriesExhaustedError(
        `${method} ${path}: gave up after ${attempt} attempts (${why.reason})`,
        attempt,
        why.failure,
      );
    }
    onRetry?.({ method, path, attempt, delayMs, reason: why.reason });
    await sleep(delayMs, signal);
    if (signal?.aborted)
      throw new InterruptedError(`interrupted: ${method} ${path} not retried after ${why.reason}`, why.failure);
  }

  /** A 3xx is never followed (the Authorization header or the client assertion would go with it). */
  private async redirectRefused(res: Response, method: string, url: string): Promise<RedirectRefusedError> {
    await res.body?.cancel();
    const target = res.headers.get('location');
    let where: URL | null = null;
    try {
      where = target ? new URL(target, url) : null;
    } catch {
      // an unparsable Location: still refused
    }
    return new RedirectRefusedError(
      `redirect not followed: ${method} ${new URL(url).pathname} answered ${res.status}` +
        (where && where.origin !== this.origin
          ? ` to another host (${where.host}); credentials are never sent there`
          : '') +
        '. Check the account id and base URL.',
    );
  }

  private async send(method: string, url: string, options: RequestOptions): Promise<ApiResponse> {
    let authorization: string;
    try {
      authorization = await this.options.auth.authorization(method, url);
    } catch (err) {
      throw new NotSent(err);
    }
    const headers: Record<string, string> = { ...options.headers, authorization };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return this.exchange(method, url, headers, options.body === undefined ? undefined : JSON.stringify(options.body));
  }

  /** One HTTP exchange: no redirect followed, a timeout, the body parsed as JSON when it is JSON. */
  private async exchange(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<ApiResponse> {
    // A timer cleared with the answer (AbortSignal.timeout would keep one per request alive for its 120 s).
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('The request timed out', 'TimeoutError')),
      this.options.timeoutMs ?? 120_000,
    );
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers: { accept: 'application/json', 'user-agent': USER_AGENT, ...headers },
        body: body ?? null,
        redirect: 'manual',
        signal: timeout.signal,
      });
      if (res.status >= 300 && res.status < 400) throw await this.redirectRefused(res, method, url);
      text = await res.text();
    } finally {
      clearTimeout(timer);
    }
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text; // not JSON: kept for the error message
      }
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
}

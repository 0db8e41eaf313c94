/**
 * `N/https`: real, synchronous HTTP (the script blocks until the answer), 10 units a call, https only
 * (SSS_INVALID_URL otherwise: docs/netsuite.md#outbound-https-nhttps) unless the sandbox opted in to
 * plain http on loopback. Connect and response limits are enforced on the account clock by the thread that
 * performs the request (workers/sync-http.ts); an execution past its time limit during the call gets
 * SSS_TIME_LIMIT_EXCEEDED instead of the answer.
 */
import type { ScriptEnv } from '../script-env';
import { UNIT_COST } from '../../../core/governance';

const METHOD = Object.freeze({ GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD', PATCH: 'PATCH' });

function formEncode(body: Record<string, unknown>): string {
  return Object.entries(body)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export function createHttpsModule(env: ScriptEnv): Record<string, unknown> {
  const request = (o: unknown) => {
    const { method, url, body, headers } = (o ?? {}) as {
      method?: unknown;
      url?: unknown;
      body?: unknown;
      headers?: Record<string, unknown>;
    };
    if (url === undefined || url === null || url === '')
      throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: url');
    const text = String(url);
    let parsed: URL | null = null;
    try {
      parsed = new URL(text);
    } catch {
      parsed = null;
    }
    const secure = parsed?.protocol === 'https:';
    if (!parsed || !(secure || (parsed.protocol === 'http:' && env.services.allowsPlainHttp(text)))) {
      throw env.raise('SSS_INVALID_URL', 'The URL must be a fully qualified HTTPS URL.');
    }
    env.governance.charge(UNIT_COST.https);
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers ?? {})) outHeaders[k] = String(v);
    const payload =
      body === undefined || body === null
        ? null
        : typeof body === 'object'
          ? formEncode(body as Record<string, unknown>)
          : String(body);
    const result = env.services.http({
      method: String(method ?? 'GET').toUpperCase(),
      url: text,
      headers: outHeaders,
      body: payload,
    });
    // Time passed during the call (on the account clock): past the execution's limit, the answer is lost.
    env.governance.check();
    if (!result.ok) throw env.raise(result.name, result.message);
    return { type: 'http.ClientResponse', code: result.code, headers: result.headers, body: result.body };
  };
  return {
    Method: METHOD,
    request,
    get: (o: object) => request({ ...o, method: 'GET' }),
    post: (o: object) => request({ ...o, method: 'POST' }),
    put: (o: object) => request({ ...o, method: 'PUT' }),
    delete: (o: object) => request({ ...o, method: 'DELETE' }),
  };
}

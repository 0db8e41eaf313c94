/**
 * The sandbox's SuiteTalk REST API on loopback: records (employee), SuiteQL, governance limits and the
 * OAuth 2.0 token endpoint, with NetSuite's authentication, concurrency governance and error bodies.
 * It speaks HTTP only; data and user events belong to the `Account` behind it.
 */
import { createServer, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetSuiteError, type Account } from '../account/account-types';
import { SandboxAuth, type Identity, type LoginAuditEntry } from './auth';
import type { CredentialRegistry } from './credentials';
import { EmployeeRoute, employeeStore, recordStore } from './employee-route';
import { USER_RECORD_TYPES } from '../../core';
import type { RecordAccount } from '../account/account-types';
import { concurrencyLimitExceeded, sendError } from './errors';
import { parseJson, readBody, requestUrl, sendJson } from './http-io';
import { runSuiteQLRequest } from './suiteql';

export interface RestServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Concurrent requests the account accepts before answering 429 CONCURRENCY_LIMIT_EXCEEDED; default 5. */
  concurrencyLimit?: number;
  /** Added to every request while it holds a concurrency slot (benchmarks, governance tests); default 0. */
  latencyMs?: number;
  /** The integrations that may log in. */
  credentials: CredentialRegistry;
  /** Access token lifetime; default 3600 s, as NetSuite. */
  tokenLifetimeSeconds?: number;
  /**
   * Clock for token expiry and TBA timestamps; default the host's (clients sign with it). The `Date`
   * header always reads the account's clock, as record timestamps do.
   */
  now?: () => number;
  /** Unexpected (non-NetSuite) errors of the account; default: printed to stderr. */
  onUnexpectedError?: (err: unknown) => void;
  /** UI routes served before authentication (Suitelets, lib/sandbox/suitelet/route.ts); true when answered. */
  ui?: UiRoutes;
  /** Time a client has to send its request line and headers; default 10 s (Node's own: 60 s). */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, headers and body; default 30 s (Node's own: 300 s). */
  requestTimeoutMs?: number;
}

export type UiRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface RestServer {
  /** `http://127.0.0.1:<port>`: the client's base URL override. */
  url: string;
  close(): Promise<void>;
  /** Ends all issued access tokens, as if NetSuite revoked them. */
  revokeTokens(): void;
  /** Why logins failed or succeeded (NetSuite's Login Audit Trail). */
  loginAudit(): readonly LoginAuditEntry[];
  /** Requests answered 429 so far. */
  rejectedByConcurrency(): number;
}

/** NetSuite takes requests up to 104 MB (chapter_161251386312); the sandbox is stricter: over 1 MiB is 413. */
const MAX_BODY = 1 << 20;
const EMPLOYEE = /^\/services\/rest\/record\/v1\/employee(?:\/([^/]+))?$/;
/** The other login record types of the core's registry (vendor, partner, customer). */
const OTHER_TYPES = USER_RECORD_TYPES.filter((t) => t.id !== 'employee');
const OTHER_RECORD = new RegExp(`^/services/rest/record/v1/(${OTHER_TYPES.map((t) => t.id).join('|')})(?:/([^/]+))?$`);
const ADMINISTRATOR_ROLE = '3';
const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';

/** `WWW-Authenticate` of a 401 or of a malformed Authorization header (subsect_158521885412). */
function authenticateHeader(err: NetSuiteError, accountId: string): Record<string, string> {
  const realm = `Bearer realm="${accountId}"`;
  if (err.status === 401)
    return { 'www-authenticate': `${realm}, error="invalid_token", error_description="Invalid login attempt."` };
  if (err.source === 'header' && err.errorPath === 'Authorization') {
    return {
      'www-authenticate': `${realm}, error="invalid_request", error_description="The request could not be understood by the server due to malformed syntax."`,
    };
  }
  return {};
}

/** What every request of one server needs. */
interface ServerParts {
  account: Account;
  auth: SandboxAuth;
  employees: EmployeeRoute;
  /** Routes of the other registry types, when the account serves them (RecordAccount). */
  records: ReadonlyMap<string, EmployeeRoute>;
  concurrencyLimit: number;
  onUnexpected(err: unknown): void;
  ui: UiRoutes | null;
}

/** The token endpoint: its client authenticates with the body itself (a client assertion). */
async function tokenRoute(parts: ServerParts, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'POST') throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', 'The token endpoint takes POST.');
  const { status, body } = await parts.auth.issueToken(
    new URLSearchParams(await readBody(req, MAX_BODY)),
    `${url.origin}${url.pathname}`,
  );
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** An authenticated REST request; it holds a concurrency slot. */
async function route(
  parts: ServerParts,
  who: Identity,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { account } = parts;
  const path = url.pathname;
  const employee = EMPLOYEE.exec(path);
  if (employee)
    return parts.employees.handle({
      req,
      res,
      url,
      ref: employee[1],
      ctx: { executionContext: 'RESTWEBSERVICES', userId: who.userId, roleId: who.roleId },
    });
  const other = OTHER_RECORD.exec(path);
  const otherRoute = other?.[1] === undefined ? undefined : parts.records.get(other[1]);
  if (other && otherRoute)
    return otherRoute.handle({
      req,
      res,
      url,
      ref: other[2],
      ctx: { executionContext: 'RESTWEBSERVICES', userId: who.userId, roleId: who.roleId },
    });
  if (path === '/services/rest/query/v1/suiteql') {
    if (req.method !== 'POST') throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', 'SuiteQL takes POST.');
    const body = parseJson(await readBody(req, MAX_BODY));
    sendJson(
      res,
      200,
      await runSuiteQLRequest(account, who.roleId, url, [req.headers.prefer ?? []].flat().join(','), body),
    );
    return;
  }
  if (path === '/services/rest/system/v1/governanceLimits' && req.method === 'GET') {
    if (who.roleId !== ADMINISTRATOR_ROLE)
      throw new NetSuiteError(403, 'INSUFFICIENT_PERMISSION', 'Only administrators can read the governance limits.');
    sendJson(res, 200, {
      accountConcurrencyLimit: parts.concurrencyLimit,
      accountUnallocatedConcurrencyLimit: parts.concurrencyLimit,
    });
    return;
  }
  throw new NetSuiteError(404, 'INVALID_URL', `No resource at ${path.slice(0, 200)}.`);
}

/** Any failure becomes an answer: NetSuite's error body, 500 for the unexpected (logged, never echoed). */
function fail(parts: ServerParts, res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!(err instanceof NetSuiteError)) parts.onUnexpected(err);
  const e =
    err instanceof NetSuiteError ? err : new NetSuiteError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
  sendError(res, e, authenticateHeader(e, parts.account.accountId));
}

/** `fail`, and if even answering fails, the connection is cut (logged). */
function failSafely(parts: ServerParts, res: ServerResponse, err: unknown): void {
  try {
    fail(parts, res, err);
  } catch (e) {
    parts.onUnexpected(e);
    res.destroy();
  }
}

function serverParts(account: Account, options: RestServerOptions): ServerParts {
  return {
    account,
    auth: new SandboxAuth(
      account.accountId,
      options.credentials,
      options.now ?? Date.now,
      options.tokenLifetimeSeconds ?? 3600,
    ),
    employees: new EmployeeRoute(employeeStore(account), MAX_BODY),
    records: new Map(
      'getRecord' in account
        ? OTHER_TYPES.map((t) => [
            t.id,
            new EmployeeRoute(recordStore(account as Account & RecordAccount, t.id), MAX_BODY, t),
          ])
        : [],
    ),
    concurrencyLimit: options.concurrencyLimit ?? 5,
    onUnexpected: options.onUnexpectedError ?? ((err: unknown) => console.error('sandbox REST: unexpected error', err)),
    ui: options.ui ?? null,
  };
}

/**
 * Node's request timeouts, in seconds rather than its 60 s / 300 s defaults: a client that sends its
 * headers or body a byte at a time is answered 408 and cut off. Node checks them every
 * `connectionsCheckingInterval`, so that is kept well below the shorter one.
 */
function httpTimeouts(options: RestServerOptions): ServerOptions {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  return {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
  };
}

export async function startRestServer(account: Account, options: RestServerOptions): Promise<RestServer> {
  const latency = options.latencyMs ?? 0;
  const parts = serverParts(account, options);
  let inFlight = 0;
  let rejected = 0;

  /**
   * The account's concurrency limit counts web services and RESTlet requests (section_1500275531,
   * subsect_1559222360), so a slot is taken only once a request has authenticated from its headers:
   * UI pages (Suitelets) and the token endpoint — whose client authenticates with the body — take none,
   * and no unauthenticated client can hold the account's slots while it trickles a body (FIDELITY.md).
   */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // NetSuite's clock, which may run ahead of the host's in the sandbox: clients read it (sync settling).
    res.setHeader('date', new Date(account.now()).toUTCString());
    const url = requestUrl(req, `127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (url.pathname === TOKEN_PATH) return tokenRoute(parts, req, res, url);
    if (parts.ui && (await parts.ui(req, res, url))) return;
    // Refused before authenticating, so a 429 does not use up the TBA nonce its retry will send again.
    if (inFlight >= parts.concurrencyLimit) {
      rejected++;
      req.resume();
      sendError(res, concurrencyLimitExceeded());
      return;
    }
    // Synchronous from the check above to the slot taken: no other request can slip in between.
    const who = parts.auth.authenticate(req.method ?? 'GET', url, req.headers.authorization);
    inFlight++;
    res.once('close', () => inFlight--);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    await route(parts, who, req, res, url);
  }

  const server = createServer(httpTimeouts(options), (req, res) => {
    req.on('error', () => undefined); // an aborted upload: the response side reports it
    handle(req, res).catch((err: unknown) => failSafely(parts, res, err));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    revokeTokens: () => parts.auth.revokeTokens(),
    loginAudit: () => parts.auth.audit,
    rejectedByConcurrency: () => rejected,
  };
}

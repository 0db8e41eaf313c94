/**
 * The sandbox's SuiteTalk REST API on loopback: records (employee), SuiteQL, governance limits and the
 * OAuth 2.0 token endpoint, with NetSuite's authentication, concurrency governance and error bodies.
 * It speaks HTTP only; data and user events belong to the `Account` behind it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetSuiteError, type Account, type WriteContext } from '../account-types';
import { SandboxAuth, type Identity, type LoginAuditEntry } from './auth';
import type { CredentialRegistry } from './credentials';
import { employeeJson, parseEmployeeBody } from './employee-json';
import { concurrencyLimitExceeded, intParam, invalidContent, invalidParameter, nonexistentId, sendError } from './errors';
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
  /** Clock for token expiry and TBA timestamps; default Date.now. */
  now?: () => number;
  /** Unexpected (non-NetSuite) errors of the account; default: printed to stderr. */
  onUnexpectedError?: (err: unknown) => void;
  /** UI routes served before authentication (Suitelets, lib/sandbox/suitelet/route.ts); true when answered. */
  ui?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

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

const MAX_BODY = 1 << 20;
const EMPLOYEE = /^\/services\/rest\/record\/v1\/employee(?:\/([^/]+))?$/;
const ADMINISTRATOR_ROLE = '3';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(invalidContent('The request body is too large.'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidContent('The request body is not valid JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/vnd.oracle.resource+json; type=singular-resource', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startRestServer(account: Account, options: RestServerOptions): Promise<RestServer> {
  const now = options.now ?? Date.now;
  const limit = options.concurrencyLimit ?? 5;
  const latency = options.latencyMs ?? 0;
  const onUnexpected = options.onUnexpectedError ?? ((err: unknown) => console.error('sandbox REST: unexpected error', err));
  const auth = new SandboxAuth(account.accountId, options.credentials, now, options.tokenLifetimeSeconds ?? 3600);
  let inFlight = 0;
  let rejected = 0;

  /** Resolves `123` or `eid:<externalId>` to the internal id, or null. */
  const resolveId = (ref: string): string | null => {
    const decoded = decodeURIComponent(ref);
    if (decoded.startsWith('eid:')) return account.findEmployeeByExternalId(decoded.slice(4));
    if (!/^-?\d+$/.test(decoded)) throw invalidParameter(`Invalid record id ${JSON.stringify(decoded.slice(0, 40))}.`, 'id');
    return account.getEmployee(decoded) ? decoded : null;
  };

  async function employeeRoute(req: IncomingMessage, res: ServerResponse, url: URL, ref: string | undefined, who: Identity): Promise<void> {
    const ctx: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: who.userId, roleId: who.roleId };
    const collection = `${url.origin}/services/rest/record/v1/employee`;
    const method = req.method ?? 'GET';
    const replaceRoles = (url.searchParams.get('replace') ?? '').split(',').includes('roles');
    if (ref === undefined) {
      if (method === 'GET') {
        const lim = intParam(url, 'limit', 1000);
        if (lim < 1 || lim > 1000) throw invalidParameter('Invalid value for the limit parameter: 1 to 1000.', 'limit');
        const offset = intParam(url, 'offset', 0);
        const { ids, totalResults } = account.listEmployees(lim, offset);
        const items = ids.map((id) => ({ links: [{ rel: 'self', href: `${collection}/${id}` }], id }));
        sendJson(res, 200, { links: [{ rel: 'self', href: url.toString() }], count: items.length, hasMore: offset + items.length < totalResults, items, offset, totalResults });
        return;
      }
      if (method === 'POST') {
        const values = parseEmployeeBody(parseJson(await readBody(req)));
        const id = await account.createEmployee({ values, replaceRoles: true }, ctx);
        res.writeHead(204, { location: `${collection}/${id}` }).end();
        return;
      }
      throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on the employee collection.`);
    }
    if (method === 'PUT') {
      const decoded = decodeURIComponent(ref);
      if (!decoded.startsWith('eid:') || decoded.length === 4) {
        throw new NetSuiteError(400, 'INVALID_REQUEST', 'PUT (upsert) needs an external id in the path: employee/eid:<externalId>.');
      }
      const values = parseEmployeeBody(parseJson(await readBody(req)));
      const externalId = decoded.slice(4);
      if ('externalId' in values && values.externalId !== externalId) throw invalidContent('The body may not change the external id of the path.', 'externalId');
      const existing = account.findEmployeeByExternalId(externalId);
      const id = existing ?? (await account.createEmployee({ values: { ...values, externalId }, replaceRoles: true }, ctx));
      if (existing) await account.updateEmployee(existing, { values, replaceRoles }, ctx, 'edit');
      res.writeHead(204, { location: `${collection}/${id}` }).end();
      return;
    }
    const id = resolveId(ref);
    if (id === null) throw nonexistentId();
    if (method === 'GET') {
      const record = account.getEmployee(id);
      if (!record) throw nonexistentId();
      sendJson(res, 200, { id, ...employeeJson(record, `${collection}/${id}`, url.searchParams.get('expandSubResources') === 'true') });
      return;
    }
    if (method === 'PATCH') {
      const values = parseEmployeeBody(parseJson(await readBody(req)));
      await account.updateEmployee(id, { values, replaceRoles }, ctx, 'edit');
      res.writeHead(204).end();
      return;
    }
    if (method === 'DELETE') {
      await account.deleteEmployee(id, ctx);
      res.writeHead(204).end();
      return;
    }
    throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on an employee.`);
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (path === '/services/rest/auth/oauth2/v1/token') {
      if (req.method !== 'POST') throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', 'The token endpoint takes POST.');
      const { status, body } = await auth.issueToken(new URLSearchParams(await readBody(req)), `${url.origin}${path}`);
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
      return;
    }
    if (options.ui && (await options.ui(req, res, url))) return;
    const who = auth.authenticate(req.method ?? 'GET', url, req.headers.authorization);
    const employee = EMPLOYEE.exec(path);
    if (employee) return employeeRoute(req, res, url, employee[1], who);
    if (path === '/services/rest/query/v1/suiteql') {
      if (req.method !== 'POST') throw new NetSuiteError(405, 'METHOD_NOT_ALLOWED', 'SuiteQL takes POST.');
      const body = parseJson(await readBody(req));
      sendJson(res, 200, runSuiteQLRequest(account, url, [req.headers.prefer ?? []].flat().join(","), body));
      return;
    }
    if (path === '/services/rest/system/v1/governanceLimits' && req.method === 'GET') {
      if (who.roleId !== ADMINISTRATOR_ROLE) throw new NetSuiteError(403, 'INSUFFICIENT_PERMISSION', 'Only administrators can read the governance limits.');
      sendJson(res, 200, { accountConcurrencyLimit: limit, accountUnallocatedConcurrencyLimit: limit });
      return;
    }
    throw new NetSuiteError(404, 'INVALID_URL', `No resource at ${path}.`);
  }

  const server = createServer((req, res) => {
    // NetSuite's clock, which may run ahead of the host's in the sandbox: clients read it (sync settling).
    res.setHeader('date', new Date(now()).toUTCString());
    if (inFlight >= limit) {
      rejected++;
      req.resume();
      sendError(res, concurrencyLimitExceeded());
      return;
    }
    inFlight++;
    res.once('close', () => inFlight--);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    (async () => {
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      await route(req, res, url);
    })().catch((err: unknown) => {
      if (res.headersSent) return;
      if (err instanceof NetSuiteError) sendError(res, err);
      else {
        onUnexpected(err);
        sendError(res, new NetSuiteError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.'));
      }
    });
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
    revokeTokens: () => auth.revokeTokens(),
    loginAudit: () => auth.audit,
    rejectedByConcurrency: () => rejected,
  };
}

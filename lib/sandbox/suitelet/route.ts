/**
 * The sandbox's UI routes: `/app/site/hosting/scriptlet.nl?script=…&deploy=…` (Suitelets, GET and POST,
 * for a logged-in user whose role is in the deployment's audience) and the sandbox login link.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxAccount } from '../account/account';
import { allows, audienceOf } from './audience';
import { renderError } from './render';
import { LOGIN_PATH, SESSION_COOKIE, type UiSessions } from './sessions';
import { SUITELET_PATH } from './urls';

const MAX_FORM = 1 << 20;

function page(res: ServerResponse, status: number, title: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(renderError(title, message));
}

function readForm(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FORM) reject(new Error('form too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function login(res: ServerResponse, url: URL, sessions: UiSessions): void {
  const token = url.searchParams.get('session') ?? '';
  const next = url.searchParams.get('next') ?? '/';
  if (!sessions.byToken(token))
    return page(res, 401, 'Login', 'This login link is not valid for this sandbox: use the one npm start printed.');
  res
    .writeHead(302, {
      location: next.startsWith('/app/') ? next : '/',
      'set-cookie': `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`,
    })
    .end();
}

async function suitelet(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  account: SandboxAccount,
  sessions: UiSessions,
): Promise<void> {
  const user = sessions.fromCookie(req.headers.cookie);
  if (!user)
    return page(
      res,
      401,
      'Login required',
      'You are not logged in, or your session has timed out. Use the sandbox login link.',
    );
  const scriptId = (url.searchParams.get('script') ?? '').toLowerCase();
  const deploymentId = (url.searchParams.get('deploy') ?? '').toLowerCase();
  const script = account.project?.objects.scripts.find((s) => s.id === scriptId && s.type === 'suitelet');
  if (!script?.deployments.some((d) => d.id === deploymentId))
    return page(
      res,
      404,
      'Error',
      'SSS_INVALID_SCRIPTLET_ID: That Suitelet is invalid, disabled, or no longer exists.',
    );
  if (!allows(audienceOf(script, deploymentId), user.roleId))
    return page(res, 403, 'Error', 'You do not have privileges to view this page.');
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') return page(res, 405, 'Error', `${method} is not supported.`);
  const body = method === 'POST' ? await readForm(req) : '';
  const parameters: Record<string, string> = {};
  for (const [k, v] of url.searchParams) parameters[k] = v;
  if (method === 'POST') for (const [k, v] of new URLSearchParams(body)) parameters[k] = v;
  const headers: Record<string, string> = {};
  // What a browser sends and a script may check: Origin and Referer name the page a form was posted from.
  for (const name of ['content-type', 'user-agent', 'referer', 'origin', 'host'])
    if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
  const result = await account.runSuitelet(
    scriptId,
    deploymentId,
    { method, parameters, headers, body, url: `${url.pathname}${url.search}` },
    user,
  );
  res.writeHead(result.status, result.headers).end(result.body);
}

/** A handler for the REST server: true when it answered the request. */
export function uiRoutes(
  account: SandboxAccount,
  sessions: UiSessions,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  return async (req, res, url) => {
    if (url.pathname === LOGIN_PATH) {
      login(res, url, sessions);
      return true;
    }
    if (url.pathname !== SUITELET_PATH) return false;
    try {
      await suitelet(req, res, url, account, sessions);
    } catch (e) {
      if (!res.headersSent) page(res, 500, 'Error', `UNEXPECTED_ERROR: ${(e as Error).name}`);
    }
    return true;
  };
}

/**
 * A request to a Suitelet as a signed-in sandbox user (the session cookie of sessions.ts): what the demo
 * story, the tests and the benchmarks send to the console. GET carries `params`; a POST sends `form`
 * fields as a browser form would, with the form token the page carries: unless `form` names the token
 * field itself, the page of the form's view is fetched first and its token copied, as a browser that
 * opened the page would send it. Redirects are returned, never followed.
 */
import { SESSION_COOKIE } from './sessions';
import { suiteletUrl } from './urls';

/** The console's hidden form-token field (lib/suitescript/console/csrf.ts). */
export const FORM_TOKEN_FIELD = 'custpage_token';

export interface SuiteletPage {
  status: number;
  html: string;
  location: string | null;
}

/** The value of a hidden input on a rendered page, or null. */
export function hiddenValue(html: string, name: string): string | null {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  return m
    ? (m[1] ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    : null;
}

async function send(
  baseUrl: string,
  token: string,
  target: { script: string; deploy: string },
  params: Record<string, string>,
  form: Record<string, string> | undefined,
  headers: Record<string, string>,
): Promise<SuiteletPage> {
  const res = await fetch(`${baseUrl}${suiteletUrl(target.script, target.deploy, form ? {} : params)}`, {
    method: form ? 'POST' : 'GET',
    headers: {
      cookie: `${SESSION_COOKIE}=${token}`,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
    body: form ? new URLSearchParams(form).toString() : null,
    redirect: 'manual',
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

export async function requestSuitelet(
  baseUrl: string,
  token: string,
  target: { script: string; deploy: string },
  params: Record<string, string>,
  form?: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<SuiteletPage> {
  if (!form || FORM_TOKEN_FIELD in form) return send(baseUrl, token, target, params, form, headers);
  const view = { custparam_view: form.custpage_view ?? 'health' };
  const id = form.custpage_delivery ? { custparam_id: form.custpage_delivery } : {};
  const page = await send(baseUrl, token, target, { ...view, ...id }, undefined, {});
  const formToken = hiddenValue(page.html, FORM_TOKEN_FIELD) ?? '';
  return send(baseUrl, token, target, params, { ...form, [FORM_TOKEN_FIELD]: formToken }, headers);
}

/**
 * A request to a Suitelet as a signed-in sandbox user (the session cookie of sessions.ts): what the demo
 * story, the tests and the benchmarks send to the console. GET carries `params`; a POST sends `form`
 * fields as a browser form would. Redirects are returned, never followed.
 */
import { SESSION_COOKIE } from './sessions';
import { suiteletUrl } from './urls';

export interface SuiteletPage {
  status: number;
  html: string;
  location: string | null;
}

export async function requestSuitelet(
  baseUrl: string,
  token: string,
  target: { script: string; deploy: string },
  params: Record<string, string>,
  form?: Record<string, string>,
): Promise<SuiteletPage> {
  const res = await fetch(`${baseUrl}${suiteletUrl(target.script, target.deploy, form ? {} : params)}`, {
    method: form ? 'POST' : 'GET',
    headers: {
      cookie: `${SESSION_COOKIE}=${token}`,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : null,
    redirect: 'manual',
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

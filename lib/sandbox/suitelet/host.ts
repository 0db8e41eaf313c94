/** Serves one Suitelet request inside an execution: `onRequest({ request, response })`, then the page. */
import type { Instance } from '../runtime/script-loader';
import type { ScriptEnv } from '../runtime/script-env';
import { openExchange } from './exchange';
import { renderError, renderPage } from './render';
import { serverRequest, serverResponse, type SuiteletRequest } from './request';
import { suiteletUrl } from './urls';

export interface SuiteletResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function serveSuitelet(
  instance: Instance,
  env: ScriptEnv,
  request: SuiteletRequest,
  timeoutMs: number,
): SuiteletResult {
  const selfUrl = suiteletUrl(env.script.id, env.deployment.id);
  const exchange = openExchange(env, selfUrl);
  instance.call(
    instance.entry.onRequest,
    { request: serverRequest(env, request), response: serverResponse(env, exchange) },
    timeoutMs,
  );
  if (exchange.redirect !== null) return { status: 302, headers: { location: exchange.redirect }, body: '' };
  if (exchange.page)
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', ...exchange.headers },
      body: renderPage(exchange.page, selfUrl, env.services.accountId),
    };
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', ...exchange.headers },
    body: exchange.written.join(''),
  };
}

/** A script error as NetSuite shows it: the code, and a generic title; values stay in the log. */
export function suiteletError(status: number, title: string, message: string): SuiteletResult {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: renderError(title, message) };
}

/**
 * What a Suitelet execution hands back to its host: the page, text written, headers, a redirect. Kept per
 * execution (by its ScriptEnv) so N/redirect can set the redirect of the request being served.
 */
import type { ScriptEnv } from '../runtime/script-env';
import type { FormModel } from '../runtime/modules/ui-serverwidget';

export interface Exchange {
  /** The Suitelet's own URL (`/app/site/hosting/scriptlet.nl?script=…&deploy=…`), what a form posts to. */
  selfUrl: string;
  page: FormModel | null;
  written: string[];
  headers: Record<string, string>;
  redirect: string | null;
}

const EXCHANGES = new WeakMap<ScriptEnv, Exchange>();

export function openExchange(env: ScriptEnv, selfUrl: string): Exchange {
  const exchange: Exchange = { selfUrl, page: null, written: [], headers: {}, redirect: null };
  EXCHANGES.set(env, exchange);
  return exchange;
}

/** The exchange of the Suitelet request this execution serves, or null outside Suitelets. */
export function exchangeOf(env: ScriptEnv): Exchange | null {
  return EXCHANGES.get(env) ?? null;
}

/**
 * `N/redirect.toSuitelet` (section_4424988773): the Suitelet being served answers with a redirect to
 * another Suitelet URL once the script ends. Only inside a Suitelet request; the other redirect targets
 * are refused.
 */
import type { ScriptEnv } from '../script-env';
import { exchangeOf } from '../../suitelet/exchange';
import { createUrlModule } from './url';

export function createRedirectModule(env: ScriptEnv): Record<string, unknown> {
  const toSuitelet = (o: unknown) => {
    const exchange = exchangeOf(env);
    if (!exchange)
      throw env.raise(
        'SSS_INVALID_SCRIPT_CONTEXT',
        'N/redirect works only in Suitelets and user interface user events.',
      );
    const { scriptId, deploymentId, parameters, isExternal } = (o ?? {}) as {
      scriptId?: unknown;
      deploymentId?: unknown;
      parameters?: Record<string, unknown>;
      isExternal?: unknown;
    };
    if (isExternal === true) throw env.raise('SSS_INVALID_URL_CATEGORY', 'The sandbox has no external Suitelet URLs.');
    for (const v of Object.values(parameters ?? {}))
      if (Array.isArray(v)) throw env.raise('SSS_INVALID_ARG_TYPE', 'Redirect parameters cannot be arrays.');
    exchange.redirect = (createUrlModule(env).resolveScript as (x: unknown) => string)({
      scriptId,
      deploymentId,
      params: parameters ?? {},
    });
  };
  return { toSuitelet };
}

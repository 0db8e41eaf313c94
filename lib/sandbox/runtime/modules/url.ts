/**
 * `N/url`: `resolveScript` for Suitelets (the internal URL, relative, section_4358672433) and
 * `resolveDomain` for the APPLICATION host (section_4861456597). Other host types, RESTlets and external
 * URLs are refused.
 */
import type { ScriptEnv } from '../script-env';
import { suiteletUrl, uiDomain } from '../../suitelet/urls';

const HOST_TYPE = Object.freeze({
  APPLICATION: 'APPLICATION',
  CUSTOMER_CENTER: 'CUSTOMERCENTER',
  RESTLET: 'RESTLETS',
  SUITETALK: 'SUITETALK',
  FORM: 'FORMS',
});

export function createUrlModule(env: ScriptEnv): Record<string, unknown> {
  const { db, accountId } = env.services;
  const resolveScript = (o: unknown) => {
    const { scriptId, deploymentId, params, returnExternalUrl } = (o ?? {}) as {
      scriptId?: unknown;
      deploymentId?: unknown;
      params?: Record<string, unknown>;
      returnExternalUrl?: unknown;
    };
    if (!scriptId || !deploymentId)
      throw env.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: scriptId, deploymentId');
    if (returnExternalUrl === true)
      throw env.raise(
        'SSS_INVALID_URL_CATEGORY',
        'The sandbox has no external (Available Without Login) Suitelet URLs.',
      );
    const row = db
      .prepare(`SELECT s.scriptid FROM scriptdeployment s WHERE s.scriptid = ? AND s.script = ?`)
      .pluck()
      .get(String(deploymentId).toLowerCase(), String(scriptId).toLowerCase());
    if (row === undefined)
      throw env.raise(
        'SSS_INVALID_SCRIPT_ID_1',
        `No deployment ${String(deploymentId)} of script ${String(scriptId)}.`,
      );
    return suiteletUrl(String(scriptId).toLowerCase(), String(deploymentId).toLowerCase(), params ?? {});
  };
  const resolveDomain = (o: unknown) => {
    const { hostType } = (o ?? {}) as { hostType?: unknown };
    if (hostType !== HOST_TYPE.APPLICATION)
      throw env.raise(
        'SSS_INVALID_HOST_TYPE',
        `The sandbox resolves the APPLICATION domain only (got ${String(hostType)}).`,
      );
    return uiDomain(db, accountId);
  };
  return { resolveScript, resolveDomain, HostType: HOST_TYPE };
}

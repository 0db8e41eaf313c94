/** `N/runtime`: execution context, account, current user, current script (parameters, remaining usage). */
import { CONTEXT_TYPE } from '../../../core';
import type { ScriptEnv } from '../script-env';

export function createRuntimeModule(env: ScriptEnv): Record<string, unknown> {
  const { services, origin } = env;
  return {
    executionContext: origin.executionContext,
    accountId: services.accountId,
    envType: 'SANDBOX',
    version: '2026.1',
    // Keys and values as @hitc/netsuite-types declares runtime.ContextType (CSV_IMPORT: 'CSVIMPORT', …).
    ContextType: CONTEXT_TYPE,
    EnvType: Object.freeze({ PRODUCTION: 'PRODUCTION', SANDBOX: 'SANDBOX', BETA: 'BETA', INTERNAL: 'INTERNAL' }),
    getCurrentUser: () => ({
      id: Number(origin.userId),
      role: Number(origin.roleId),
      roleId: origin.roleId,
      name: origin.userId === '-4' ? '-System-' : `User ${origin.userId}`,
      email: '',
      getPreference: () => null,
    }),
    getCurrentScript: () => ({
      id: env.script.id,
      deploymentId: env.deployment.id,
      logLevel: env.deployment.logLevel,
      apiVersion: '2.1',
      bundleIds: [],
      getParameter: (o: unknown) => {
        const name = String(typeof o === 'string' ? o : ((o as { name?: unknown })?.name ?? '')).toLowerCase();
        const value = name in env.runParams ? env.runParams[name] : services.deploymentParams(env.deployment.id)[name];
        return value === undefined ? null : value;
      },
      getRemainingUsage: () => env.governance.remaining(),
      percentComplete: 0,
    }),
    isFeatureInEffect: (o: unknown) =>
      ['SERVERSIDESCRIPTING', 'CUSTOMRECORDS', 'SUBSIDIARIES'].includes(
        String((o as { feature?: unknown })?.feature ?? '').toUpperCase(),
      ),
  };
}

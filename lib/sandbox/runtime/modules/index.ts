/** The `N/*` modules the sandbox provides, by name. Anything else is MODULE_DOES_NOT_EXIST, as in NetSuite. */
import type { ScriptEnv } from '../script-env';
import { createCacheModule } from './cache';
import { createCryptoModule } from './crypto';
import { createEncodeModule } from './encode';
import { createErrorModule } from './error';
import { createHttpsModule } from './https';
import { createLogModule } from './log';
import { createQueryModule } from './query';
import { createRecordModule } from './record';
import { createRuntimeModule } from './runtime';
import { createSearchModule } from './search';
import { createTaskModule } from './task';
import { createEmailModule } from './email';
import { createRedirectModule } from './redirect';
import { createServerWidgetModule } from './ui-serverwidget';
import { createUrlModule } from './url';

const FACTORIES: Record<string, (env: ScriptEnv) => Record<string, unknown>> = {
  'N/cache': createCacheModule,
  'N/crypto': createCryptoModule,
  'N/encode': createEncodeModule,
  'N/error': createErrorModule,
  'N/https': createHttpsModule,
  'N/log': createLogModule,
  'N/query': createQueryModule,
  'N/record': createRecordModule,
  'N/runtime': createRuntimeModule,
  'N/search': createSearchModule,
  'N/task': createTaskModule,
  'N/email': createEmailModule,
  'N/redirect': createRedirectModule,
  'N/ui/serverWidget': createServerWidgetModule,
  'N/url': createUrlModule,
};

/** Every module name the sandbox provides. */
export const MODULE_NAMES: readonly string[] = Object.keys(FACTORIES);

/**
 * Every function of a module first checks the execution's time (env.governance.check): once the script
 * is past its time limit, no N/* call succeeds (SSS_TIME_LIMIT_EXCEEDED), as with the units limit.
 */
function guarded(module: Record<string, unknown>, env: ScriptEnv): Record<string, unknown> {
  const descriptors = Object.getOwnPropertyDescriptors(module);
  for (const descriptor of Object.values(descriptors)) {
    const fn: unknown = descriptor.value;
    if (typeof fn !== 'function') continue;
    descriptor.value = function (this: unknown, ...args: unknown[]): unknown {
      env.governance.check();
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return Object.defineProperties({}, descriptors);
}

/** Modules are created on first use within one execution and shared by its dependencies. */
export function moduleResolver(env: ScriptEnv): (name: string) => unknown {
  const made = new Map<string, unknown>();
  return (name) => {
    const factory = FACTORIES[name];
    if (!factory) return undefined;
    if (!made.has(name)) made.set(name, Object.freeze(guarded(factory(env), env)));
    return made.get(name);
  };
}

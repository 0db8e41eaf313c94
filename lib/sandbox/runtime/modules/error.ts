/** `N/error`: scripts create NetSuite-shaped errors of their own. */
import type { ScriptEnv } from '../script-env';

export function createErrorModule(env: ScriptEnv): Record<string, unknown> {
  return {
    create: (o: unknown) => {
      const { name, message } = (o ?? {}) as { name?: unknown; message?: unknown };
      return env.raise(String(name ?? 'ERROR'), String(message ?? ''));
    },
  };
}

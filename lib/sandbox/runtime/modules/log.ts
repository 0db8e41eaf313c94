/** `N/log` (and the `log` global): captured into the account's log, filtered by the deployment's log level. */
import type { ScriptEnv } from '../script-env';

const LEVELS = ['DEBUG', 'AUDIT', 'ERROR', 'EMERGENCY'];

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function createLogModule(env: ScriptEnv): Record<string, unknown> {
  const threshold = Math.max(0, LEVELS.indexOf(env.deployment.logLevel));
  const write = (level: string) => (titleOrOptions: unknown, details?: unknown) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const o =
      titleOrOptions && typeof titleOrOptions === 'object' && ('title' in titleOrOptions || 'details' in titleOrOptions)
        ? (titleOrOptions as { title?: unknown; details?: unknown })
        : { title: titleOrOptions, details };
    // NetSuite keeps 99 characters of a title and 3,999 of the details.
    env.services.log({
      at: new Date(env.services.clock.now()).toISOString(),
      script: env.script.id,
      deployment: env.deployment.id,
      level,
      title: text(o.title).slice(0, 99),
      details: text(o.details).slice(0, 3999),
    });
  };
  return { debug: write('DEBUG'), audit: write('AUDIT'), error: write('ERROR'), emergency: write('EMERGENCY') };
}

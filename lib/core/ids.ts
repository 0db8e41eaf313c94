/**
 * SDF object ids the bundle, the sandbox, the tests and the benchmarks share
 * (docs/configuration.md#netsuite-objects). Declared once here; src/Objects declares the same ids
 * (checked by test/unit/objects.test.ts).
 */

export const SCRIPT = {
  userEvent: 'customscript_suitehooks_employee_ue',
  retry: 'customscript_suitehooks_retry_ss',
  console: 'customscript_suitehooks_console',
  /** Drops the cached endpoint configuration when an endpoint record changes. */
  endpointUserEvent: 'customscript_suitehooks_endpoint_ue',
} as const;

export const DEPLOYMENT = {
  userEvent: 'customdeploy_suitehooks_employee_ue',
  /** The retry script's Scheduled deployment (every 15 minutes): finds due work and starts the worker. */
  retryTimer: 'customdeploy_suitehooks_retry_ss',
  /** The retry script's Not Scheduled deployment: the only one that sends; started on demand by N/task. */
  retryWorker: 'customdeploy_suitehooks_retry_worker',
  console: 'customdeploy_suitehooks_console',
  endpointUserEvent: 'customdeploy_suitehooks_endpoint_ue',
} as const;

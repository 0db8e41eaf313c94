/**
 * Scheduled script with two deployments (lib/core/ids.ts): the timer (Scheduled, every 15 minutes)
 * starts the worker when something is due; the worker (Not Scheduled, started on demand) sends due
 * deliveries, each attempt signed afresh with the same event id, and starts itself again while a
 * backlog remains. Any other deployment of this script behaves as a timer, so only one deployment
 * ever sends.
 */
import * as logger from 'N/log';
import * as runtime from 'N/runtime';
import { DEPLOYMENT } from '../../core/ids';
import { errorCode } from '../errors';
import { runTimer } from '../retry-timer';
import { runWorker } from '../retry-worker';

export function execute(): void {
  const worker = runtime.getCurrentScript().deploymentId === DEPLOYMENT.retryWorker;
  try {
    if (worker) runWorker();
    else runTimer();
  } catch (e) {
    logger.error({ title: 'suitehooks retry', details: `run failed: ${errorCode(e)}` });
  }
}

/** Starting the retry worker (the Not Scheduled deployment) on demand through N/task: 20 units. */
import * as logger from 'N/log';
import * as task from 'N/task';
import { DEPLOYMENT, SCRIPT } from '../core/ids';
import { errorCode } from './errors';

/**
 * Queues the worker. NetSuite starts it only because its deployment is Not Scheduled, and never runs
 * two instances of one deployment: while it is queued or running a submit fails, and a run that
 * resubmits itself is queued behind itself (section_460871520995). Returns whether it was queued.
 */
export function startWorker(title: string, why: string): boolean {
  try {
    task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId: SCRIPT.retry, deploymentId: DEPLOYMENT.retryWorker }).submit();
    logger.audit({ title, details: `worker started: ${why}` });
    return true;
  } catch (e) {
    // Typically already queued or running: that run (or the next timer run) takes the rest.
    logger.audit({ title, details: `worker not started (${errorCode(e)}): ${why}` });
    return false;
  }
}

/** Starting the retry worker (the Not Scheduled deployment) on demand through N/task: 20 units. */
import * as logger from 'N/log';
import * as task from 'N/task';
import { DEPLOYMENT, SCRIPT } from '../core/ids';
import { errorCode } from './errors';

/** Queued (with the task id), already queued or running (`busy`), or refused for another reason. */
export type WorkerStart =
  { kind: 'queued'; taskId: string } | { kind: 'busy'; code: string } | { kind: 'failed'; code: string };

/** NetSuite's refusal while the deployment is queued or running (section_460871520995). */
const BUSY = 'FAILED_TO_SUBMIT_JOB_REQUEST_1';

/**
 * Queues the worker. NetSuite starts it only because its deployment is Not Scheduled, and never runs
 * two instances of one deployment: while it is queued or running a submit fails, and a run that
 * resubmits itself is queued behind itself (section_460871520995).
 */
export function startWorker(title: string, why: string): WorkerStart {
  try {
    const taskId = task
      .create({
        taskType: task.TaskType.SCHEDULED_SCRIPT,
        scriptId: SCRIPT.retry,
        deploymentId: DEPLOYMENT.retryWorker,
      })
      .submit();
    logger.audit({ title, details: `worker started: ${why}` });
    return { kind: 'queued', taskId: String(taskId) };
  } catch (e) {
    // Typically already queued or running: that run (or the next timer run) takes the rest.
    const code = errorCode(e);
    logger.audit({ title, details: `worker not started (${code}): ${why}` });
    return code === BUSY ? { kind: 'busy', code } : { kind: 'failed', code };
  }
}

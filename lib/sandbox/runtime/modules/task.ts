/**
 * `N/task`: scheduled script tasks. `submit()` costs 20 units and queues the deployment; submitting a
 * deployment that is already queued (or running, unless it is the running script rescheduling itself)
 * fails with FAILED_TO_SUBMIT_JOB_REQUEST_1, as in NetSuite.
 */
import { UNIT_COST } from '../../../core/governance';
import { requireRolePermission } from '../../account/permissions';
import { SuiteScriptError } from '../errors';
import type { ScriptEnv } from '../script-env';

const TASK_TYPE = Object.freeze({
  SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT',
  MAP_REDUCE: 'MAP_REDUCE',
  CSV_IMPORT: 'CSV_IMPORT',
  SEARCH: 'SEARCH',
  QUERY: 'QUERY',
});
const TASK_STATUS = Object.freeze({
  PENDING: 'PENDING',
  PROCESSING: 'PROCESSING',
  COMPLETE: 'COMPLETE',
  FAILED: 'FAILED',
});

export function createTaskModule(env: ScriptEnv): Record<string, unknown> {
  const create = (o: unknown) => {
    const options = (o ?? {}) as { taskType?: unknown; scriptId?: unknown; deploymentId?: unknown; params?: unknown };
    if (options.taskType !== TASK_TYPE.SCHEDULED_SCRIPT)
      throw env.raise(
        'SSS_INVALID_TASK_TYPE',
        `The sandbox runs scheduled script tasks only (got ${String(options.taskType)}).`,
      );
    const task = {
      taskType: options.taskType,
      scriptId: options.scriptId as string | undefined,
      deploymentId: options.deploymentId as string | undefined,
      params: options.params ?? null,
      submit() {
        env.governance.charge(UNIT_COST.taskSubmit);
        requireRolePermission(env, 'SUITESCRIPT_SCHEDULING'); // section_460871520995
        const scriptId = String(task.scriptId ?? '').toLowerCase();
        const deploymentId = String(task.deploymentId ?? '').toLowerCase();
        try {
          const params =
            task.params && typeof task.params === 'object' ? (task.params as Record<string, unknown>) : null;
          return `SCHEDSCRIPT_${env.services.submitTask(scriptId, deploymentId, env.taskId, params)}`;
        } catch (e) {
          if (e instanceof SuiteScriptError) throw env.raise(e.name, e.message);
          throw e;
        }
      },
    };
    return task;
  };
  const checkStatus = (o: unknown) => {
    const id = Number(String((o as { taskId?: unknown })?.taskId ?? '').replace(/^SCHEDSCRIPT_/, ''));
    const status = env.services.taskStatus(id);
    if (!status) throw env.raise('SSS_INVALID_TASK_ID', 'The task id is not valid.');
    return { taskId: `SCHEDSCRIPT_${id}`, status };
  };
  return { create, checkStatus, TaskType: TASK_TYPE, TaskStatus: TASK_STATUS };
}

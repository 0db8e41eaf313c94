/**
 * The scheduled script queue, shared by every thread through the database, with NetSuite's rules
 * (section_460871520995, section_1508948669):
 * - on demand (N/task, "Save and Execute") only a deployed Not Scheduled deployment starts; a Scheduled
 *   one is queued by its schedule alone;
 * - one deployment has at most one unfinished task: a submit while it is queued or running fails with
 *   FAILED_TO_SUBMIT_JOB_REQUEST_1, except the running instance queuing its own next run, which waits
 *   until that run ends;
 * - one deployment never runs twice at once; different deployments (of one script or not) can.
 */
import { SuiteScriptError } from '../runtime/errors';
import type { Db } from '../account/store';

export type Invocation = 'SCHEDULED' | 'ONDEMAND';

export interface QueuedTask {
  id: number;
  script: string;
  deployment: string;
  invocation: Invocation;
  /** Parameter values for this run only (N/task `params`). */
  params: Record<string, string>;
}

function refuse(message: string): never {
  throw new SuiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Failed to submit job request: ${message}`);
}

/** The deployment's status must fit how the task is started. */
function checkStatus(db: Db, deployment: string, invocation: Invocation): void {
  const row = db.prepare('SELECT status, isdeployed FROM scriptdeployment WHERE scriptid = ?').get(deployment) as
    { status: string; isdeployed: string } | undefined;
  if (!row) refuse(`there is no deployment ${deployment}.`);
  if (row.isdeployed !== 'T') refuse(`the deployment ${deployment} is not deployed.`);
  const wanted = invocation === 'ONDEMAND' ? 'NOTSCHEDULED' : 'SCHEDULED';
  if (row.status !== wanted) {
    refuse(
      invocation === 'ONDEMAND'
        ? `the deployment ${deployment} has status ${row.status}; only a Not Scheduled deployment can be started on demand.`
        : `the deployment ${deployment} has status ${row.status}; only a Scheduled deployment runs on its schedule.`,
    );
  }
}

export function submitTask(
  db: Db,
  task: {
    script: string;
    deployment: string;
    invocation: Invocation;
    params?: Record<string, unknown> | null | undefined;
  },
  submitterTaskId: number | null,
  now: string,
): number {
  return db
    .transaction(() => {
      checkStatus(db, task.deployment, task.invocation);
      const busy = db
        .prepare(`SELECT id, status FROM sandbox_task WHERE deployment = ? AND status IN ('PENDING', 'PROCESSING')`)
        .all(task.deployment) as { id: number; status: string }[];
      if (busy.some((t) => t.status === 'PENDING' || t.id !== submitterTaskId))
        refuse(`the deployment ${task.deployment} is already queued or running.`);
      const params = Object.fromEntries(
        Object.entries(task.params ?? {}).map(([k, v]) => [
          k.toLowerCase(),
          v === true ? 'T' : v === false ? 'F' : String(v),
        ]),
      );
      return Number(
        db
          .prepare(
            `INSERT INTO sandbox_task (script, deployment, status, invocation, params, submitted) VALUES (?, ?, 'PENDING', ?, ?, ?)`,
          )
          .run(task.script, task.deployment, task.invocation, JSON.stringify(params), now).lastInsertRowid,
      );
    })
    .immediate();
}

/**
 * Takes the oldest queued task whose deployment is not running and marks it PROCESSING, in one
 * transaction: however many threads ask at once, a deployment never gets a second running task.
 */
export function claimNextTask(db: Db, now: string): QueuedTask | null {
  return db
    .transaction(() => {
      const row = db
        .prepare(
          `SELECT id, script, deployment, invocation, params FROM sandbox_task t WHERE status = 'PENDING'
        AND NOT EXISTS (SELECT 1 FROM sandbox_task r WHERE r.deployment = t.deployment AND r.status = 'PROCESSING') ORDER BY id LIMIT 1`,
        )
        .get() as
        { id: number; script: string; deployment: string; invocation: Invocation; params: string | null } | undefined;
      if (!row) return null;
      db.prepare(`UPDATE sandbox_task SET status = 'PROCESSING', started = ? WHERE id = ?`).run(now, row.id);
      return { ...row, params: row.params ? (JSON.parse(row.params) as Record<string, string>) : {} };
    })
    .immediate();
}

export function taskStatus(db: Db, id: number): string | null {
  return (db.prepare('SELECT status FROM sandbox_task WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

export function finishTask(
  db: Db,
  id: number,
  status: 'COMPLETE' | 'FAILED',
  now: string,
  error: string | null = null,
): void {
  db.prepare('UPDATE sandbox_task SET status = ?, finished = ?, error = ? WHERE id = ?').run(status, now, error, id);
}

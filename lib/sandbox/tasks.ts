/**
 * The scheduled script queue, shared by every thread through the database. One instance of a
 * deployment may be queued at a time; submitting it again while it is queued, or while it runs (unless
 * the running instance queues its own next run), fails with FAILED_TO_SUBMIT_JOB_REQUEST_1.
 */
import { SuiteScriptError } from './errors';
import type { Db } from './store';

export type Invocation = 'SCHEDULED' | 'ONDEMAND';

export interface QueuedTask {
  id: number;
  script: string;
  deployment: string;
  invocation: Invocation;
  /** Parameter values for this run only (N/task `params`). */
  params: Record<string, string>;
}

export function submitTask(db: Db, task: { script: string; deployment: string; invocation: Invocation; params?: Record<string, unknown> | null }, submitterTaskId: number | null, now: string): number {
  return db.transaction(() => {
    const busy = db.prepare(`SELECT id, status FROM sandbox_task WHERE deployment = ? AND status IN ('PENDING', 'PROCESSING')`).all(task.deployment) as { id: number; status: string }[];
    if (busy.some((t) => t.status === 'PENDING' || t.id !== submitterTaskId)) {
      throw new SuiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Failed to submit job request: the deployment ${task.deployment} is already queued or running.`);
    }
    const params = Object.fromEntries(Object.entries(task.params ?? {}).map(([k, v]) => [k.toLowerCase(), v === true ? 'T' : v === false ? 'F' : String(v)]));
    return Number(
      db.prepare(`INSERT INTO sandbox_task (script, deployment, status, invocation, params, submitted) VALUES (?, ?, 'PENDING', ?, ?, ?)`)
        .run(task.script, task.deployment, task.invocation, JSON.stringify(params), now).lastInsertRowid,
    );
  }).immediate();
}

export function nextQueued(db: Db): QueuedTask | null {
  const row = db.prepare(`SELECT id, script, deployment, invocation, params FROM sandbox_task WHERE status = 'PENDING' ORDER BY id LIMIT 1`).get() as
    | { id: number; script: string; deployment: string; invocation: Invocation; params: string | null }
    | undefined;
  return row ? { ...row, params: row.params ? (JSON.parse(row.params) as Record<string, string>) : {} } : null;
}

export function taskStatus(db: Db, id: number): string | null {
  return (db.prepare('SELECT status FROM sandbox_task WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

export function markTask(db: Db, id: number, status: 'PROCESSING' | 'COMPLETE' | 'FAILED', now: string, error: string | null = null): void {
  if (status === 'PROCESSING') db.prepare(`UPDATE sandbox_task SET status = ?, started = ? WHERE id = ?`).run(status, now, id);
  else db.prepare('UPDATE sandbox_task SET status = ?, finished = ?, error = ? WHERE id = ?').run(status, now, error, id);
}

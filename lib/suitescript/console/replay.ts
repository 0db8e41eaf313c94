/**
 * Replay: a dead (or pending) delivery goes back to pending with a full retry schedule (attempts 0, Next
 * Attempt empty: due now, as the worker reads it), keeping its webhook-id, body and body length; the
 * worker signs it afresh when it sends it. Then the retry worker deployment is started at once
 * (worker-task.ts; it is Not Scheduled, so a submit starts it).
 */
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import { DELIVERY_RECORD, DELIVERY_STATUS, queuedState } from '../../core/delivery-record';
import { RECORD_UNITS, UNIT_COST } from '../../core/governance';
import { DEPLOYMENT } from '../../core/ids';
import { stateValues } from '../delivery-values';
import { startWorker, type WorkerStart } from '../worker-task';
import { deniedText } from './format';
import { deadBatch, deadCount, statusesOf } from './outbox-sql';
import { count, rows } from './suiteql';

/** A submitFields on a custom record. */
const REPLAY_UNITS = RECORD_UNITS.submitFields.custom;
/** Kept for starting the worker (task submit 20) and as much again as a margin. */
const RESERVE_UNITS = 2 * UNIT_COST.taskSubmit;
/** Dead deliveries replayed per request: 20 + 400 × 2 + 20 units, within a Suitelet's 1,000. */
export const DEAD_BATCH = 400;

export interface ReplayResult {
  replayed: string[];
  /** Not replayed, with the reason (delivered, not found, out of governance). */
  skipped: { id: string; reason: string }[];
}

/** 2 units per delivery. Stops before governance runs out; what is left is reported, never lost. */
function reset(ids: readonly string[], result: ReplayResult): void {
  const script = runtime.getCurrentScript();
  // Status, attempts, Next Attempt (empty), last HTTP status and error: never the body or its length.
  const values = stateValues(queuedState(''));
  for (const [i, id] of ids.entries()) {
    if (script.getRemainingUsage() < REPLAY_UNITS + RESERVE_UNITS) {
      for (const rest of ids.slice(i))
        result.skipped.push({ id: rest, reason: 'not replayed: this request ran out of governance, submit again' });
      return;
    }
    try {
      record.submitFields({
        type: DELIVERY_RECORD,
        id,
        values,
        options: { enableSourcing: false, ignoreMandatoryFields: true },
      });
    } catch (e) {
      // Typically a role with View but not Edit on the delivery record: nothing more can be replayed.
      const reason = `not replayed: ${deniedText(e).replace('not visible to', 'not allowed for')}`;
      for (const rest of ids.slice(i)) result.skipped.push({ id: rest, reason });
      return;
    }
    result.replayed.push(id);
  }
}

/** Selected deliveries (at most a page): dead and pending ones are replayed, delivered ones are not. */
export function replaySelected(ids: readonly number[]): ReplayResult {
  const result: ReplayResult = { replayed: [], skipped: [] };
  if (ids.length === 0) return result;
  const status = new Map(rows(statusesOf(ids)).map((r) => [String(r.id), String(r.status ?? '')]));
  const due: string[] = [];
  for (const id of ids.map(String)) {
    const s = status.get(id);
    if (s === undefined) result.skipped.push({ id, reason: 'no such delivery' });
    else if (s === DELIVERY_STATUS.delivered)
      result.skipped.push({ id, reason: 'already delivered (receivers ignore a webhook-id they have)' });
    else due.push(id);
  }
  reset(due, result);
  return result;
}

/** The oldest dead deliveries, up to a batch; `remaining` is how many are still dead afterwards. */
export function replayDeadBatch(): ReplayResult & { remaining: number } {
  const result: ReplayResult = { replayed: [], skipped: [] };
  reset(
    rows(deadBatch(DEAD_BATCH)).map((r) => String(r.id)),
    result,
  );
  return { ...result, remaining: count(deadCount()) };
}

/** 20 units: the worker sends what was replayed. A worker already queued or running is said so. */
export function startReplayWorker(): WorkerStart {
  return startWorker('suitehooks console', 'deliveries replayed');
}

export function describeStart(start: WorkerStart): string {
  switch (start.kind) {
    case 'queued':
      return `The retry worker (${DEPLOYMENT.retryWorker}) was started (task ${start.taskId}): it sends the replayed deliveries, signed afresh, as soon as it runs.`;
    case 'busy':
      return `The retry worker is already queued or running (${start.code}): a queued run sends them; if a running one has passed them, the timer's next run (within 15 minutes) starts it again.`;
    case 'failed':
      return start.code === 'INSUFFICIENT_PERMISSION'
        ? `The retry worker was not started: starting it needs the SuiteScript Scheduling permission, which your role does not have. The deliveries are pending and go out when the timer next starts it (within 15 minutes).`
        : `The retry worker could not be started (${start.code}); the deliveries are pending and go out when the timer next starts it (within 15 minutes).`;
  }
}

/** A script worker thread: one Engine on its own connection, running the jobs the account sends. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { NetSuiteError } from '../account/account-types';
import { loadProject } from '../sdf/deploy';
import { Engine } from '../runtime/engine';
import { describeError } from '../runtime/errors';
import { syncHttpClient, type HttpLimits } from './sync-http';
import type { Job, JobError, WorkerInit } from './protocol';

if (!parentPort) throw new Error('worker.ts runs as a worker thread of the account (workers/pool.ts)');
const parent = parentPort;
const init = workerData as WorkerInit;
const flag = new Int32Array(init.httpFlag);
const port = init.httpPort as MessagePort;
const limits: HttpLimits = init.limits;
const engine = new Engine(
  {
    accountId: init.accountId,
    timeZone: init.timeZone,
    emptyValuesFirst: init.emptyValuesFirst,
    dbPath: init.dbPath,
    clockBuffer: init.clockBuffer,
    scriptTimeoutMs: init.scriptTimeoutMs,
    plainHttpHosts: init.plainHttpHosts,
    http: syncHttpClient(port, flag, limits),
    onLog: (entry) => parent.postMessage({ kind: 'log', entry }),
  },
  init.projectDir ? loadProject(init.projectDir) : null,
);

function run(job: Job): unknown {
  switch (job.kind) {
    case 'write':
      return engine.writeCanonical(job.op, job.id, job.write, job.origin, job.userEvents ?? true, job.recordType);
    case 'delete':
      engine.remove(job.id, job.origin, false, job.recordType);
      return null;
    case 'task':
      return engine.runTask(job.taskId);
    case 'customWrite':
      return engine.writeCustom(job.type, job.id, job.values, job.origin);
    case 'suitelet':
      return engine.runSuitelet(job.scriptId, job.deploymentId, job.request, job.origin);
  }
}

function asError(e: unknown): JobError {
  if (e instanceof NetSuiteError)
    return { netsuite: { status: e.status, code: e.code, detail: e.detail, errorPath: e.errorPath, source: e.source } };
  return { error: describeError(e) };
}

parent.on('message', (message: { job: Job }) => {
  try {
    parent.postMessage({ kind: 'result', ok: true, value: run(message.job) });
  } catch (e) {
    parent.postMessage({ kind: 'result', ok: false, error: asError(e) });
  }
});
parent.postMessage({ kind: 'ready' });

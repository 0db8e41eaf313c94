/**
 * The account's script workers. Jobs (writes that fire user events, scheduled runs) go to a free worker,
 * so several REST writes run their scripts at once, and each worker's blocking HTTP is served by the main
 * thread (sync-http.ts). Under ts-jest the worker loads its TypeScript through esbuild.
 */
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { NetSuiteError } from '../account/account-types';
import { Clock } from '../account/clock';
import type { LogEntry } from '../runtime/script-env';
import { serveSyncHttp, type HttpLimits } from './sync-http';
import type { Job, JobError, WorkerInit } from './protocol';

interface Settle {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** The job it runs, if any. */
  current: Settle | null;
  /** The thread ended (crashed or terminated): it takes no more jobs. */
  dead: boolean;
}

/** How to start a module in a thread or process: the built .js as is, or the .ts source through esbuild (tests). */
export function workerScript(entry: string): { code: string; eval: boolean } {
  if (!entry.endsWith('.ts')) return { code: entry, eval: false };
  const esbuild = require.resolve('esbuild');
  return {
    eval: true,
    code: `const fs = require('fs'); const esbuild = require(${JSON.stringify(esbuild)});
require.extensions['.ts'] = (m, file) => m._compile(esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: file, sourcemap: 'inline' }).code, file);
require(${JSON.stringify(entry)});`,
  };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: Job; settle: Settle }[] = [];
  private closed = false;

  constructor(
    size: number,
    init: Omit<WorkerInit, 'httpFlag' | 'httpPort'>,
    limits: () => HttpLimits,
    onLog: (entry: LogEntry) => void,
  ) {
    const entry = path.join(__dirname, `worker${path.extname(__filename)}`);
    const script = workerScript(entry);
    const clock = new Clock(init.clockBuffer); // the account's: N/https counts request time on it
    for (let i = 0; i < size; i++) {
      const { port1, port2 } = new MessageChannel();
      const flag = new SharedArrayBuffer(4);
      serveSyncHttp(port1, new Int32Array(flag), limits, clock);
      const worker = new Worker(script.code, {
        eval: script.eval,
        workerData: { ...init, httpFlag: flag, httpPort: port2 },
        transferList: [port2],
      });
      let markReady!: () => void;
      let failReady!: (e: Error) => void;
      const slot: Slot = {
        worker,
        current: null,
        dead: false,
        ready: new Promise<void>((res, rej) => ((markReady = res), (failReady = rej))),
      };
      slot.ready.catch(() => undefined);
      const finish = (settle: (s: Settle) => void) => {
        const current = slot.current;
        slot.current = null;
        if (current) settle(current);
        this.pump();
      };
      worker.on('message', (m: { kind: string; ok?: boolean; value?: unknown; error?: JobError; entry?: LogEntry }) => {
        if (m.kind === 'ready') markReady();
        else if (m.kind === 'log' && m.entry) onLog(m.entry);
        else if (m.kind === 'result')
          finish((s) =>
            m.ok
              ? s.resolve(m.value)
              : s.reject(
                  m.error ? rebuild(m.error) : new Error('the script worker reported a failure without its error'),
                ),
          );
      });
      worker.on('error', (e) => {
        failReady(e);
        finish((s) => s.reject(e));
      });
      worker.on('exit', () => {
        slot.dead = true;
        failReady(new Error('script worker stopped'));
        finish((s) => s.reject(new Error('the account was closed while a script ran')));
      });
      this.slots.push(slot);
    }
  }

  /** How many script workers the pool has (jobs that can run at once). */
  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker has loaded the project; rejects with the first load error. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  run<T>(job: Job): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the account is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, settle: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    if (this.slots.every((s) => s.dead)) {
      for (const { settle } of this.queue.splice(0)) settle.reject(new Error('no script worker is running'));
      return;
    }
    for (const slot of this.slots) {
      if (this.closed || slot.dead || slot.current) continue;
      const next = this.queue.shift();
      if (!next) break;
      const { job, settle } = next;
      slot.current = settle;
      void slot.ready.then(
        () => slot.worker.postMessage({ job }),
        (e: unknown) => settle.reject(e),
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const { settle } of this.queue.splice(0)) settle.reject(new Error('the account is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function rebuild(e: JobError): Error {
  if ('netsuite' in e)
    return new NetSuiteError(
      e.netsuite.status,
      e.netsuite.code,
      e.netsuite.detail,
      e.netsuite.errorPath,
      e.netsuite.source,
    );
  const err = new Error(e.error.message);
  err.name = e.error.name;
  return err;
}

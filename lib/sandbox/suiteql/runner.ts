/**
 * Runs REST SuiteQL queries in child processes with a time bound. A query still running when its time
 * is up has its process ended (the only way to stop a synchronous SQLite query) and is answered with a
 * NetSuite-shaped error; a fresh process takes the next query. NetSuite ends any REST request after 15
 * minutes (subsect_1559222360) and documents no SuiteQL bound of its own; the sandbox's is far shorter
 * (30 s by default) so a runaway query fails fast (FIDELITY.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { NetSuiteError, type SuiteQLPage } from '../account/account-types';
import { workerScript } from '../workers/pool';

export interface SuiteQLInit {
  dbPath: string;
  timeZone: string;
  selectColumns: [string, string][];
  heapLimitBytes: number;
}

export interface SuiteQLRequest {
  id: number;
  query: string;
  params: unknown[];
  limit: number;
  offset: number;
  /** The tables the caller's role may read; null: every record table. */
  readable: string[] | null;
  /** The account clock when the request was made: SYSDATE. */
  now: number;
}

export type SuiteQLReply =
  | { id: number; ok: true; text: string }
  | { id: number; ok: false; error: { status: number; code: string; detail: string } };

export interface SuiteQLRunnerOptions {
  init: () => SuiteQLInit;
  timeoutMs: number;
  now: () => number;
  /** Queries that may run at once (one process each). */
  maxProcesses: number;
}

interface Job {
  request: Omit<SuiteQLRequest, 'id' | 'now'>;
  resolve(page: SuiteQLPage): void;
  reject(err: Error): void;
}

interface Child {
  proc: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
  /** Settles the job it runs when the process ends early. */
  onExit: ((why: string) => void) | null;
}

const cancelled = (why: string) =>
  new NetSuiteError(
    400,
    'INVALID_PARAMETER',
    `Invalid search query. Detailed unprocessed description follows. The query was cancelled: ${why}.`,
  );

export class SuiteQLRunner {
  private readonly idle: Child[] = [];
  private readonly children = new Set<Child>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: SuiteQLRunnerOptions) {}

  run(
    query: string,
    params: readonly unknown[],
    limit: number,
    offset: number,
    readable: string[] | null = null,
  ): Promise<SuiteQLPage> {
    if (this.closed) return Promise.reject(new Error('the account is closed'));
    return new Promise<SuiteQLPage>((resolve, reject) => {
      this.queue.push({ request: { query, params: [...params], limit, offset, readable }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (
      !this.closed &&
      this.queue.length > 0 &&
      (this.idle.length > 0 || this.children.size < this.options.maxProcesses)
    ) {
      const request = this.queue.shift();
      if (!request) return;
      void this.dispatch(this.idle.pop() ?? this.spawn(), request);
    }
  }

  private spawn(): Child {
    const entry = path.join(__dirname, `query-process${path.extname(__filename)}`);
    const script = workerScript(entry);
    const args = ['--max-old-space-size=256', ...(script.eval ? ['-e', script.code] : [script.code])];
    // Its stderr is kept only to explain a process that does not start (a query that runs out of memory
    // ends it with V8's report, which is noise here: the query's caller gets the error).
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const child: Child = { proc, ready: Promise.resolve(), exited: Promise.resolve(), onExit: null };
    let ending = '';
    child.exited = new Promise<void>((resolve) => {
      proc.once('exit', (code, signal) => {
        ending = `exit code ${String(code)}, signal ${String(signal)}`;
        resolve();
      });
      // Send or kill failures surface as 'error' too; only a process that never started ends here.
      proc.on('error', () => proc.pid === undefined && resolve());
    });
    child.ready = new Promise<void>((resolve, reject) => {
      proc.once('message', () => resolve());
      void child.exited.then(() =>
        reject(new Error(`the SuiteQL process did not start (${ending || 'spawn failed'}): ${stderr.trim()}`)),
      );
    });
    child.ready.catch(() => undefined);
    void child.exited.then(() => {
      this.children.delete(child);
      const i = this.idle.indexOf(child);
      if (i >= 0) this.idle.splice(i, 1);
      child.onExit?.('its process ended (it may have used more memory than the sandbox allows)');
      this.pump();
    });
    proc.send({ kind: 'init', init: this.options.init() });
    this.children.add(child);
    return child;
  }

  private async dispatch(child: Child, job: Job): Promise<void> {
    try {
      await child.ready;
    } catch (e) {
      job.reject(this.closed ? new Error('the account is closed') : (e as Error));
      return;
    }
    const id = this.nextId++;
    let timer: NodeJS.Timeout | null = null;
    const settle = (finish: () => void) => {
      if (timer) clearTimeout(timer);
      child.proc.off('message', onMessage);
      child.onExit = null;
      finish();
    };
    const onMessage = (reply: SuiteQLReply) => {
      if (reply.id !== id) return;
      settle(() =>
        reply.ok
          ? job.resolve(JSON.parse(reply.text) as SuiteQLPage)
          : job.reject(new NetSuiteError(reply.error.status, reply.error.code, reply.error.detail)),
      );
      this.idle.push(child);
      this.pump();
    };
    child.onExit = (why) => settle(() => job.reject(cancelled(why)));
    child.proc.on('message', onMessage);
    timer = setTimeout(() => {
      settle(() => job.reject(cancelled(`it ran longer than the sandbox's limit of ${this.options.timeoutMs} ms`)));
      child.proc.kill('SIGKILL');
    }, this.options.timeoutMs);
    try {
      child.proc.send({ kind: 'query', request: { ...job.request, id, now: this.options.now() } });
    } catch {
      settle(() => job.reject(cancelled('its process ended')));
    }
  }

  /** Stops every process; queued and running queries fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the account is closed'));
    const all = [...this.children];
    for (const c of all) c.proc.kill('SIGKILL');
    await Promise.all(all.map((c) => c.exited));
  }
}

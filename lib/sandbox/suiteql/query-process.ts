/**
 * The process REST SuiteQL runs in (started by runner.ts). better-sqlite3 runs a query to its
 * end on the calling thread and nothing can interrupt it, so a query that never ends (a recursive CTE
 * counting for ever, a cross join of large tables) is stopped by ending this process; the REST API's
 * process keeps answering meanwhile. Reads only, on its own read-only connection.
 */
import Database from 'better-sqlite3';
import { NetSuiteError } from '../account/account-types';
import { badQuery, registerSuiteQLFunctions, runPage } from './query';
import type { Db } from '../account/store';
import type { SuiteQLInit, SuiteQLReply, SuiteQLRequest } from './runner';

/** A page bigger than this is refused rather than sent (1,000 rows of very long text). */
const MAX_PAGE_CHARS = 64 * 1024 * 1024;

let db: Db | null = null;
let init: SuiteQLInit | null = null;
let now = 0;

function open(options: SuiteQLInit): void {
  init = options;
  db = new Database(options.dbPath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  // SQLite's own allocations (long strings, sorts) are bounded too, not only the JS heap.
  db.pragma(`hard_heap_limit = ${Math.floor(options.heapLimitBytes)}`);
  registerSuiteQLFunctions(db, options.timeZone, () => now);
}

function run(request: SuiteQLRequest): SuiteQLReply {
  now = request.now;
  try {
    if (!db || !init) throw badQuery('the query process was sent a query before its init message');
    const page = runPage(db, request.query, request.params, request.limit, request.offset, {
      timeZone: init.timeZone,
      selectColumns: new Map(init.selectColumns),
      readableTables: request.readable,
    });
    const text = JSON.stringify(page);
    if (text.length > MAX_PAGE_CHARS)
      throw badQuery(`The page is larger than ${MAX_PAGE_CHARS} characters; select fewer or shorter columns.`);
    return { id: request.id, ok: true, text };
  } catch (e) {
    const err = e instanceof NetSuiteError ? e : badQuery((e as Error).message);
    return { id: request.id, ok: false, error: { status: err.status, code: err.code, detail: err.detail } };
  }
}

if (!process.send) throw new Error('query-process runs as a child process with an IPC channel (suiteql/runner.ts)');
const send = process.send.bind(process);

process.on('message', (message: { kind: 'init'; init: SuiteQLInit } | { kind: 'query'; request: SuiteQLRequest }) => {
  if (message.kind === 'init') {
    open(message.init);
    send({ kind: 'ready' });
  } else send(run(message.request));
});
// The account closed or its process died: nothing is left to answer.
process.on('disconnect', () => process.exit(0));

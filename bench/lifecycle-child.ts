/**
 * Item 5's caller process: runs lifecycle jobs sent by the parent (which holds the sandbox and its REST
 * server) and reports what the callers saw. Apart from the sandbox, the callers' CPU does not queue
 * behind the server's on one event loop: the figures show each library's own overhead.
 */
import type { DevClientCredentials } from '../lib/sandbox/rest/credentials';
import { callerLoop, driverFor, type CallerReport, type Driver, type DriverKind } from './lifecycle-drivers';

export interface CallerJob {
  kind: DriverKind;
  url: string;
  accountId: string;
  creds: DevClientCredentials;
  limit: number;
  employees: number;
  lanes: number;
  prefix: string;
}

export type CallerAnswer = { ok: true; report: CallerReport } | { ok: false; error: string };

// One driver per kind and origin for the life of the process: its client, token and connections stay warm.
const drivers = new Map<string, Driver>();

async function run(job: CallerJob): Promise<CallerReport> {
  const key = `${job.kind} ${job.url}`;
  let driver = drivers.get(key);
  if (!driver) drivers.set(key, (driver = driverFor(job.kind, job.url, job.accountId, job.creds, job.limit)));
  return callerLoop(driver, job.employees, job.lanes, job.prefix);
}

process.on('message', (job: CallerJob) => {
  run(job).then(
    (report) => process.send!({ ok: true, report } satisfies CallerAnswer),
    (err: unknown) =>
      process.send!({ ok: false, error: (err as Error)?.message ?? String(err) } satisfies CallerAnswer),
  );
});
process.on('disconnect', () => process.exit(0));

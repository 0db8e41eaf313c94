/**
 * Scheduled scripts with NetSuite's rules (section_460871520995, section_1508948669): a Scheduled
 * deployment runs on its recurrence and cannot be started on demand; a Not Scheduled one starts on
 * demand (N/task, with params); a submit while the deployment is queued or running fails with
 * FAILED_TO_SUBMIT_JOB_REQUEST_1 except a run queuing its own next one; one deployment never runs twice
 * at once, two deployments can.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { removeProject, suiteScript, writeProject } from './helpers';

const SS = (body: string) => suiteScript('ScheduledScript', body);
const EVERY_15 = `<recurrence><daily><everyxdays>1</everyxdays><repeat>PT15M</repeat><startdate>2020-01-01</startdate><starttime>00:00:00Z</starttime></daily></recurrence>`;

function failure(fn: () => unknown): { name?: string; message?: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e as Error;
  }
}

describe('on a schedule and on demand', () => {
  let account: SandboxAccount;
  let dir: string;

  beforeAll(async () => {
    dir = writeProject([
      {
        id: 'tick_ss',
        type: 'scheduledscript',
        status: 'SCHEDULED',
        deploymentXml: EVERY_15,
        source: SS(`define(['N/log', 'N/runtime'], function (log, runtime) { return { execute: function (ctx) {
  log.audit('tick', ctx.type + ' ' + runtime.getCurrentScript().getParameter({ name: 'custscript_tick_p' }));
} }; });`),
      },
      {
        id: 'demand_ss',
        type: 'scheduledscript',
        source:
          SS(`define(['N/log', 'N/runtime', 'N/task'], function (log, runtime, task) { return { execute: function (ctx) {
  var p = runtime.getCurrentScript().getParameter({ name: 'custscript_demand_p' });
  var started = null;
  if (p === 'start the ticker') {
    try { task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId: 'customscript_tick_ss', deploymentId: 'customdeploy_tick_ss' }).submit(); started = 'queued'; }
    catch (e) { started = e.name + ': ' + e.message; }
  }
  log.audit('demand', JSON.stringify({ type: ctx.type, p: p, started: started }));
} }; });`),
      },
      {
        id: 'self_ss',
        type: 'scheduledscript',
        source:
          SS(`define(['N/task', 'N/runtime', 'N/log', 'N/search', 'N/record'], function (task, runtime, log, search, record) {
  return { execute: function () {
    var s = runtime.getCurrentScript();
    var runs = search.create({ type: 'customrecord_sb_probe', filters: [] }).run().getRange({ start: 0, end: 10 }).length;
    if (runs > 0) return;
    var r = record.create({ type: 'customrecord_sb_probe' });
    r.setValue({ fieldId: 'custrecord_sb_event', value: 'ran' });
    r.save();
    var outcome = [];
    for (var i = 0; i < 2; i++) {
      try { outcome.push(task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, scriptId: s.id, deploymentId: s.deploymentId }).submit().slice(0, 12)); }
      catch (e) { outcome.push(e.name); }
    }
    log.audit('self', JSON.stringify({ outcome: outcome, remaining: s.getRemainingUsage() }));
  } };
});`),
      },
    ]);
    account = await SandboxAccount.create({ projectDir: dir, workers: 1 });
  });

  afterAll(async () => {
    await account?.close();
    removeProject(dir);
  });

  const last = (script: string) => account.logs({ script }).at(-1)!.details;

  test('a Scheduled deployment runs on its recurrence as the clock advances, once per due slot', async () => {
    const ticks = () => account.logs({ script: 'customscript_tick_ss' }).length;
    const start = ticks();
    await account.advance(16 * 60_000);
    expect(ticks()).toBe(start + 1);
    await account.runDue(); // nothing newly due
    expect(ticks()).toBe(start + 1);
    await account.advance(3 * 3_600_000); // twelve slots missed: one run, as NetSuite's scheduler
    expect(ticks()).toBe(start + 2);
    expect(last('customscript_tick_ss')).toBe('SCHEDULED null');
  });

  test('a Scheduled deployment cannot be started on demand, by N/task or by the account', async () => {
    await account.runScheduled('customscript_demand_ss', undefined, { custscript_demand_p: 'start the ticker' });
    const run = JSON.parse(last('customscript_demand_ss')) as { started: string | null };
    expect(run.started).toMatch(
      /^FAILED_TO_SUBMIT_JOB_REQUEST_1: .*status SCHEDULED; only a Not Scheduled deployment can be started on demand/,
    );
    const refused = failure(() => account.submitScheduled('customscript_tick_ss'));
    expect(refused?.name).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
    expect(refused?.message).toContain('only a Not Scheduled');
  });

  test('a Not Scheduled deployment runs on demand with parameters for that run (N/task params)', async () => {
    await account.runScheduled('customscript_demand_ss', undefined, { custscript_demand_p: 'hello' });
    expect(JSON.parse(last('customscript_demand_ss'))).toMatchObject({ type: 'ONDEMAND', p: 'hello', started: null });
  });

  test('a script may queue its own next run once; a second submit fails with FAILED_TO_SUBMIT_JOB_REQUEST_1', async () => {
    account.clock.advance(1);
    const runs = await account.runScheduled('customscript_self_ss');
    const first = JSON.parse(account.logs({ script: 'customscript_self_ss' })[0]!.details) as {
      outcome: string[];
      remaining: number;
    };
    expect(first.outcome).toEqual(['SCHEDSCRIPT_', 'FAILED_TO_SUBMIT_JOB_REQUEST_1']);
    expect(first.remaining).toBe(10_000 - 10 - 2 - 4 - 20 - 20); // getRange 10, create 2, save 4, two submits 20 each
    expect(runs).toHaveLength(2); // the run and the one it queued
    expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
  });

  test('submitting a deployment that is already queued fails', () => {
    account.submitScheduled('customscript_demand_ss');
    const refused = failure(() => account.submitScheduled('customscript_demand_ss'));
    expect(refused?.name).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
    expect(refused?.message).toContain('already queued');
  });
});

/**
 * A local http server that holds every request until two are open at once, then answers both: a run
 * whose request comes back 200 ran at the same time as another.
 */
async function meetingPoint(): Promise<{ url: string; maxOpen: () => number; reset(): void; close(): Promise<void> }> {
  const open: http.ServerResponse[] = [];
  let maxOpen = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    open.push(res);
    maxOpen = Math.max(maxOpen, open.length);
    res.on('close', () => open.splice(open.indexOf(res), 1));
    if (open.length >= 2) for (const r of [...open]) r.end('met');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/meet`,
    maxOpen: () => maxOpen,
    reset: () => void (maxOpen = 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('concurrency: one deployment never twice at once, two deployments together', () => {
  let account: SandboxAccount;
  let dir: string;
  let meet: Awaited<ReturnType<typeof meetingPoint>>;
  const MEETER = (id: string) => ({
    id,
    type: 'scheduledscript' as const,
    source:
      SS(`define(['N/https', 'N/log', 'N/runtime'], function (https, log, runtime) { return { execute: function () {
  var url = runtime.getCurrentScript().getParameter({ name: 'custscript_meet_url' });
  try { log.audit('met', String(https.get({ url: url }).code)); } catch (e) { log.audit('met', e.name); }
} }; });`),
  });

  beforeAll(async () => {
    meet = await meetingPoint();
    dir = writeProject([MEETER('meet_a_ss'), MEETER('meet_b_ss')]);
    account = await SandboxAccount.create({
      projectDir: dir,
      workers: 2,
      plainHttpHosts: ['127.0.0.1'],
      // A held request ends at this limit (NetSuite's is 45 s): it bounds the run, it decides nothing.
      http: { responseTimeoutMs: 500 },
      params: {
        customdeploy_meet_a_ss: { custscript_meet_url: meet.url },
        customdeploy_meet_b_ss: { custscript_meet_url: meet.url },
      },
    });
  });

  afterAll(async () => {
    await account?.close();
    await meet?.close();
    removeProject(dir);
  });

  const met = (script: string) => account.logs({ script }).map((l) => l.details);

  test('two deployments run at the same time: each request is answered because the other arrived', async () => {
    account.submitScheduled('customscript_meet_a_ss');
    account.submitScheduled('customscript_meet_b_ss');
    const runs = await account.runDue();
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE', 'COMPLETE']);
    expect(met('customscript_meet_a_ss')).toEqual(['200']);
    expect(met('customscript_meet_b_ss')).toEqual(['200']);
    expect(meet.maxOpen()).toBe(2);
  });

  test('two queued tasks of one deployment run one after the other, never together', async () => {
    // Two unfinished tasks of one deployment cannot be submitted; queue them behind NetSuite's back.
    const insert = account.db.prepare(
      `INSERT INTO sandbox_task (script, deployment, status, invocation, submitted) VALUES ('customscript_meet_a_ss', 'customdeploy_meet_a_ss', 'PENDING', 'ONDEMAND', ?)`,
    );
    for (let i = 0; i < 2; i++) insert.run(new Date(account.clock.now()).toISOString());
    meet.reset();
    const runs = await account.runDue();
    expect(runs.map((r) => r.status)).toEqual(['COMPLETE', 'COMPLETE']);
    // Alone, each request waited for a partner that never came, until N/https gave up.
    expect(met('customscript_meet_a_ss').slice(-2)).toEqual(['SSS_REQUEST_TIME_EXCEEDED', 'SSS_REQUEST_TIME_EXCEEDED']);
    expect(meet.maxOpen()).toBe(1);
    const rows = account.db
      .prepare(`SELECT status FROM sandbox_task WHERE deployment = 'customdeploy_meet_a_ss' ORDER BY id DESC LIMIT 2`)
      .pluck()
      .all();
    expect(rows).toEqual(['COMPLETE', 'COMPLETE']);
  });
});

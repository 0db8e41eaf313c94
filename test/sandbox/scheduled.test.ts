/**
 * Scheduled scripts on the account clock: deployments run on their recurrence and on demand, N/task
 * submits queue them, a second submit while one is queued (or running, from elsewhere) fails with
 * FAILED_TO_SUBMIT_JOB_REQUEST_1, and a running script may queue its own next run.
 */
import { SandboxAccount } from '../../lib/sandbox/account';
import { removeProject, suiteScript, writeProject } from './helpers';

const SS = (body: string) => suiteScript('ScheduledScript', body);
const EVERY_15 = `<recurrence><daily><everyxdays>1</everyxdays><repeat>PT15M</repeat><startdate>2020-01-01</startdate><starttime>00:00:00Z</starttime></daily></recurrence>`;

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
      id: 'self_ss',
      type: 'scheduledscript',
      source: SS(`define(['N/task', 'N/runtime', 'N/log', 'N/search', 'N/record'], function (task, runtime, log, search, record) {
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

test('a deployment runs on its recurrence as the clock advances, once per due slot', async () => {
  const ticks = () => account.logs({ script: 'customscript_tick_ss' }).length;
  const start = ticks();
  await account.advance(16 * 60_000);
  expect(ticks()).toBe(start + 1);
  await account.runDue(); // nothing newly due
  expect(ticks()).toBe(start + 1);
  await account.advance(3 * 3_600_000); // twelve slots missed: one run, as NetSuite's scheduler
  expect(ticks()).toBe(start + 2);
  expect(account.logs({ script: 'customscript_tick_ss' }).at(-1)!.details).toBe('SCHEDULED null');
});

test('on demand with parameters for that run (N/task params)', async () => {
  await account.runScheduled('customscript_tick_ss', undefined, { custscript_tick_p: 'hello' });
  expect(account.logs({ script: 'customscript_tick_ss' }).at(-1)!.details).toBe('ONDEMAND hello');
});

test('a script may reschedule itself once; a second submit fails with FAILED_TO_SUBMIT_JOB_REQUEST_1', async () => {
  account.clock.advance(1);
  const runs = await account.runScheduled('customscript_self_ss');
  const first = JSON.parse(account.logs({ script: 'customscript_self_ss' })[0]!.details);
  expect(first.outcome).toEqual(['SCHEDSCRIPT_', 'FAILED_TO_SUBMIT_JOB_REQUEST_1']);
  expect(first.remaining).toBe(10_000 - 10 - 2 - 4 - 20 - 20); // getRange 10, create 2, save 4, two submits 20 each
  expect(runs).toHaveLength(2); // the run and the one it queued
  expect(runs.every((r) => r.status === 'COMPLETE')).toBe(true);
});

test('submitting a deployment that is already queued fails', () => {
  account.submitScheduled('customscript_tick_ss');
  let error: unknown;
  try {
    account.submitScheduled('customscript_tick_ss');
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ name: 'FAILED_TO_SUBMIT_JOB_REQUEST_1', message: expect.stringContaining('already queued') });
});

/**
 * Time as NetSuite counts it, on the account clock: each script type's time limit (section_161591009480)
 * ends an execution with SSS_TIME_LIMIT_EXCEEDED and no later N/* call succeeds; N/https's 5 s connect and
 * 45 s answer limits (section_4567630582) against a receiver that answers late, hangs or is unreachable,
 * with no real waiting.
 */
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { TIME_LIMIT_SECONDS } from '../../lib/core/governance';
import { REST, removeProject, suiteScript, writeProject } from './helpers';

const ATTEMPT = `function attempt(f) { try { return f(); } catch (e) { return { error: e.name }; } }`;

/** Posts and records each post, until something stops it; then tries to log and write once more. */
const LOOP = `function loop(url, max) {
    try {
      for (var i = 0; i < max; i++) {
        https.post({ url: url, body: String(i) });
        var r = record.create({ type: 'customrecord_sb_probe' });
        r.setValue({ fieldId: 'custrecord_sb_event', value: 'sent ' + i });
        r.save();
      }
    } catch (e) {
      attempt(function () { log.audit('caught', e.name); });
      attempt(function () { var r = record.create({ type: 'customrecord_sb_probe' }); r.setValue({ fieldId: 'custrecord_sb_event', value: 'after' }); return r.save(); });
    }
  }`;

const LOOP_SS = suiteScript(
  'ScheduledScript',
  `define(['N/https', 'N/record', 'N/runtime', 'N/log'], function (https, record, runtime, log) {
  ${ATTEMPT}
  ${LOOP}
  return { execute: function () { loop(runtime.getCurrentScript().getParameter({ name: 'custscript_t_url' }), 1000); } };
});`,
);

const LOOP_UE = suiteScript(
  'UserEventScript',
  `define(['N/https', 'N/record', 'N/runtime', 'N/log'], function (https, record, runtime, log) {
  ${ATTEMPT}
  ${LOOP}
  return { afterSubmit: function () { loop(runtime.getCurrentScript().getParameter({ name: 'custscript_t_url' }), 20); } };
});`,
);

const TIMED_SS = suiteScript(
  'ScheduledScript',
  `define(['N/https', 'N/runtime', 'N/log'], function (https, runtime, log) {
  ${ATTEMPT}
  return { execute: function () {
    var url = runtime.getCurrentScript().getParameter({ name: 'custscript_t_url' });
    function timed() { var t = Date.now(); var r = attempt(function () { var a = https.post({ url: url, body: 'x' }); return { code: a.code, timing: a.headers['x-sandbox-account-time'] || null }; }); return { r: r, s: (Date.now() - t) / 1000 }; }
    var out = [];
    for (var i = 0; i < 4; i++) out.push(timed());
    log.audit('out', JSON.stringify(out));
  } };
});`,
);

let account: SandboxAccount;
let receiver: Receiver;
let dir: string;

beforeAll(async () => {
  receiver = await Receiver.start();
  dir = writeProject([
    { id: 'loop_ss', type: 'scheduledscript', source: LOOP_SS },
    {
      id: 'loop_ue',
      type: 'usereventscript',
      source: LOOP_UE,
      deploymentXml: '<executioncontext>WEBSERVICES</executioncontext>',
    },
    { id: 'timed_ss', type: 'scheduledscript', source: TIMED_SS },
  ]);
  const url = { custscript_t_url: receiver.url };
  account = await SandboxAccount.create({
    projectDir: dir,
    workers: 1,
    params: { customdeploy_loop_ss: url, customdeploy_loop_ue: url, customdeploy_timed_ss: url },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
  removeProject(dir);
});

beforeEach(() => {
  receiver.attempts.length = 0;
  receiver.setDefault({ kind: 'ok' });
});

function probes(): string[] {
  return account.customRecords('customrecord_sb_probe').map((r) => String(r.custrecord_sb_event));
}

test('a scheduled script is stopped at 3,600 s of account time, and nothing it calls afterwards succeeds', async () => {
  receiver.setDefault({ kind: 'delay', seconds: 40 });
  const before = account.now();
  const before_records = probes().length;
  const [run] = await account.runScheduled('customscript_loop_ss');
  const posts = Math.ceil(TIME_LIMIT_SECONDS.scheduled / 40); // the 90th post ends past 3,600 s
  expect(run).toMatchObject({ status: 'FAILED', error: 'SSS_TIME_LIMIT_EXCEEDED: Script Execution Time Exceeded' });
  expect(account.executions({ script: 'customscript_loop_ss' }).at(-1)).toMatchObject({
    ok: false,
    error: 'SSS_TIME_LIMIT_EXCEEDED: Script Execution Time Exceeded',
  });
  // The post in flight at the limit was received, but the script never saw its answer: one record fewer.
  expect(receiver.attempts).toHaveLength(posts);
  const written = probes().slice(before_records);
  expect(written).toHaveLength(posts - 1);
  expect(written).not.toContain('after');
  expect(account.logs({ script: 'customscript_loop_ss', level: 'AUDIT' })).toEqual([]);
  expect(account.now() - before).toBeGreaterThanOrEqual(posts * 40_000);
});

test('a user event is stopped at 300 s; the save it ran for is kept', async () => {
  receiver.setDefault({ kind: 'delay', seconds: 40 });
  const before_records = probes().length;
  await account.updateEmployee('5', { values: { title: 'Slow save' } }, { ...REST, executionContext: 'WEBSERVICES' });
  const posts = Math.ceil(TIME_LIMIT_SECONDS.userEvent / 40); // the 8th post ends past 300 s
  expect(account.executions({ script: 'customscript_loop_ue' }).at(-1)).toMatchObject({
    ok: false,
    error: 'SSS_TIME_LIMIT_EXCEEDED: Script Execution Time Exceeded',
  });
  expect(receiver.attempts).toHaveLength(posts);
  expect(probes().slice(before_records)).toHaveLength(posts - 1);
  expect(account.getEmployee('5')?.title).toBe('Slow save');
});

test('N/https on the account clock: late answers, a hanging receiver and an unreachable address', async () => {
  receiver.behave(
    { kind: 'delay', seconds: 8 },
    { kind: 'delay', seconds: 60 },
    { kind: 'hang' },
    { kind: 'blackhole' },
  );
  const started = Date.now();
  const [run] = await account.runScheduled('customscript_timed_ss');
  expect(run).toMatchObject({ status: 'COMPLETE' });
  const out = JSON.parse(account.logs({ script: 'customscript_timed_ss', level: 'AUDIT' }).at(-1)!.details) as {
    r: unknown;
    s: number;
  }[];
  const real = (Date.now() - started) / 1000;
  // Answered (unsigned, so 401) after 8 s of account time; the receiver's timing header never reaches a script.
  expect(out[0]!.r).toEqual({ code: 401, timing: null });
  expect(out[0]!.s).toBeGreaterThanOrEqual(8);
  expect(out[0]!.s).toBeLessThan(8 + real);
  // An answer after 60 s, and no answer at all: 45 s, then SSS_REQUEST_TIME_EXCEEDED.
  for (const late of [out[1]!, out[2]!]) {
    expect(late.r).toEqual({ error: 'SSS_REQUEST_TIME_EXCEEDED' });
    expect(late.s).toBeGreaterThanOrEqual(45);
    expect(late.s).toBeLessThan(45 + real);
  }
  // No connection: 5 s, then SSS_REQUEST_TIME_EXCEEDED, and the receiver never saw the request.
  expect(out[3]!.r).toEqual({ error: 'SSS_REQUEST_TIME_EXCEEDED' });
  expect(out[3]!.s).toBeGreaterThanOrEqual(5);
  expect(out[3]!.s).toBeLessThan(5 + real);
  // The late answer was received (a duplicate later, when the sender retries); the hang too; the blackhole not.
  expect(receiver.attempts.map((a) => a.status)).toEqual([401, 401, null]);
  expect(real).toBeLessThan(45); // no real waiting
});

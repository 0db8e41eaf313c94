/**
 * The N/* modules as scripts see them, run inside the sandbox: N/https (https only, trust, errors, plain
 * http only by opt-in), N/crypto with API Secrets, N/encode, N/search, N/query, N/record on custom
 * records and deployments, N/runtime; deployment filters; and no deadlock with an in-process receiver.
 */
import * as crypto from 'node:crypto';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { CSV, REST, UI, removeProject, suiteScript, writeProject } from './helpers';
import { RECORD_UNITS, UNIT_COST, USAGE_LIMIT } from '../../lib/core/governance';

const PROBE_SS = suiteScript(
  'ScheduledScript',
  `define(['N/https', 'N/crypto', 'N/encode', 'N/search', 'N/query', 'N/record', 'N/runtime', 'N/log'],
function (https, crypto, encode, search, query, record, runtime, log) {
  function attempt(f) { try { return f(); } catch (e) { return { error: e.name, message: e.message, isError: e instanceof Error }; } }
  return { execute: function () {
    var p = runtime.getCurrentScript().getParameter({ name: 'custscript_t_url' });
    var out = {};
    out.post = attempt(function () { var r = https.post({ url: p, body: 'hi', headers: { 'x-a': '1' } }); return { code: r.code, body: r.body }; });
    out.plain = attempt(function () { return https.get({ url: runtime.getCurrentScript().getParameter({ name: 'custscript_t_plain' }) }).code; });
    out.ftp = attempt(function () { return https.get({ url: 'ftp://example.com/' }).code; });
    out.refused = attempt(function () { return https.get({ url: 'https://127.0.0.1:1/' }).code; });
    out.hmac = attempt(function () {
      var h = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key: crypto.createSecretKey({ secret: 'custsecret_t', encoding: encode.Encoding.BASE_64 }) });
      h.update({ input: 'msg', inputEncoding: encode.Encoding.UTF_8 });
      return h.digest({ outputEncoding: encode.Encoding.BASE_64 });
    });
    out.missingSecret = attempt(function () { return crypto.createSecretKey({ secret: 'custsecret_nope', encoding: encode.Encoding.BASE_64 }); });
    out.restricted = attempt(function () { return crypto.createSecretKey({ secret: 'custsecret_other', encoding: encode.Encoding.UTF_8 }); });
    out.b64 = encode.convert({ string: 'héllo', inputEncoding: encode.Encoding.UTF_8, outputEncoding: encode.Encoding.BASE_64 });
    var ids = [];
    ['b', 'a', 'c'].forEach(function (ev, i) {
      var r = record.create({ type: 'customrecord_sb_probe' });
      r.setValue({ fieldId: 'custrecord_sb_event', value: ev });
      r.setValue({ fieldId: 'custrecord_sb_count', value: i });
      if (i !== 1) r.setValue({ fieldId: 'custrecord_sb_when', value: new Date(Date.UTC(2026, 0, 3 - i)) });
      ids.push(r.save());
    });
    out.mandatory = attempt(function () { return record.create({ type: 'customrecord_sb_probe' }).save(); });
    out.tooLong = attempt(function () { var r = record.create({ type: 'customrecord_sb_probe' }); r.setValue({ fieldId: 'custrecord_sb_event', value: new Array(22).join('x') }); return r.save(); });
    out.badInteger = attempt(function () { return record.create({ type: 'customrecord_sb_probe' }).setValue({ fieldId: 'custrecord_sb_count', value: 1.5 }); });
    out.sorted = search.create({ type: 'customrecord_sb_probe', filters: [['custrecord_sb_event', 'is', 'A'], 'OR', ['custrecord_sb_count', 'greaterthan', 1]],
      columns: [search.createColumn({ name: 'custrecord_sb_when', sort: search.Sort.ASC }), 'custrecord_sb_event'] })
      .run().getRange({ start: 0, end: 10 }).map(function (r) { return [r.getValue({ name: 'custrecord_sb_event' }), r.getValue('custrecord_sb_when')]; });
    out.lookup = search.lookupFields({ type: 'employee', id: 1, columns: ['department', 'isinactive', 'hiredate', 'title'] });
    out.loaded = (function () { var r = record.load({ type: 'customrecord_sb_probe', id: ids[0] }); var w = r.getValue({ fieldId: 'custrecord_sb_when' });
      return { count: r.getValue({ fieldId: 'custrecord_sb_count' }), whenIsDate: w instanceof Date, when: w.toISOString(), done: r.getValue({ fieldId: 'custrecord_sb_done' }), empty: record.load({ type: 'customrecord_sb_probe', id: ids[1] }).getValue({ fieldId: 'custrecord_sb_when' }) }; })();
    record.submitFields({ type: 'customrecord_sb_probe', id: ids[1], values: { custrecord_sb_done: true } });
    out.afterSubmitFields = search.lookupFields({ type: 'customrecord_sb_probe', id: ids[1], columns: ['custrecord_sb_done', 'custrecord_sb_event'] });
    out.deployment = (function () {
      var d = search.create({ type: 'scriptdeployment', filters: [['scriptid', 'is', 'customdeploy_modules_ss']], columns: ['internalid'] }).run().getRange({ start: 0, end: 1 });
      return record.load({ type: 'scriptdeployment', id: d[0].id }).getValue({ fieldId: 'custscript_t_url' }) === p;
    })();
    out.suiteql = query.runSuiteQL({ query: 'SELECT id, firstname FROM employee WHERE id = ?', params: [1] }).asMappedResults();
    out.suiteqlTooFew = attempt(function () { return query.runSuiteQL({ query: 'SELECT id FROM employee WHERE id = ? AND firstname = ?', params: [1] }); });
    out.suiteqlObject = attempt(function () { return query.runSuiteQL({ query: 'SELECT id FROM employee WHERE id = ?', params: [{ id: 1 }] }); });
    out.suiteqlHidden = attempt(function () { return query.runSuiteQL({ query: 'SELECT name FROM pragma_table_list' }); });
    out.missing = attempt(function () { return record.load({ type: 'customrecord_sb_probe', id: 999999 }); });
    out.runtime = { ctx: runtime.executionContext, user: runtime.getCurrentUser().id, account: runtime.accountId, remaining: runtime.getCurrentScript().getRemainingUsage() };
    log.audit('out', JSON.stringify(out));
  } };
});`,
);

let account: SandboxAccount;
let receiver: Receiver;
let stranger: Receiver;
let dir: string;
const key = crypto.randomBytes(24);

beforeAll(async () => {
  receiver = await Receiver.start();
  stranger = await Receiver.start({ plainHttp: true });
  dir = writeProject([
    { id: 'modules_ss', type: 'scheduledscript', source: PROBE_SS },
    {
      id: 'ctx_ue',
      type: 'usereventscript',
      deploymentXml: '<executioncontext>USERINTERFACE|CSVIMPORT</executioncontext><eventtype>EDIT</eventtype>',
      source: suiteScript(
        'UserEventScript',
        `define(['N/https', 'N/runtime', 'N/log'], function (https, runtime, log) {
  return { afterSubmit: function (ctx) {
    var url = runtime.getCurrentScript().getParameter({ name: 'custscript_t_url' });
    if (url) https.post({ url: url, body: String(ctx.newRecord.id) });
    log.audit('ctx', ctx.type + ' ' + runtime.executionContext);
  } };
});`,
      ),
    },
  ]);
  // Parameters not declared on the script still reach it through the deployment values (local overrides).
  account = await SandboxAccount.create({
    projectDir: dir,
    workers: 2,
    secrets: {
      custsecret_t: key.toString('base64'),
      custsecret_other: { value: 'x', restrictTo: ['customscript_someone_else'] },
    },
    params: { customdeploy_modules_ss: { custscript_t_url: receiver.url, custscript_t_plain: stranger.url } },
    http: { trustedCertificates: [receiver.certificatePem!], connectTimeoutMs: 1_000, responseTimeoutMs: 2_000 },
  });
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
  await stranger?.close();
  removeProject(dir);
});

test('the modules behave as NetSuite documents', async () => {
  const [run] = await account.runScheduled('customscript_modules_ss');
  expect(run).toMatchObject({ status: 'COMPLETE' });
  const out = JSON.parse(account.logs({ script: 'customscript_modules_ss', level: 'AUDIT' }).at(-1)!.details) as Record<
    string,
    unknown
  > & { runtime: { remaining: number }; tooLong: { message: string } };
  expect(out.post).toEqual({ code: 401, body: '{"error":"invalid signature"}' }); // unsigned: the receiver refuses it
  expect(out.plain).toMatchObject({ error: 'SSS_INVALID_URL', isError: true });
  expect(out.ftp).toMatchObject({ error: 'SSS_INVALID_URL' });
  expect(out.refused).toMatchObject({ error: 'SSS_CONNECTION_CLOSED' });
  expect(out.hmac).toBe(crypto.createHmac('sha256', key).update('msg').digest('base64'));
  expect(out.missingSecret).toMatchObject({ error: 'INVALID_SECRET_KEY' });
  expect(out.restricted).toMatchObject({ error: 'INVALID_SECRET_KEY' });
  expect(out.b64).toBe(Buffer.from('héllo').toString('base64'));
  expect(out.mandatory).toMatchObject({ error: 'USER_ERROR', message: 'Please enter value(s) for: Event' });
  expect(out.badInteger).toMatchObject({ error: 'INVALID_FLD_VALUE' });
  expect(out.tooLong).toMatchObject({ error: 'INVALID_FLD_VALUE' });
  expect(out.tooLong.message).toContain('( 20 )'); // the field's <maxlength>
  // 'is' is case-insensitive; empty dates sort last (Oracle's ascending order); dates read as NetSuite's text.
  expect(out.sorted).toEqual([
    ['c', '1/1/2026 12:00 am'],
    ['a', ''],
  ]);
  expect(out.lookup).toEqual({
    department: [{ value: '3', text: 'Operations' }],
    isinactive: false,
    hiredate: '1/7/2019',
    title: 'Chief Executive Officer',
  });
  expect(out.loaded).toEqual({ count: 0, whenIsDate: true, when: '2026-01-03T00:00:00.000Z', done: false, empty: '' });
  expect(out.afterSubmitFields).toEqual({ custrecord_sb_done: true, custrecord_sb_event: 'a' });
  expect(out.deployment).toBe(true);
  expect(out.suiteql).toEqual([{ id: 1, firstname: 'Ada' }]);
  // Wrong parameter counts, parameters that are not values and hidden tables are script errors, as NetSuite's.
  for (const bad of [out.suiteqlTooFew, out.suiteqlObject, out.suiteqlHidden])
    expect(bad).toMatchObject({ error: 'SSS_SEARCH_ERROR_OCCURRED', isError: true });
  expect(out.missing).toMatchObject({ error: 'RCRD_DSNT_EXIST' });
  expect(out.runtime).toMatchObject({ ctx: 'SCHEDULED', user: -4, account: '1234567_SB1' });
  // https 10 ×2 (post, refused; invalid URLs are refused before the call), getRange 10 ×2, lookupFields 1 ×2,
  // custom record create 2 + save 4 ×5 (the refused saves are charged, then fail), create 2, load 2 ×3,
  // submitFields 2, deployment load 5, SuiteQL 10 ×4 (refused queries are charged too).
  const custom = RECORD_UNITS.create.custom + RECORD_UNITS.save.custom;
  const spent =
    2 * UNIT_COST.https +
    2 * UNIT_COST.resultSetPage +
    2 * UNIT_COST.lookupFields +
    5 * custom +
    RECORD_UNITS.create.custom +
    3 * RECORD_UNITS.load.custom +
    RECORD_UNITS.submitFields.custom +
    RECORD_UNITS.load.other +
    4 * UNIT_COST.suiteql;
  expect(spent).toBe(127);
  expect(out.runtime.remaining).toBe(USAGE_LIMIT.scheduled - spent);
  expect(account.executions({ script: 'customscript_modules_ss' }).at(-1)!.usage).toBe(
    USAGE_LIMIT.scheduled - out.runtime.remaining,
  );
});

test('an untrusted certificate fails; plain http only with the explicit loopback opt-in', async () => {
  const other = await SandboxAccount.create({
    projectDir: dir,
    workers: 1,
    plainHttpHosts: ['127.0.0.1'],
    params: { customdeploy_modules_ss: { custscript_t_url: receiver.url, custscript_t_plain: stranger.url } },
  });
  try {
    await other.runScheduled('customscript_modules_ss');
    const out = JSON.parse(other.logs({ script: 'customscript_modules_ss', level: 'AUDIT' }).at(-1)!.details) as Record<
      string,
      unknown
    >;
    expect(out.post).toMatchObject({ error: 'SSS_INVALID_HOST_CERT' }); // this account does not trust the receiver's certificate
    expect(out.plain).toBe(401); // reached the plain-http receiver (unsigned request refused)
  } finally {
    await other.close();
  }
});

test('deployment filters: execution contexts and event type', async () => {
  const ctxLogs = () => account.logs({ script: 'customscript_ctx_ue' }).map((l) => l.details);
  await account.updateEmployee('2', { values: { title: 'A' } }, REST, 'edit'); // context not deployed
  await account.updateEmployee('2', { values: { title: 'B' } }, UI, 'xedit'); // event type not deployed
  await account.updateEmployee('2', { values: { title: 'C' } }, CSV, 'edit');
  expect(ctxLogs()).toEqual(['edit CSVIMPORT']);
});

test('a script blocked on a slow receiver in this process does not stall reads or other writes', async () => {
  account.setParameter('customdeploy_ctx_ue', 'custscript_t_url', receiver.url);
  account.setHttpLimits({ responseTimeoutMs: 120_000 }); // the receiver answers when the test says, however slow the machine
  let release!: () => void;
  let arrived!: () => void;
  const atReceiver = new Promise<void>((r) => (arrived = r));
  receiver.behave({ kind: 'hold', until: new Promise<void>((r) => (release = r)), onArrival: arrived });
  let slowDone = false;
  const slow = account.updateEmployee('3', { values: { title: 'Slow' } }, UI, 'edit').then(() => (slowDone = true));
  try {
    await atReceiver; // its user event now waits in N/https.post
    expect(account.getEmployee('1')!.firstName).toBe('Ada');
    await account.updateEmployee('4', { values: { title: 'Fast' } }, UI, 'edit'); // the other worker
    expect(slowDone).toBe(false);
  } finally {
    release();
    await slow;
    account.setHttpLimits({ responseTimeoutMs: 2_000 });
    account.setParameter('customdeploy_ctx_ue', 'custscript_t_url', null);
  }
  expect(account.getEmployee('3')!.title).toBe('Slow');
});

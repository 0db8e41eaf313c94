/**
 * Scripts load as in NetSuite (docs/netsuite.md#suitescript-21-module-shape): an isolated context with
 * define, log, util and the ES built-ins only; exactly one define; only N/* dependencies; a file that
 * touches Node globals fails to deploy (at load) or fails its execution (at run time) without undoing
 * the write.
 */
import { DeployError } from '../../lib/sandbox/sdf/deploy';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { REST, removeProject, suiteScript, writeProject } from './helpers';

const UE = (body: string) => suiteScript('UserEventScript', body);

async function deployUserEvent(source: string): Promise<unknown> {
  const dir = writeProject([{ id: 'bad_ue', type: 'usereventscript', source }]);
  try {
    const account = await SandboxAccount.create({ projectDir: dir, workers: 1 });
    await account.close();
    return null;
  } catch (e) {
    return e;
  } finally {
    removeProject(dir);
  }
}

test.each([
  [
    'process',
    UE(`var env = process.env; define([], function () { return { afterSubmit: function () {} }; });`),
    /ReferenceError: process is not defined/,
  ],
  [
    'Buffer',
    UE(`var b = Buffer.from('x'); define([], function () { return { afterSubmit: function () {} }; });`),
    /ReferenceError: Buffer is not defined/,
  ],
  [
    'require',
    UE(`var fs = require('fs'); define([], function () { return { afterSubmit: function () {} }; });`),
    /ReferenceError: require is not defined/,
  ],
  [
    'a foreign module',
    UE(`define(['fs'], function (fs) { return { afterSubmit: function () {} }; });`),
    /MODULE_DOES_NOT_EXIST: .*fs/,
  ],
  [
    'two defines',
    UE(`define([], function () { return {}; }); define([], function () { return { afterSubmit: function () {} }; });`),
    /MULTIPLE_DEFINE_CALLS/,
  ],
  ['no define', UE(`var x = 1;`), /SSS_MISSING_DEFINE/],
  ['import/export', UE(`export function afterSubmit() {}`), /SSS_SYNTAX_ERROR/],
  [
    'no @NApiVersion',
    `define([], function () { return { afterSubmit: function () {} }; });`,
    /SSS_MISSING_API_VERSION/,
  ],
  [
    'the wrong @NScriptType',
    suiteScript('ScheduledScript', `define([], function () { return { execute: function () {} }; });`),
    /SSS_INVALID_SCRIPT_TYPE/,
  ],
])('a file using %s fails to deploy', async (_what, source, message) => {
  const error = await deployUserEvent(source);
  expect(error).toBeInstanceOf(DeployError);
  expect((error as DeployError).problems.join('\n')).toMatch(message);
});

describe('at run time', () => {
  let account: SandboxAccount;
  let dir: string;

  beforeAll(async () => {
    dir = writeProject([
      {
        id: 'timer_ue',
        type: 'usereventscript',
        source: UE(`define(['N/record'], function (record) {
  return { afterSubmit: function (ctx) {
    var r = record.create({ type: 'customrecord_sb_probe' });
    r.setValue({ fieldId: 'custrecord_sb_event', value: ctx.type });
    r.setValue({ fieldId: 'custrecord_sb_detail', value: JSON.stringify({ now: Date.now(), date: new Date().getTime(), isArray: util.isArray([]), typeofProcess: typeof process, typeofSetTimeout: typeof setTimeout, title: ctx.newRecord.getValue('title') }) });
    r.setValue({ fieldId: 'custrecord_sb_when', value: new Date() });
    r.save();
    log.audit({ title: 'saved', details: ctx.newRecord.id });
    if (ctx.newRecord.getValue('title') === 'Timer') setTimeout(function () {}, 1);
  } };
});`),
      },
      {
        id: 'before_ue',
        type: 'usereventscript',
        source: UE(`define([], function () { return { beforeSubmit: function (ctx) {
  var title = ctx.newRecord.getValue({ fieldId: 'title' });
  if (title === 'Refuse') throw new Error('titles like that are refused');
  if (title === 'shout') ctx.newRecord.setValue({ fieldId: 'title', value: 'SHOUT' });
} }; });`),
      },
      {
        id: 'testing_ue',
        type: 'usereventscript',
        status: 'TESTING',
        source: UE(
          `define(['N/log'], function (log) { return { afterSubmit: function () { log.audit('testing ran'); } }; });`,
        ),
      },
      {
        id: 'undeployed_ue',
        type: 'usereventscript',
        deploymentXml: '<isdeployed>F</isdeployed>',
        source: UE(
          `define(['N/log'], function (log) { return { afterSubmit: function () { log.audit('undeployed ran'); } }; });`,
        ),
      },
    ]);
    account = await SandboxAccount.create({ projectDir: dir, workers: 1 });
  });

  afterAll(async () => {
    await account?.close();
    removeProject(dir);
  });

  const lastDetail = () =>
    JSON.parse(String(account.customRecords('customrecord_sb_probe').at(-1)!.custrecord_sb_detail)) as {
      now: number;
      date: number;
      title: string;
    };

  test('only NetSuite globals exist; Date follows the account clock', async () => {
    const before = account.clock.now();
    account.clock.advance(3 * 86_400_000);
    await account.updateEmployee('2', { values: { title: 'Clocked' } }, REST);
    const d = lastDetail();
    expect(d).toMatchObject({
      isArray: true,
      typeofProcess: 'undefined',
      typeofSetTimeout: 'undefined',
      title: 'Clocked',
    });
    expect(d.now - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(Math.abs(d.date - d.now)).toBeLessThan(1_000);
    expect(account.logs({ level: 'AUDIT' }).at(-1)).toMatchObject({
      title: 'saved',
      details: '2',
      script: 'customscript_timer_ue',
    });
  });

  test('beforeSubmit runs before the commit: an error refuses the write, values it sets are saved', async () => {
    await expect(account.updateEmployee('5', { values: { title: 'Refuse' } }, REST)).rejects.toMatchObject({
      status: 400,
      code: 'USER_ERROR',
    });
    expect(account.getEmployee('5')!.title).toBe('Controller');
    await account.updateEmployee('5', { values: { title: 'shout' } }, REST);
    expect(account.getEmployee('5')!.title).toBe('SHOUT');
    expect(lastDetail().title).toBe('SHOUT'); // afterSubmit sees the saved value
  });

  test('deployments in TESTING run; undeployed ones do not', () => {
    const titles = account.logs().map((l) => l.title);
    expect(titles).toContain('testing ran');
    expect(titles).not.toContain('undeployed ran');
  });

  test('setTimeout inside an entry point fails that execution, logged; the write stays', async () => {
    await account.updateEmployee('3', { values: { title: 'Timer' } }, REST);
    expect(account.getEmployee('3')!.title).toBe('Timer');
    expect(account.logs({ level: 'ERROR' }).at(-1)).toMatchObject({
      title: 'ReferenceError',
      details: 'setTimeout is not defined',
    });
  });
});

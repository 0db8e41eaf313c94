/**
 * Execute As Role across scripts (chapter_N2997500): "when one script triggers another, the triggered
 * script runs with the first script's role", not the role on its own deployment. A user event deployed
 * to run as Administrator, fired by a Suitelet running as Sales Person (or by a RESTlet's write under
 * that role), stores into a custom record with Sales Person's permissions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { REST, removeProject, suiteScript, writeProject } from './helpers';

const PROBE = 'customrecord_sb_probe';
const SALES_PERSON = '15';

const ROLE_UE = suiteScript(
  'UserEventScript',
  `define(['N/record', 'N/runtime', 'N/log'], function (record, runtime, log) {
  return { afterSubmit: function () {
    try {
      var r = record.create({ type: '${PROBE}' });
      r.setValue({ fieldId: 'custrecord_sb_event', value: 'ue ' + runtime.executionContext });
      r.save();
    } catch (e) { log.error('store', e.name); }
  } };
});`,
);

const ROLE_SL = `/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 */
define(['N/record'], function (record) {
  return { onRequest: function (ctx) {
    record.submitFields({ type: 'employee', id: 5, values: { title: 'Set by a Suitelet' } });
    ctx.response.write('ok');
  } };
});
`;

const SUITELET_XML = `<suitelet scriptid="customscript_role_sl"><name>role_sl</name><scriptfile>[/SuiteScripts/t/role_sl.js]</scriptfile>
  <scriptdeployments><scriptdeployment scriptid="customdeploy_role_sl"><status>RELEASED</status><title>role_sl</title><isonline>F</isonline><runasrole>SALES_PERSON</runasrole><allroles>T</allroles></scriptdeployment></scriptdeployments>
</suitelet>`;

let account: SandboxAccount;
let dir: string;

beforeAll(async () => {
  dir = writeProject([
    { id: 'role_ue', type: 'usereventscript', source: ROLE_UE, deploymentXml: '<runasrole>ADMINISTRATOR</runasrole>' },
  ]);
  fs.writeFileSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 't', 'role_sl.js'), ROLE_SL);
  fs.writeFileSync(path.join(dir, 'Objects', 'customscript_role_sl.xml'), SUITELET_XML);
  account = await SandboxAccount.create({ projectDir: dir, workers: 1 });
});

afterAll(async () => {
  await account?.close();
  removeProject(dir);
});

afterEach(() => account.setRecordPermission(PROBE, SALES_PERSON, null));

const stored = () => account.customRecords(PROBE).map((r) => String(r.custrecord_sb_event));
const refusals = () => account.logs({ script: 'customscript_role_ue', level: 'ERROR' }).map((e) => e.details);

test("a user's own save runs the user event as its deployment's Execute As Role", async () => {
  await account.updateEmployee('5', { values: { title: 'By REST' } }, { ...REST, roleId: SALES_PERSON });
  expect(stored()).toContain('ue RESTWEBSERVICES');
});

test("a Suitelet's save runs the user event with the Suitelet's role, which lacks the record", async () => {
  const before = { stored: stored().length, refusals: refusals().length };
  const page = await account.runSuitelet(
    'customscript_role_sl',
    'customdeploy_role_sl',
    { method: 'GET', parameters: {}, headers: {}, body: '', url: '/app/site/hosting/scriptlet.nl' },
    { userId: '1', roleId: '3' }, // an administrator opens it: the Suitelet still runs as Sales Person
  );
  expect(page.status).toBe(200);
  expect(account.getEmployee('5')?.title).toBe('Set by a Suitelet');
  expect(stored()).toHaveLength(before.stored);
  expect(refusals().slice(before.refusals)).toEqual(['INSUFFICIENT_PERMISSION']);
});

test("a RESTlet's write under a role: refused until that role is granted the record", async () => {
  const restlet = { executionContext: 'RESTLET', userId: '7', roleId: SALES_PERSON };
  const before = refusals().length;
  await account.updateEmployee('5', { values: { title: 'By a RESTlet' } }, restlet);
  expect(stored()).not.toContain('ue RESTLET');
  expect(refusals().slice(before)).toEqual(['INSUFFICIENT_PERMISSION']);

  account.setRecordPermission(PROBE, SALES_PERSON, 'CREATE');
  await account.updateEmployee('5', { values: { title: 'By a RESTlet again' } }, restlet);
  expect(stored()).toContain('ue RESTLET');
});

/**
 * Delivery records hold full employee payloads, so they are restricted (accesstype USEPERMISSIONLIST,
 * Administrator only, not in the search menu: SDFxml_372451363, SDFxml_2290236535), and the sandbox
 * applies role permissions to custom records. A user whose role cannot touch them still gets the event of
 * their save kept, because the user event executes as Administrator (chapter_N2997500, bridgehead_N2997678).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DELIVERY_FIELD, DELIVERY_RECORD, PARAM, DEPLOYMENT, SCRIPT } from '../../lib/core';
import type { WriteContext } from '../../lib/sandbox/account/account-types';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { repoRoot } from '../../lib/sandbox/paths';
import { suiteScript } from './helpers';

const UE_DEPLOY = DEPLOYMENT.userEvent;
/** A sales rep (role 15) editing in the UI: no access to delivery records. */
const SALES: WriteContext = { executionContext: 'USERINTERFACE', userId: '4', roleId: '15' };

/** A user event of the user's own (no Execute As Role) that tries to find, read and edit deliveries. */
const READER = suiteScript(
  'UserEventScript',
  `define(['N/search', 'N/record', 'N/query', 'N/log'], function (search, record, query, log) {
  function attempt(f) { try { return f(); } catch (e) { return e.name; } }
  return { afterSubmit: function (ctx) {
    if (String(ctx.newRecord.getValue('title')).indexOf('probe') !== 0) return;
    var found = attempt(function () { return search.create({ type: '${DELIVERY_RECORD}', filters: [], columns: ['internalid'] }).run().getRange({ start: 0, end: 5 }).map(function (r) { return r.id; }); });
    var id = Array.isArray(found) ? found[0] : null;
    log.audit('reader', JSON.stringify({
      search: Array.isArray(found) ? 'ok' : found,
      suiteql: attempt(function () { return query.runSuiteQL({ query: 'SELECT COUNT(*) AS n FROM ${DELIVERY_RECORD}' }).asMappedResults().length === 1 ? 'ok' : 'no'; }),
      load: id ? attempt(function () { return record.load({ type: '${DELIVERY_RECORD}', id: id }).getValue({ fieldId: '${DELIVERY_FIELD.eventId}' }) ? 'ok' : 'empty'; }) : null,
      edit: id ? attempt(function () { record.submitFields({ type: '${DELIVERY_RECORD}', id: id, values: { '${DELIVERY_FIELD.lastError}': 'touched' } }); return 'ok'; }) : null,
      create: attempt(function () { return record.create({ type: '${DELIVERY_RECORD}' }) ? 'ok' : 'no'; })
    }));
  } };
});`,
);

/** src/ plus the reader user event; `userEvent` rewrites the bundle's user event object. */
function project(userEvent: (xml: string) => string = (x) => x): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-access-'));
  fs.cpSync(path.join(repoRoot(), 'src'), dir, { recursive: true });
  const ue = path.join(dir, 'Objects', `${SCRIPT.userEvent}.xml`);
  fs.writeFileSync(ue, userEvent(fs.readFileSync(ue, 'utf8')));
  fs.mkdirSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 'probe'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 'probe', 'reader_ue.js'), READER);
  fs.writeFileSync(
    path.join(dir, 'Objects', 'customscript_sb_reader_ue.xml'),
    `<usereventscript scriptid="customscript_sb_reader_ue"><name>Reader</name><scriptfile>[/SuiteScripts/probe/reader_ue.js]</scriptfile>
  <scriptdeployments><scriptdeployment scriptid="customdeploy_sb_reader_ue"><status>RELEASED</status><recordtype>EMPLOYEE</recordtype></scriptdeployment></scriptdeployments>
</usereventscript>`,
  );
  return dir;
}

async function accountOn(dir: string): Promise<SandboxAccount> {
  return SandboxAccount.create({
    projectDir: dir,
    workers: 1,
    secrets: { custsecret_access: 'c2VjcmV0' },
    // Outbox mode: every event is kept as a delivery, no receiver needed.
    params: {
      [UE_DEPLOY]: {
        [PARAM.endpointUrl]: 'https://hooks.example.com/x',
        [PARAM.secretId]: 'custsecret_access',
        [PARAM.deliveryMode]: 'outbox',
      },
    },
  });
}

const deliveries = (account: SandboxAccount) => account.customRecords(DELIVERY_RECORD);
const reader = (account: SandboxAccount) =>
  JSON.parse(account.logs({ script: 'customscript_sb_reader_ue' }).at(-1)!.details) as Record<string, unknown>;

describe('the shipped objects (delivery record restricted, user event executing as Administrator)', () => {
  let dir: string;
  let account: SandboxAccount;
  beforeAll(async () => {
    dir = project();
    account = await accountOn(dir);
  });
  afterAll(async () => {
    await account?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a user whose role has no access to deliveries saves an employee: the event is kept', async () => {
    await account.updateEmployee('3', { values: { title: 'Kept for a sales rep' } }, SALES);
    const kept = deliveries(account).at(-1)!;
    expect((JSON.parse(String(kept[DELIVERY_FIELD.body])) as { data: unknown }).data).toMatchObject({
      recordId: '3',
      changes: { title: { new: 'Kept for a sales rep' } },
      origin: { role: { id: '15' } },
    });
    expect(account.executions({ script: SCRIPT.userEvent }).at(-1)).toMatchObject({ ok: true });
  });

  test('with that role a script can neither find (search or SuiteQL), read, edit nor create delivery records', async () => {
    await account.updateEmployee('3', { values: { title: 'probe 1' } }, SALES);
    expect(reader(account)).toEqual({
      search: 'INSUFFICIENT_PERMISSION',
      suiteql: 'INSUFFICIENT_PERMISSION',
      load: null,
      edit: null,
      create: 'INSUFFICIENT_PERMISSION',
    });
  });

  test('an Administrator can; a role an administrator adds at View can read, not edit', async () => {
    await account.updateEmployee('3', { values: { title: 'probe 2' } }, { ...SALES, roleId: '3' });
    expect(reader(account)).toEqual({ search: 'ok', suiteql: 'ok', load: 'ok', edit: 'ok', create: 'ok' });
    account.setRecordPermission(DELIVERY_RECORD, '15', 'VIEW');
    await account.updateEmployee('3', { values: { title: 'probe 3' } }, SALES);
    expect(reader(account)).toEqual({
      search: 'ok',
      suiteql: 'ok',
      load: 'ok',
      edit: 'INSUFFICIENT_PERMISSION',
      create: 'INSUFFICIENT_PERMISSION',
    });
    account.setRecordPermission(DELIVERY_RECORD, '15', null);
  });
});

test('without Execute As Role such a save would lose its event: the check is real', async () => {
  const dir = project((xml) => xml.replace('<runasrole>ADMINISTRATOR</runasrole>', ''));
  const account = await accountOn(dir);
  try {
    await account.updateEmployee('3', { values: { title: 'Lost for a sales rep' } }, SALES);
    expect(deliveries(account)).toHaveLength(0);
    expect(account.logs({ script: SCRIPT.userEvent, level: 'ERROR' }).at(-1)!.details).toMatch(
      /could not be stored as a customrecord_suitehooks_delivery \(INSUFFICIENT_PERMISSION\) by role 15; .* Fix: give role 15 the Create permission/,
    );
    // The same save by an Administrator keeps its event.
    await account.updateEmployee('3', { values: { title: 'Kept for an administrator' } }, { ...SALES, roleId: '3' });
    expect(deliveries(account)).toHaveLength(1);
  } finally {
    await account.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

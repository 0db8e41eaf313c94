/**
 * Custom entity fields declared in src/Objects (`entitycustomfield` applying to employees) are stored,
 * read by the account and the REST seam, and tracked by the real bundle when the deployment names them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { repoRoot } from '../../lib/sandbox/paths';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { REST, UI } from './helpers';
import { DEPLOYMENT, PARAM } from '../../lib/core';

const UE_DEPLOY = DEPLOYMENT.userEvent;
let dir: string;
let account: SandboxAccount;
let receiver: Receiver;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-custom-'));
  fs.cpSync(path.join(repoRoot(), 'src'), dir, { recursive: true });
  const objects = path.join(dir, 'Objects');
  fs.writeFileSync(
    path.join(objects, 'custentity_sb_badge.xml'),
    `<entitycustomfield scriptid="custentity_sb_badge"><fieldtype>CHECKBOX</fieldtype><label>Badge</label><appliestoemployee>T</appliestoemployee></entitycustomfield>`,
  );
  fs.writeFileSync(
    path.join(objects, 'custentity_sb_team.xml'),
    `<entitycustomfield scriptid="custentity_sb_team"><fieldtype>SELECT</fieldtype><label>Team</label><selectrecordtype>[scriptid=customlist_sb_teams]</selectrecordtype><appliestoemployee>T</appliestoemployee></entitycustomfield>`,
  );
  fs.writeFileSync(
    path.join(objects, 'custentity_sb_vendor_only.xml'),
    `<entitycustomfield scriptid="custentity_sb_vendor_only"><fieldtype>TEXT</fieldtype><label>Vendor</label><appliestoemployee>F</appliestoemployee></entitycustomfield>`,
  );
  fs.writeFileSync(
    path.join(objects, 'customlist_sb_teams.xml'),
    `<customlist scriptid="customlist_sb_teams"><name>Teams</name><customvalues><customvalue scriptid="val_red"><value>Red</value></customvalue><customvalue scriptid="val_blue"><value>Blue</value></customvalue></customvalues></customlist>`,
  );
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    projectDir: dir,
    workers: 1,
    secrets: { custsecret_sb: receiver.apiSecretValue },
    params: {
      [UE_DEPLOY]: {
        [PARAM.endpointUrl]: receiver.url,
        [PARAM.secretId]: 'custsecret_sb',
        [PARAM.fields]: 'title, custentity_sb_badge:boolean, custentity_sb_team:select',
      },
    },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('declared employee fields are stored and read with their kinds; others are refused', async () => {
  await account.updateEmployee(
    '3',
    { values: { custentity_sb_badge: true, custentity_sb_team: { id: '2', refName: null } } },
    REST,
  );
  expect(account.getEmployee('3')).toMatchObject({
    custentity_sb_badge: true,
    custentity_sb_team: { id: '2', refName: 'Blue' },
  });
  await expect(account.updateEmployee('3', { values: { custentity_sb_vendor_only: 'x' } }, REST)).rejects.toMatchObject(
    { code: 'INVALID_CONTENT' },
  );
  await expect(
    account.updateEmployee('3', { values: { custentity_sb_team: { id: '9', refName: null } } }, REST),
  ).rejects.toMatchObject({ code: 'INVALID_KEY_OR_REF' });
  const page = await account.runSuiteQL(
    'SELECT e.custentity_sb_badge, BUILTIN.DF(e.custentity_sb_team) AS team FROM employee e WHERE e.id = 3',
    [],
    10,
    0,
  );
  expect(page.items).toEqual([{ custentity_sb_badge: 'T', team: 'Blue' }]);
});

test('the bundle tracks them when the deployment names them', async () => {
  await account.updateEmployee('4', { values: { custentity_sb_team: { id: '1', refName: null } } }, UI, 'xedit');
  const event = [...receiver.events.values()].at(-1)!;
  expect(event.data).toMatchObject({ recordId: '4', eventType: 'xedit', changedFields: ['custentity_sb_team'] });
  expect(event.data.changes.custentity_sb_team).toEqual({ old: null, new: { id: '1', refName: 'Red' } });
});

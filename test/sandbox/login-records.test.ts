/**
 * Vendors, partners and customers, the other records that can log in (section_N285060): stored with
 * the fields of the core's registry, written through the account and the REST Record API, read by
 * SuiteQL, and their deployed user events fire with the record's own type (`recordtype` VENDOR, …).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { NetSuiteError } from '../../lib/sandbox/account/account-types';
import { REST, removeProject, suiteScript, writeProject } from './helpers';

/** Logs what each user event sees: the record type, the event type, access and roles. */
const PROBE = suiteScript(
  'UserEventScript',
  `define(['N/log'], function (log) {
  return { afterSubmit: function (ctx) {
    var r = ctx.newRecord;
    var roles = r.getLineCount({ sublistId: 'roles' });
    log.audit(r.type + ':' + ctx.type, JSON.stringify({
      giveaccess: r.getValue('giveaccess'),
      roles: roles,
      accessrole: r.type === 'vendor' ? null : r.getValue('accessrole'),
      old: ctx.oldRecord ? ctx.oldRecord.getValue('giveaccess') : null
    }));
  } };
});`,
);

/** On a customer's creation, a script creates, finds and loads a vendor (N/record, N/search). */
const LOOKUP = suiteScript(
  'UserEventScript',
  `define(['N/record', 'N/search', 'N/log'], function (record, search, log) {
  return { afterSubmit: function (ctx) {
    if (ctx.type !== 'create') return;
    var v = record.create({ type: record.Type.VENDOR });
    v.setValue({ fieldId: 'companyname', value: 'From Script' });
    v.setValue({ fieldId: 'subsidiary', value: '1' });
    var id = v.save();
    var found = search.create({ type: search.Type.VENDOR, filters: [['companyname', 'is', 'From Script']], columns: ['entityid'] })
      .run().getRange({ start: 0, end: 5 }).map(function (r) { return r.getValue('entityid'); });
    log.audit('lookup', JSON.stringify({ found: found, loaded: record.load({ type: 'vendor', id: id }).getValue('companyname') }));
  } };
});`,
);

let dir: string;
let account: SandboxAccount;

beforeAll(async () => {
  dir = writeProject([
    ...['VENDOR', 'PARTNER', 'CUSTOMER'].map((t) => ({
      id: `sb_${t.toLowerCase()}_ue`,
      type: 'usereventscript' as const,
      source: PROBE,
      recordType: t,
    })),
    { id: 'sb_lookup_ue', type: 'usereventscript', source: LOOKUP, recordType: 'CUSTOMER' },
  ]);
  // A custom entity field for vendors only (appliestovendor needs the ACCOUNTING feature).
  const manifest = path.join(dir, 'manifest.xml');
  fs.writeFileSync(
    manifest,
    fs
      .readFileSync(manifest, 'utf8')
      .replace('<features>', '<features>\n      <feature required="true">ACCOUNTING</feature>'),
  );
  fs.writeFileSync(
    path.join(dir, 'Objects', 'custentity_sb_portal.xml'),
    `<entitycustomfield scriptid="custentity_sb_portal"><fieldtype>TEXT</fieldtype><label>Portal</label><appliestovendor>T</appliestovendor></entitycustomfield>`,
  );
  account = await SandboxAccount.create({ projectDir: dir, workers: 1 });
});

afterAll(async () => {
  await account.close();
  removeProject(dir);
});

const audits = () => account.logs({ level: 'AUDIT' }).map((e) => [e.title, JSON.parse(e.details ?? '{}') as unknown]);

it('a vendor granted access with a role fires the vendor user event, with the roles sublist', async () => {
  const before = audits().length;
  const id = await account.createRecord(
    'vendor',
    {
      values: {
        companyName: 'Northwind Supplies',
        subsidiary: { id: '1', refName: null },
        email: 'ap@northwind.test',
        custentity_sb_portal: 'NW-7',
      },
    },
    REST,
  );
  await account.updateRecord(
    'vendor',
    id,
    { values: { giveAccess: true, roles: [{ id: '15', refName: null }] }, replaceRoles: true },
    REST,
  );
  expect(audits().slice(before)).toEqual([
    ['vendor:create', { giveaccess: false, roles: 0, accessrole: null, old: null }],
    ['vendor:edit', { giveaccess: true, roles: 1, accessrole: null, old: false }],
  ]);
  const vendor = account.getRecord('vendor', id)!;
  expect(vendor).toMatchObject({
    entityId: 'Northwind Supplies',
    isPerson: false,
    giveAccess: true,
    roles: [{ id: '15', refName: 'Sales Rep' }],
    custentity_sb_portal: 'NW-7',
  });
  // The field applies to vendors only.
  await expect(
    account.createRecord(
      'customer',
      { values: { companyName: 'X', subsidiary: { id: '1', refName: null }, custentity_sb_portal: 'x' } },
      REST,
    ),
  ).rejects.toMatchObject({ code: 'INVALID_CONTENT' });
  // Entity ids are one sequence: the vendor's id is not any employee's.
  expect(account.getEmployee(id)).toBeNull();
});

it('partners and customers hold one accessRole; giving access needs an email and a role', async () => {
  const partner = await account.createRecord(
    'partner',
    { values: { isPerson: true, firstName: 'Pat', lastName: 'Ner', subsidiary: { id: '1', refName: null } } },
    REST,
  );
  await expect(account.updateRecord('partner', partner, { values: { giveAccess: true } }, REST)).rejects.toMatchObject({
    code: 'USER_ERROR',
    detail: 'To give access, enter an email address and a role.',
  });
  await account.updateRecord(
    'partner',
    partner,
    { values: { giveAccess: true, email: 'pat@partner.test', accessRole: { id: '30', refName: null } } },
    REST,
  );
  expect(account.getRecord('partner', partner)).toMatchObject({
    entityId: 'Pat Ner',
    accessRole: { id: '30', refName: 'Accountant' },
  });
  const customer = await account.createRecord(
    'customer',
    {
      values: {
        companyName: 'Contoso',
        subsidiary: { id: '1', refName: null },
        email: 'it@contoso.test',
        giveAccess: true,
        accessRole: { id: '18', refName: null },
        salesRep: { id: '4', refName: null },
      },
    },
    REST,
  );
  expect(account.getRecord('customer', customer)).toMatchObject({
    salesRep: { id: '4' },
    accessRole: { id: '18', refName: 'Employee Center' },
  });
  expect(audits()).toContainEqual(['lookup', { found: ['From Script'], loaded: 'From Script' }]);
  const titles = audits().map((a) => a[0]);
  expect(titles).toEqual(expect.arrayContaining(['partner:create', 'partner:edit', 'customer:create']));
  // A customer has no supervisor; a partner no roles sublist.
  await expect(
    account.updateRecord('customer', customer, { values: { supervisor: { id: '1', refName: null } } }, REST),
  ).rejects.toMatchObject({ code: 'INVALID_CONTENT' });
  await expect(
    account.updateRecord('partner', partner, { values: { roles: [{ id: '15', refName: null }] } }, REST),
  ).rejects.toBeInstanceOf(NetSuiteError);
});

it('refuses a company without a name, and an employee referenced as sales rep cannot be deleted', async () => {
  await expect(
    account.createRecord('vendor', { values: { subsidiary: { id: '1', refName: null } } }, REST),
  ).rejects.toMatchObject({ code: 'USER_ERROR', detail: 'Please enter value(s) for: Company Name' });
  await expect(account.deleteEmployee('4', REST)).rejects.toMatchObject({
    code: 'THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS',
  });
  expect(() => account.getRecord('contact', '1')).toThrow(NetSuiteError);
});

it('SuiteQL reads the new tables, with BUILTIN.DF names of their selects', async () => {
  const page = await account.runSuiteQL(
    "SELECT entityid, giveaccess, BUILTIN.DF(accessrole) AS role FROM customer WHERE giveaccess = 'T'",
    [],
    10,
    0,
  );
  expect(page.items).toEqual([{ entityid: 'Contoso', giveaccess: 'T', role: 'Employee Center' }]);
  await expect(account.runSuiteQL('SELECT * FROM sandbox_vendorroles', [], 10, 0)).rejects.toMatchObject({
    code: 'INVALID_PARAMETER',
  });
});

it('deleting a vendor fires its delete user event and removes its role lines', async () => {
  const id = account.listRecords('vendor', 1, 0).ids[0]!;
  await account.deleteRecord('vendor', id, REST);
  expect(account.getRecord('vendor', id)).toBeNull();
  expect(audits().map((a) => a[0])).toContain('vendor:delete');
  expect(account.db.prepare('SELECT COUNT(*) FROM sandbox_vendorroles WHERE entity = ?').pluck().get(id)).toBe(0);
});

/**
 * Server scripts run in the Pacific time zone whatever the company's time zone or the machine's
 * (section_4388843892): a date field reaches a script as a `Date` at Pacific midnight, and the bundle's
 * event must carry the date the user entered. The account here keeps its company time zone in Tokyo,
 * a whole day's worth of hours away from Pacific time at midnight.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PARAM, DEPLOYMENT } from '../../lib/core';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { repoRoot } from '../../lib/sandbox/paths';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { REST, suiteScript } from './helpers';

const UE_DEPLOY = DEPLOYMENT.userEvent;
const SECRET_ID = 'custsecret_suitehooks_tz';

/** What a script sees of the hire date, and a hire date it sets itself. */
const DATES = suiteScript(
  'UserEventScript',
  `define(['N/record', 'N/log'], function (record, log) {
  return { afterSubmit: function (ctx) {
    var d = ctx.newRecord.getValue({ fieldId: 'hiredate' });
    if (!(d instanceof Date)) return;
    log.audit('dates', JSON.stringify({ local: d.getFullYear() + '-' + (d.getMonth() + 1) + '-' + d.getDate() + ' ' + d.getHours() + ':' + d.getMinutes(),
      offset: d.getTimezoneOffset(), text: d.toString(), nowOffset: new Date().getTimezoneOffset() }));
    if (ctx.newRecord.getValue({ fieldId: 'title' }) === 'set by a script') {
      record.submitFields({ type: 'employee', id: ctx.newRecord.id, values: { hiredate: new Date(2026, 6, 4) } });
    }
  } };
});`,
);

let dir: string;
let account: SandboxAccount;
let receiver: Receiver;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-tz-'));
  fs.cpSync(path.join(repoRoot(), 'src'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 'probe'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 'probe', 'dates_ue.js'), DATES);
  fs.writeFileSync(
    path.join(dir, 'Objects', 'customscript_sb_dates_ue.xml'),
    `<usereventscript scriptid="customscript_sb_dates_ue"><name>Dates</name><scriptfile>[/SuiteScripts/probe/dates_ue.js]</scriptfile>
  <scriptdeployments><scriptdeployment scriptid="customdeploy_sb_dates_ue"><status>RELEASED</status><recordtype>EMPLOYEE</recordtype></scriptdeployment></scriptdeployments>
</usereventscript>`,
  );
  receiver = await Receiver.start({ now: () => account.clock.now() });
  account = await SandboxAccount.create({
    projectDir: dir,
    workers: 1,
    timeZone: 'Asia/Tokyo',
    secrets: { [SECRET_ID]: receiver.apiSecretValue },
    params: {
      [UE_DEPLOY]: { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: SECRET_ID, [PARAM.deliveryMode]: 'inline' },
    },
    http: { trustedCertificates: [receiver.certificatePem!] },
  });
});

afterAll(async () => {
  await account?.close();
  await receiver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const seen = () =>
  JSON.parse(account.logs({ script: 'customscript_sb_dates_ue' }).at(-1)!.details) as Record<string, unknown>;
const eventOf = (recordId: string) => [...receiver.events.values()].filter((e) => e.data.recordId === recordId).at(-1)!;

test.each([
  ['a spring day (Pacific Daylight Time)', '2026-03-15', 420, 'GMT-0700 (Pacific Daylight Time)'],
  ['the day daylight time ends', '2026-11-01', 420, 'GMT-0700 (Pacific Daylight Time)'],
  ['new year (Pacific Standard Time)', '2026-01-01', 480, 'GMT-0800 (Pacific Standard Time)'],
])(
  '%s: the script sees Pacific midnight, the event carries the date entered',
  async (_when, hireDate, offset, zone) => {
    const id = await account.createEmployee(
      {
        values: { firstName: 'Hana', lastName: `Tanaka ${hireDate}`, subsidiary: { id: '1', refName: null }, hireDate },
      },
      REST,
    );
    const [y, m, d] = hireDate.split('-').map(Number);
    expect(seen()).toMatchObject({ local: `${y}-${m}-${d} 0:0`, offset });
    expect(String(seen().text)).toContain(zone);
    const event = eventOf(id);
    expect(event.data.changes.hireDate).toEqual({ old: null, new: hireDate });
    expect(event.data.record!.hireDate).toBe(hireDate);
  },
);

/** Date.getTimezoneOffset() of Pacific time at an instant (minutes west of UTC: 420 or 480). */
function pacificOffset(ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')!.value;
  const [, sign, hours, minutes] = /GMT([+-])(\d+)(?::(\d+))?/.exec(name)!;
  return (sign === '-' ? 1 : -1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

test('scripts run on Pacific time whatever the machine time zone', () => {
  expect(seen().nowOffset).toBe(pacificOffset(account.clock.now()));
});

test('a date a script sets is the Pacific day it meant, and an edit carries it', async () => {
  await account.updateEmployee('5', { values: { title: 'set by a script', hireDate: '2026-02-02' } }, REST);
  expect(account.getEmployee('5')!.hireDate).toBe('2026-07-04');
});

/** Small parts of the sandbox on their own: SDF XML, recurrences, start options, a persistent database. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { parseStartArgs } from '../../lib/sandbox/config';
import { readObjects, parseXml } from '../../lib/sandbox/sdf/objects-xml';
import { nextSlot, parseDuration, schedulesOf } from '../../lib/sandbox/scheduling/scheduler';
import { repoRoot } from '../../lib/sandbox/paths';
import { REST } from './helpers';
import { DELIVERY_RECORD, DEPLOYMENT, DELIVERY_FIELD as F, PARAM, SCRIPT } from '../../lib/core';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-units-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the project objects read as SDF declares them', () => {
  const objects = readObjects(path.join(repoRoot(), 'src', 'Objects'));
  const ue = objects.scripts.find((s) => s.id === SCRIPT.userEvent)!;
  expect(ue).toMatchObject({
    type: 'usereventscript',
    scriptFile: '/SuiteScripts/suitehooks/suitehooks_employee_ue.js',
  });
  expect(ue.deployments[0]).toMatchObject({
    id: DEPLOYMENT.userEvent,
    recordType: 'EMPLOYEE',
    status: 'RELEASED',
    executionContexts: null,
    runAsRole: 'ADMINISTRATOR',
  });
  expect(ue.parameters.map((p) => p.id)).toContain(PARAM.endpointUrl);
  const delivery = objects.recordTypes.find((t) => t.id === DELIVERY_RECORD)!;
  expect(delivery).toMatchObject({
    accessType: 'USEPERMISSIONLIST',
    permissions: [{ role: 'ADMINISTRATOR', level: 'FULL' }],
  });
  expect(delivery.fields.find((f) => f.id === F.nextAttempt)!.fieldType).toBe('TEXT');
  // Only the Scheduled deployment (the timer) runs on a schedule; the Not Scheduled worker only on demand.
  const retry = objects.scripts.find((s) => s.id === SCRIPT.retry)!;
  expect(retry.deployments.map((d) => [d.id, d.status])).toEqual([
    [DEPLOYMENT.retryTimer, 'SCHEDULED'],
    [DEPLOYMENT.retryWorker, 'NOTSCHEDULED'],
  ]);
  expect(schedulesOf(objects.scripts)).toEqual([
    expect.objectContaining({ deploymentId: DEPLOYMENT.retryTimer, period: 15 * 60_000 }),
  ]);
});

test('only a Scheduled deployment runs on its recurrence (Testing and Not Scheduled ones do not)', () => {
  const daily = {
    kind: 'daily',
    startDate: '2026-01-01',
    startTime: '00:00:00Z',
    repeat: 'PT15M',
    everyXDays: 1,
    endDate: null,
  };
  const deployment = (id: string, status: string) => ({
    id,
    status,
    isDeployed: true,
    logLevel: 'DEBUG',
    recordType: null,
    executionContexts: null,
    eventType: null,
    runAsRole: null,
    recurrence: daily,
    values: {},
  });
  const script = {
    type: 'scheduledscript' as const,
    id: 'customscript_s',
    name: 's',
    scriptFile: '/SuiteScripts/s.js',
    isInactive: false,
    parameters: [],
    file: 's.xml',
    deployments: [
      deployment('customdeploy_a', 'SCHEDULED'),
      deployment('customdeploy_b', 'TESTING'),
      deployment('customdeploy_c', 'NOTSCHEDULED'),
    ],
  };
  expect(schedulesOf([script]).map((s) => s.deploymentId)).toEqual(['customdeploy_a']);
});

test('XML: entities, CDATA, self-closing elements; malformed input is refused', () => {
  const root = parseXml('<?xml version="1.0"?><a x="1 &amp; 2"><b>&lt;t&gt;</b><c/><d><![CDATA[<raw>]]></d></a>');
  expect(root.attrs.x).toBe('1 & 2');
  expect(root.children.map((c) => [c.name, c.text])).toEqual([
    ['b', '<t>'],
    ['c', ''],
    ['d', '<raw>'],
  ]);
  expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
  expect(() => parseXml('<a>')).toThrow(/not closed/);
});

test('recurrences: the next slot at or after a time; ISO durations', () => {
  expect(parseDuration('PT15M')).toBe(900_000);
  expect(parseDuration('PT2H30M')).toBe(9_000_000);
  expect(parseDuration('nonsense')).toBeNull();
  const s = { scriptId: 's', deploymentId: 'd', anchor: Date.UTC(2026, 0, 1), period: 900_000, end: null };
  expect(nextSlot(s, Date.UTC(2026, 0, 1, 0, 7))).toBe(Date.UTC(2026, 0, 1, 0, 15));
  expect(nextSlot(s, Date.UTC(2026, 0, 1, 0, 15))).toBe(Date.UTC(2026, 0, 1, 0, 15));
  expect(nextSlot({ ...s, period: null }, Date.UTC(2026, 0, 2))).toBeNull();
});

test('start options: config file, then flags', () => {
  const file = path.join(tmp, 'sandbox.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ restPort: 9000, params: { d1: { p1: 'file' } }, secrets: { custsecret_a: 'x' } }),
  );
  const config = parseStartArgs([
    '--config',
    file,
    '--param',
    'd1.p1=flag',
    '--param',
    'd2.p2=a=b',
    '--secret',
    'custsecret_b=y',
    '--once',
  ]);
  expect(config).toMatchObject({
    restPort: 9000,
    once: true,
    params: { d1: { p1: 'flag' }, d2: { p2: 'a=b' } },
    secrets: { custsecret_a: 'x', custsecret_b: 'y' },
  });
  expect(() => parseStartArgs(['--param', 'nodot=1'])).toThrow(/deployment/);
  expect(() => parseStartArgs(['--rest-port', 'x'])).toThrow(/port/);
});

test('a database file keeps the account between runs (seeded once)', async () => {
  const dbPath = path.join(tmp, 'account.db');
  const first = await SandboxAccount.create({ projectDir: null, dbPath, workers: 1 });
  const id = await first.createEmployee(
    { values: { firstName: 'Kept', lastName: 'Here', subsidiary: { id: '1', refName: null } } },
    REST,
  );
  await first.close();
  const second = await SandboxAccount.create({ projectDir: null, dbPath, workers: 1 });
  try {
    expect(second.getEmployee(id)).toMatchObject({ firstName: 'Kept' });
    expect(second.listEmployees(1, 0).totalResults).toBe(9);
  } finally {
    await second.close();
  }
  expect(fs.existsSync(dbPath)).toBe(true);
});

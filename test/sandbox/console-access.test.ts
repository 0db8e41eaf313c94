/**
 * The console runs with its user's own role (no Execute As Role), and delivery records are restricted to
 * a permission list (SDFxml_372451363, SDFxml_2290236535). So a role an administrator adds to the
 * console's audience also needs the delivery record: View to read it, Edit to replay. Without it the
 * console fails with NetSuite's permission error and changes nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DELIVERY_FIELD as F, DELIVERY_RECORD } from '../../lib/core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { repoRoot } from '../../lib/sandbox/paths';
import { CSV } from './helpers';
import { consoleFetch, SALES_REP, startConsoleStack, type ConsoleStack } from './console-stack';

let dir: string;
let stack: ConsoleStack;
let deadId: string;

/** src/ with the Sales Rep role (SALES_PERSON) added to the console deployment's audience. */
function projectWithSalesRepAudience(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-console-access-'));
  fs.cpSync(path.join(repoRoot(), 'src'), copy, { recursive: true });
  const file = path.join(copy, 'Objects', `${SCRIPT.console}.xml`);
  fs.writeFileSync(
    file,
    fs
      .readFileSync(file, 'utf8')
      .replace('<audslctrole>ADMINISTRATOR</audslctrole>', '<audslctrole>ADMINISTRATOR|SALES_PERSON</audslctrole>'),
  );
  return copy;
}

/** A dead delivery (the receiver answers 410) of employee 3; its id. */
async function makeDeadAgain(): Promise<string> {
  stack.receiver.behave({ kind: 'status', status: 410 });
  try {
    await stack.account.updateEmployee('3', { values: { title: `Gone ${Date.now()}` } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
  } finally {
    stack.receiver.setDefault({ kind: 'ok' });
  }
  return String(
    stack
      .deliveries()
      .filter((d) => d[F.status] === 'dead')
      .at(-1)!.id,
  );
}

beforeAll(async () => {
  dir = projectWithSalesRepAudience();
  stack = await startConsoleStack({ projectDir: dir });
  deadId = await makeDeadAgain();
}, 60_000);

afterAll(async () => {
  await stack?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const rep = (params: Record<string, string>, form?: Record<string, string>) =>
  consoleFetch(stack, stack.repToken, params, form);
const replayOne = () => rep({}, { custpage_view: 'delivery', custpage_delivery: deadId });
const status = () => stack.deliveries().find((d) => String(d.id) === deadId)![F.status];

/** The text shown for a labelled read-only value (render.ts: `<label>…</label><span …>value</span>`). */
const valueOf = (html: string, label: string) =>
  new RegExp(`>${label.replace(/[()]/g, '\\$&')}</label><span[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
const DENIED = 'not visible to your role';

test('in the audience with no other permission: every part says it is not visible, the page still shows', async () => {
  const health = await rep({});
  expect(health.status).toBe(200);
  expect(health.html).toContain('suitehooks: Health');
  expect(health.html).toContain(`<p id="outbox-denied">${DENIED}</p>`);
  for (const label of [
    'Oldest pending',
    'Last success',
    'Timer (every 15 min)',
    'Worker (on demand)',
    'Last runs (your time zone)',
    'Endpoint',
    'Alerts',
  ])
    expect(valueOf(health.html, label)).toBe(DENIED);
  expect(health.html).toContain(`the user event deployment is ${DENIED}`);
  const list = await rep({ custparam_view: 'deliveries' });
  expect(list.status).toBe(200);
  expect(list.html).toContain(`Deliveries: ${DENIED}.`);
  expect((await rep({ custparam_view: 'delivery', custparam_id: deadId })).html).toContain(
    `Delivery ${deadId}: ${DENIED}.`,
  );
  expect((await rep({ custparam_view: 'replay_dead' })).html).toContain(`Dead deliveries: ${DENIED}.`);
  const replay = await replayOne();
  expect(replay.status).toBe(200);
  expect(replay.html).toContain('Nothing done: actions are off');
  expect(status()).toBe('dead');
});

test('View on the delivery record: the outbox parts show, script deployments stay hidden', async () => {
  stack.account.setRecordPermission(DELIVERY_RECORD, SALES_REP.roleId, 'VIEW');
  const health = await rep({});
  expect(health.status).toBe(200);
  expect(Number(/id="count-dead"><a [^>]*>(\d+)</.exec(health.html)?.[1])).toBe(1);
  expect(valueOf(health.html, 'Timer (every 15 min)')).toBe(DENIED);
  expect(valueOf(health.html, 'Endpoint')).toBe(DENIED);
  expect((await rep({ custparam_view: 'delivery', custparam_id: deadId })).html).toContain('delivery-body');
  expect((await rep({ custparam_view: 'replay_dead' })).html).toContain('1 dead delivery.');
});

test('SuiteScript as well: deployments and the configuration show; a replay needs Edit', async () => {
  stack.account.setRolePermission(SALES_REP.roleId, 'SUITESCRIPT', true);
  const health = await rep({});
  expect(valueOf(health.html, 'Timer (every 15 min)')).toMatch(/^customdeploy_suitehooks_retry_ss: SCHEDULED$/);
  expect(health.html).toContain('No problems found in the user event deployment.');
  expect(health.html).not.toContain(DENIED);
  const replay = await replayOne();
  expect(replay.status).toBe(200);
  expect(replay.html).toContain(`Delivery ${deadId}: not replayed: not allowed for your role.`);
  expect(status()).toBe('dead');
});

test('Edit without SuiteScript Scheduling: replayed, but the worker is not started and the page says why', async () => {
  stack.account.setRecordPermission(DELIVERY_RECORD, SALES_REP.roleId, 'EDIT');
  const replay = await replayOne();
  expect(replay.html).toContain('1 delivery replayed.');
  expect(replay.html).toContain(
    'starting it needs the SuiteScript Scheduling permission, which your role does not have',
  );
  expect(status()).toBe('pending');
  // Nothing was queued: the worker does not run until the timer starts it.
  const runs = await stack.account.runDue();
  expect(runs.filter((r) => r.deploymentId === DEPLOYMENT.retryWorker)).toHaveLength(0);
  expect(status()).toBe('pending');
});

test('with SuiteScript Scheduling the replay starts the worker', async () => {
  await stack.account.runDue();
  deadId = await makeDeadAgain();
  stack.account.setRolePermission(SALES_REP.roleId, 'SUITESCRIPT_SCHEDULING', true);
  const replay = await replayOne();
  expect(replay.html).toContain('1 delivery replayed.');
  expect(replay.html).toMatch(new RegExp(`The retry worker \\(${DEPLOYMENT.retryWorker}\\) was started`));
  expect(status()).toBe('pending');
});

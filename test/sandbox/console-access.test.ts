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

beforeAll(async () => {
  dir = projectWithSalesRepAudience();
  stack = await startConsoleStack({ projectDir: dir });
  stack.receiver.behave({ kind: 'status', status: 410 });
  try {
    await stack.account.updateEmployee('3', { values: { title: 'Gone' } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
  } finally {
    stack.receiver.setDefault({ kind: 'ok' });
  }
  deadId = String(stack.deliveries().find((d) => d[F.status] === 'dead')!.id);
}, 60_000);

afterAll(async () => {
  await stack?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const rep = (params: Record<string, string>, form?: Record<string, string>) =>
  consoleFetch(stack, stack.repToken, params, form);
const replayOne = () => rep({}, { custpage_view: 'delivery', custpage_delivery: deadId });
const status = () => stack.deliveries().find((d) => String(d.id) === deadId)![F.status];

test('in the audience without access to the delivery record: the permission error, nothing changed', async () => {
  const health = await rep({});
  expect(health.status).toBe(500);
  expect(health.html).toContain('INSUFFICIENT_PERMISSION');
  expect((await replayOne()).status).toBe(500);
  expect(status()).toBe('dead');
});

test('View on the delivery record: the pages read, a replay is refused', async () => {
  stack.account.setRecordPermission(DELIVERY_RECORD, SALES_REP.roleId, 'VIEW');
  const health = await rep({});
  expect(health.status).toBe(200);
  expect(health.html).toContain('suitehooks: Health');
  expect((await rep({ custparam_view: 'delivery', custparam_id: deadId })).status).toBe(200);
  const replay = await replayOne();
  expect(replay.status).toBe(500);
  expect(replay.html).toContain('INSUFFICIENT_PERMISSION');
  expect(status()).toBe('dead');
});

test('Edit on the delivery record: the replay goes through', async () => {
  stack.account.setRecordPermission(DELIVERY_RECORD, SALES_REP.roleId, 'EDIT');
  const replay = await replayOne();
  expect(replay.status).toBe(200);
  expect(replay.html).toContain('1 delivery replayed.');
  expect(status()).toBe('pending');
});

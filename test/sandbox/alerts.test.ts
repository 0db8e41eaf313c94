/**
 * Alerts, sent by the real retry script's timer runs (its 15-minute schedule on the account clock):
 * dead deliveries and a failing endpoint each email the recipients set on the timer deployment, at
 * most once an hour per kind, with counts, the last error and a link to the console; never a payload.
 */
import { ALERT_PARAM, ALERT_FIELD, ALERT_RECORD } from '../../lib/core/alert-config';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { UNIT_COST } from '../../lib/core/governance';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { CSV, UI } from './helpers';
import { consoleFetch, startConsoleStack, type ConsoleStack } from './console-stack';

const MINUTE = 60_000;
let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.recipients, 'ops@example.com, 2');
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.author, '1');
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.failingMinutes, '30');
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

const emails = (kind: RegExp) => stack.account.sentEmails().filter((e) => kind.test(e.subject));
/** One timer slot later: the schedule queues the timer deployment, which checks alerts and runs. */
const timerSlot = () => stack.account.advance(15 * MINUTE);

async function deadDelivery(employeeId: string, title: string): Promise<string> {
  stack.receiver.behave({ kind: 'status', status: 410 });
  try {
    await stack.account.updateEmployee(employeeId, { values: { title } }, UI, 'edit');
  } finally {
    stack.receiver.setDefault({ kind: 'ok' });
  }
  return String(
    stack
      .deliveries()
      .filter((d) => d[F.status] === 'dead')
      .at(-1)![F.eventId],
  );
}

test("the console shows the timer deployment's alert settings", async () => {
  const { html } = await consoleFetch(stack, stack.adminToken, {});
  expect(html).toContain('2 recipient(s); endpoint failing alert after 30 min');
});

test('deliveries that went dead: one email with counts, the last error and the console link, then at most one an hour', async () => {
  const eventId = await deadDelivery('3', 'Confidential Title 1');
  const runs = await timerSlot();
  expect(runs.some((r) => r.deploymentId === DEPLOYMENT.retryTimer && r.status === 'COMPLETE')).toBe(true);
  const [first, ...more] = emails(/went dead/);
  expect(more).toHaveLength(0);
  expect(first).toMatchObject({
    author: 1,
    recipients: ['ops@example.com', 'bruno.silva@example.com'],
    subject: 'suitehooks (1234567_SB1): 1 delivery went dead',
  });
  expect(first!.body).toContain('Dead now: 1.');
  expect(first!.body).toContain('Last error: HTTP 410 Gone: the receiver asked for no more retries');
  expect(first!.body).toContain(
    `Open the console: https://${new URL(stack.server.url).host}/app/site/hosting/scriptlet.nl?script=${SCRIPT.console}&deploy=${DEPLOYMENT.console}`,
  );
  for (const secret of [eventId, 'Confidential Title', 'Silva', '"data"']) expect(first!.body).not.toContain(secret);

  await deadDelivery('4', 'Confidential Title 2');
  await timerSlot();
  await timerSlot();
  expect(emails(/went dead/)).toHaveLength(1); // within the hour: held back, not lost
  await stack.account.advance(35 * MINUTE);
  const later = emails(/went dead/);
  expect(later).toHaveLength(2);
  expect(later[1]!.subject).toContain('1 delivery went dead');
  expect(emails(/has failed/)).toHaveLength(0); // a 410 is the receiver's answer, not a failing endpoint
});

test('an endpoint failing longer than the configured time: one email, not again within the hour; recovery clears it', async () => {
  await stack.receiver.down();
  await stack.account.updateEmployee('5', { values: { title: 'Queued while down' } }, CSV, 'edit');
  await timerSlot(); // the timer's drain fails: the latest attempt failed, first seen now
  expect(emails(/has failed/)).toHaveLength(0);
  await timerSlot();
  expect(emails(/has failed/)).toHaveLength(0); // 15 of 30 minutes
  await timerSlot();
  await timerSlot();
  const [failing, ...more] = emails(/has failed/);
  expect(more).toHaveLength(0);
  expect(failing!.subject).toMatch(/the endpoint has failed for (30|45) minutes/);
  expect(failing!.body).toMatch(/Last error: .*SSS_/);
  await timerSlot();
  expect(emails(/has failed/)).toHaveLength(1);

  await stack.receiver.up();
  await stack.account.advance(3 * 60 * MINUTE); // this run still sees the failure, then its retry gets through
  await timerSlot(); // the latest attempt succeeded: not failing any more
  const state = stack.account.customRecords(ALERT_RECORD).find((r) => r[ALERT_FIELD.kind] === 'failing')!;
  expect(state[ALERT_FIELD.mark]).toBeNull();
  expect(stack.deliveries().filter((d) => d[F.status] === 'pending')).toHaveLength(0);
});

test('bad alert settings send nothing and name the parameter in the execution log', async () => {
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.author, 'somebody');
  const before = stack.account.sentEmails().length;
  await deadDelivery('6', 'Another');
  await stack.account.advance(2 * 60 * MINUTE);
  expect(stack.account.sentEmails()).toHaveLength(before);
  const log = stack.account
    .logs({ script: SCRIPT.retry, level: 'ERROR' })
    .map((e) => e.details)
    .join('\n');
  expect(log).toContain(`${ALERT_PARAM.author} must be an employee internal id`);
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.author, '1');
});

test('alerts off cost a timer run nothing: the settings are its own parameters (Script.getParameter, no units)', async () => {
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.recipients, null);
  await timerSlot();
  const [timer] = stack.account
    .executions({ script: SCRIPT.retry })
    .filter((e) => e.deployment === DEPLOYMENT.retryTimer)
    .slice(-1);
  // Nothing is due: the two due searches (10 each) and nothing else. Read from the console's
  // deployment, the settings would add a deployment search and a load (15).
  // Plus the endpoint records' search for failing endpoints to disable (10), which runs whatever the alerts.
  expect(timer).toMatchObject({ ok: true, usage: 3 * UNIT_COST.resultSetPage });
  stack.account.setParameter(DEPLOYMENT.retryTimer, ALERT_PARAM.recipients, 'ops@example.com, 2');
});

/**
 * The administrator's console (the real built Suitelet) served by the sandbox at NetSuite's URL shape:
 * who may open it, health numbers against the outbox, the deliveries list and a delivery's body,
 * replay (dead → pending → the worker sends it, same webhook-id, verified), the signed test event.
 */
import { DELIVERY_FIELD as F, DELIVERY_RECORD } from '../../lib/core/delivery-record';
import { RECORD_UNITS, UNIT_COST } from '../../lib/core/governance';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { CSV, UI } from './helpers';
import { consoleFetch, startConsoleStack, type ConsoleStack } from './console-stack';

let stack: ConsoleStack;
const MINUTE = 60_000;

beforeAll(async () => {
  stack = await startConsoleStack();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

const admin = (params: Record<string, string>, form?: Record<string, string>) =>
  consoleFetch(stack, stack.adminToken, params, form);
const byStatus = (status: string) => stack.deliveries().filter((d) => d[F.status] === status);
/** The text of the element with this id (the page's own markup). */
const textOf = (html: string, id: string) =>
  /<[^>]+id="[^"]*"/.test(html) ? (new RegExp(`id="${id}"[^>]*>(?:<a [^>]*>)?([^<]*)`).exec(html)?.[1] ?? null) : null;

/** A dead delivery: the receiver answers 410 to a queued event (nothing else pending is due then). */
async function makeDead(employeeId: string, title: string): Promise<string> {
  await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
  stack.receiver.behave({ kind: 'status', status: 410 });
  try {
    await stack.account.updateEmployee(employeeId, { values: { title } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
  } finally {
    stack.receiver.setDefault({ kind: 'ok' });
  }
  const dead = byStatus('dead')
    .filter((d) => d[F.recordId] === employeeId)
    .at(-1)!;
  return String(dead[F.eventId]);
}

test("without a session it asks for a login; a role outside the audience gets NetSuite's permission error", async () => {
  const anonymous = await fetch(stack.url(), { redirect: 'manual' });
  expect(anonymous.status).toBe(401);
  const rep = await consoleFetch(stack, stack.repToken, {});
  expect(rep.status).toBe(403);
  expect(rep.html).toContain('You do not have privileges to view this page.');
  expect(stack.account.executions({ script: SCRIPT.console })).toHaveLength(0); // refused before the script runs
  const ok = await admin({});
  expect(ok.status).toBe(200);
  expect(ok.html).toContain('suitehooks: Health');
});

test('health numbers match the outbox', async () => {
  await stack.account.updateEmployee('5', { values: { title: 'Queued A' } }, CSV, 'edit');
  await stack.account.updateEmployee('6', { values: { title: 'Queued B' } }, CSV, 'edit');
  await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker); // two delivered
  await makeDead('7', 'Gone');
  await stack.receiver.down();
  await stack.account.updateEmployee('8', { values: { title: 'Waiting' } }, UI, 'edit'); // inline fails: pending
  await stack.receiver.up();

  const { html } = await admin({});
  expect(Number(textOf(html, 'count-pending'))).toBe(byStatus('pending').length);
  expect(Number(textOf(html, 'count-dead'))).toBe(byStatus('dead').length);
  expect(Number(textOf(html, 'count-delivered-24h'))).toBe(byStatus('delivered').length);
  expect(byStatus('pending').length).toBeGreaterThan(0);
  expect(html).toMatch(/Last failure<\/label><span[^>]*>[^<]*(SSS_CONNECTION_CLOSED|no HTTP answer)/);
  expect(html).toMatch(/Last success<\/label><span[^>]*>[^<]*HTTP 200/);
  expect(html).toContain('No problems found in the user event deployment.');
  expect(html).not.toContain(stack.receiver.apiSecretValue);

  // A day later the deliveries are no longer "in the last 24 h".
  stack.account.clock.advance(25 * 60 * MINUTE);
  expect(Number(textOf((await admin({})).html, 'count-delivered-24h'))).toBe(0);
});

test('the deliveries list filters by status; a delivery shows its body as escaped, indented JSON', async () => {
  const eventId = await makeDead('2', '<script>alert(1)</script> & co');
  const list = await admin({ custparam_view: 'deliveries', custparam_status: 'dead' });
  expect(list.html).toContain(eventId);
  expect(list.html).toContain('custpage_state" value="dead"');
  expect(list.html).not.toMatch(/custpage_state" value="(pending|delivered)"/);
  const id = String(stack.deliveries().find((d) => d[F.eventId] === eventId)!.id);
  const detail = await admin({ custparam_view: 'delivery', custparam_id: id });
  expect(detail.html).not.toContain('<script>alert(1)</script>');
  expect(detail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  // The record is named with its type: the outbox holds vendors', partners' and customers' events too.
  expect(detail.html).toContain('<span data-field="custpage_d_record">employee 2</span>');
  expect(detail.html).toMatch(
    /<pre class="suitehooks-body" id="delivery-body">\{\n {2}&quot;type&quot;: &quot;employee.updated&quot;/,
  );

  const bad = await admin({ custparam_view: 'deliveries', custparam_employee: "1' OR 1=1 --" });
  expect(bad.html).toContain('Filter ignored: the record must be an internal id (digits)');
});

test('replay of every dead delivery asks for a confirmation, then the worker sends each once more, same webhook-id, verified', async () => {
  const eventId = await makeDead('3', 'Replay me');
  const before = stack.receiver.attempts.filter((a) => a.webhookId === eventId).length;

  const unconfirmed = await admin({}, { custpage_view: 'replay_dead' });
  expect(unconfirmed.html).toContain('Nothing replayed: tick the confirmation box first.');
  expect(byStatus('dead').some((d) => d[F.eventId] === eventId)).toBe(true);

  const dead = byStatus('dead').length;
  const kept = stack.deliveries().find((d) => d[F.eventId] === eventId)!;
  const done = await admin({}, { custpage_view: 'replay_dead', custpage_confirm: 'T' });
  expect(done.html).toContain(`${dead} deliveries replayed.`);
  expect(done.html).toMatch(
    new RegExp(`The retry worker \\(${DEPLOYMENT.retryWorker}\\) was started \\(task SCHEDSCRIPT_\\d+\\)`),
  );
  expect(byStatus('dead')).toHaveLength(0);
  // As the worker reads it: pending, attempts 0, Next Attempt empty (due now); body and its length untouched.
  expect(stack.deliveries().find((d) => d[F.eventId] === eventId)).toMatchObject({
    [F.status]: 'pending',
    [F.attempts]: 0,
    [F.lastError]: null,
    [F.nextAttempt]: null,
    [F.body]: kept[F.body],
    [F.bodyLength]: kept[F.bodyLength],
  });
  expect(kept[F.bodyLength]).toBe(String(kept[F.body]).length);

  // Replaying again while that worker is queued says so instead of failing.
  await makeDeadWithoutRun('4');
  const busy = await admin({}, { custpage_view: 'replay_dead', custpage_confirm: 'T' });
  expect(busy.html).toContain('The retry worker is already queued or running (FAILED_TO_SUBMIT_JOB_REQUEST_1)');

  const runs = await stack.account.runDue();
  expect(runs.some((r) => r.deploymentId === DEPLOYMENT.retryWorker && r.status === 'COMPLETE')).toBe(true);
  const attempts = stack.receiver.attempts.filter((a) => a.webhookId === eventId);
  expect(attempts.length).toBe(before + 1);
  expect(attempts.at(-1)).toMatchObject({ verified: true, status: 200 });
  expect(stack.deliveries().find((d) => d[F.eventId] === eventId)).toMatchObject({
    [F.status]: 'delivered',
    [F.attempts]: 1,
  });
});

/** A dead delivery made while the worker is already queued (the 410 comes from a timer run). */
async function makeDeadWithoutRun(employeeId: string): Promise<void> {
  stack.receiver.behave({ kind: 'status', status: 410 });
  try {
    await stack.account.updateEmployee(employeeId, { values: { title: 'Dead again' } }, UI, 'edit');
  } finally {
    stack.receiver.setDefault({ kind: 'ok' });
  }
}

test('one selected delivery is replayed from the list; a delivered one is not', async () => {
  const eventId = await makeDead('1', 'Selected');
  const id = String(stack.deliveries().find((d) => d[F.eventId] === eventId)!.id);
  const delivered = String(byStatus('delivered')[0]!.id);
  const res = await admin(
    {},
    {
      custpage_view: 'deliveries',
      custpage_action: 'replay',
      'custpage_deliveries:0:custpage_select': 'T',
      'custpage_deliveries:0:custpage_id': id,
      'custpage_deliveries:1:custpage_select': 'T',
      'custpage_deliveries:1:custpage_id': delivered,
    },
  );
  expect(res.html).toContain('1 delivery replayed.');
  expect(res.html).toContain(`Delivery ${delivered}: already delivered`);
  expect(stack.deliveries().find((d) => String(d.id) === id)).toMatchObject({ [F.status]: 'pending', [F.attempts]: 0 });
  await stack.account.runDue();

  const filter = await admin(
    {},
    { custpage_view: 'deliveries', custpage_action: 'filter', custpage_status: 'delivered', custpage_employee: '1' },
  );
  expect(filter.status).toBe(302);
  expect(filter.location).toMatch(
    new RegExp(
      `^/app/site/hosting/scriptlet\\.nl\\?script=${SCRIPT.console}&deploy=${DEPLOYMENT.console}&.*custparam_status=delivered`,
    ),
  );
});

test('send test event: a signed suitehooks.ping reaches the receiver verified; its answer and time are shown; nothing is stored', async () => {
  const stored = stack.deliveries().length;
  const { html } = await admin({}, { custpage_view: 'health' });
  const match = /Test event (ping_[A-Za-z0-9_]+): the receiver answered HTTP 200 in (\d+) ms\./.exec(html);
  expect(match).not.toBeNull();
  const event = stack.receiver.events.get(match![1]!) as unknown as { type: string; data: Record<string, unknown> };
  expect(event).toMatchObject({
    type: 'suitehooks.ping',
    data: {
      id: match![1],
      account: '1234567_SB1',
      origin: { executionContext: 'SUITELET', user: { id: '1' }, role: { id: '3' } },
    },
  });
  expect(Object.keys(event.data).sort()).toEqual(['account', 'id', 'message', 'origin']);
  expect(html).toContain('Answer: {&quot;received&quot;:true,&quot;duplicate&quot;:false}');
  expect(stack.deliveries()).toHaveLength(stored);

  await stack.receiver.down();
  const down = await admin({}, { custpage_view: 'health' });
  await stack.receiver.up();
  expect(down.html).toMatch(/Test event ping_[A-Za-z0-9_]+ failed after \d+ ms: SSS_/);
  expect(stack.deliveries()).toHaveLength(stored);
});

test('a large outbox costs the console the same governance: no load per row', async () => {
  const usage = async (params: Record<string, string>) => {
    await admin(params);
    return stack.account.executions({ script: SCRIPT.console }).at(-1)!.usage;
  };
  const small = [await usage({}), await usage({ custparam_view: 'deliveries' })];
  const table = DELIVERY_RECORD;
  const insert = stack.account.db.prepare(
    `INSERT INTO ${table} (name, ${F.eventId}, ${F.status}, ${F.attempts}, ${F.recordId}, created, lastmodified) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date(stack.account.clock.now()).toISOString();
  stack.account.db.transaction(() => {
    for (let i = 0; i < 3000; i++)
      insert.run(`evt_bulk_${i}`, `evt_bulk_${i}`, ['pending', 'dead', 'delivered'][i % 3], 1, '5', now, now);
  })();
  const large = [await usage({}), await usage({ custparam_view: 'deliveries' })];
  // Health: a fixed number of queries, plus at most three single-record loads (oldest pending, last
  // success, last failure: 2 units each); the deliveries page: a count and a page (10 + 10).
  expect(large[0]).toBeLessThanOrEqual(small[0]! + 3 * RECORD_UNITS.load.custom);
  expect(large[0]).toBeLessThan(100);
  // Every page also reads the user event deployment once (search 10 + load 5): its API Secret signs the form token.
  const session = UNIT_COST.resultSetPage + RECORD_UNITS.load.other;
  expect(large[1]).toBe(2 * UNIT_COST.suiteql + session);
  expect(small[1]).toBe(2 * UNIT_COST.suiteql + session);
});

test('filter values are echoed only when valid: a bad one is named, never put back into a field or a link', async () => {
  const bad = await admin({
    custparam_view: 'deliveries',
    custparam_employee: 'zq1"><b>x',
    custparam_from: '2026-13-45zz',
    custparam_to: "<img src=x onerror='t'>",
    custparam_status: 'dead',
  });
  expect(bad.status).toBe(200);
  for (const marker of ['zq1', '2026-13-45zz', 'onerror']) expect(bad.html).not.toContain(marker);
  expect(bad.html).toContain('Filter ignored: the record must be an internal id (digits)');
  expect(bad.html).toContain('Filter ignored: from must be a date YYYY-MM-DD');
  expect(bad.html).toContain('<input type="text" name="custpage_employee" id="custpage_employee" value="">');
  const good = await admin({ custparam_view: 'deliveries', custparam_employee: '12', custparam_from: '2026-03-01' });
  expect(good.html).toContain('name="custpage_employee" id="custpage_employee" value="12"');
  expect(good.html).toContain('name="custpage_from" id="custpage_from" value="2026-03-01"');
});

test('two notices on one form (a message and a bad filter) each get a field of their own', async () => {
  const res = await admin({}, { custpage_view: 'deliveries', custpage_action: 'replay', custpage_employee: 'x' });
  expect(res.status).toBe(200);
  expect(res.html).toContain('Select the deliveries to replay first.');
  expect(res.html).toContain('Filter ignored: the record must be an internal id (digits)');
});

test('a 410 is described once; Last runs names its time zone; the 24 h count says what it counts; delivered ones offer no replay', async () => {
  const eventId = await makeDead('5', 'Gone again');
  const { html } = await admin({});
  expect(html).toMatch(
    /Last failure<\/label><span[^>]*>[^<]*, HTTP 410 Gone: the receiver asked for no more retries \(delivery/,
  );
  expect(html).not.toContain('HTTP 410: HTTP 410');
  expect(html).toContain('Last runs (your time zone)</label>');
  expect(html).toContain('Delivered from the outbox in the last 24 h');
  expect(html).toContain('Only stored deliveries are counted');

  const dead = String(stack.deliveries().find((d) => d[F.eventId] === eventId)!.id);
  expect((await admin({ custparam_view: 'delivery', custparam_id: dead })).html).toContain(
    '>Replay this delivery</button>',
  );
  const delivered = String(byStatus('delivered')[0]!.id);
  const page = await admin({ custparam_view: 'delivery', custparam_id: delivered });
  expect(page.html).not.toContain('Replay this delivery');
  expect(page.html).toContain('Delivered: not offered for replay');
});

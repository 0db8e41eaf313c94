/**
 * Cross-site request forgery: every state-changing console POST (replay selected, replay this delivery,
 * replay dead, send test event) needs the form token of this user, this deployment and a recent time
 * window, and a POST whose Origin or Referer is another host is refused. Without a usable API Secret the
 * console fails closed. GETs change nothing.
 */
import { PARAM } from '../../lib/core/config';
import { DELIVERY_FIELD as F } from '../../lib/core/delivery-record';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { FORM_TOKEN_FIELD, hiddenValue } from '../../lib/sandbox/suitelet/session-request';
import { CSV } from './helpers';
import { ADMIN, consoleFetch, startConsoleStack, type ConsoleStack } from './console-stack';

const HOUR = 3_600_000;
const REFUSED = /Nothing done: the form has expired \(a form is good for 8 hours at least\) or was not made for you/;
const FOREIGN = /Nothing done: the form was sent from another site \(its (Origin|Referer) header names another host\)/;

async function makeDead(stack: ConsoleStack, employeeId: string): Promise<string> {
  stack.receiver.behave({ kind: 'status', status: 410 });
  try {
    await stack.account.updateEmployee(employeeId, { values: { title: `Dead ${employeeId}` } }, CSV, 'edit');
    await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
  } finally {
    stack.receiver.setDefault({ kind: 'ok' });
  }
  return String(stack.deliveries().find((d) => d[F.recordId] === employeeId && d[F.status] === 'dead')!.id);
}

describe('with the API Secret configured', () => {
  let stack: ConsoleStack;
  let deadId: string;
  const status = () => stack.deliveries().find((d) => String(d.id) === deadId)![F.status];
  const admin = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    consoleFetch(stack, stack.adminToken, {}, form, headers);
  const tokenOf = async (session: string) =>
    hiddenValue((await consoleFetch(stack, session, { custparam_view: 'replay_dead' })).html, FORM_TOKEN_FIELD)!;
  const replayDead = { custpage_view: 'replay_dead', custpage_confirm: 'T' };

  beforeAll(async () => {
    stack = await startConsoleStack();
    deadId = await makeDead(stack, '3');
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  test('every page carries a token; a POST without it, or with a made-up one, changes nothing', async () => {
    const token = await tokenOf(stack.adminToken);
    expect(token).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    for (const bad of ['', 'x', token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))]) {
      const res = await admin({ ...replayDead, [FORM_TOKEN_FIELD]: bad });
      expect(res.status).toBe(200);
      expect(res.html).toMatch(REFUSED);
      expect(status()).toBe('dead');
    }
    const attempts = stack.receiver.attempts.length;
    expect((await admin({ custpage_view: 'health', [FORM_TOKEN_FIELD]: '' })).html).toMatch(REFUSED);
    expect(stack.receiver.attempts).toHaveLength(attempts); // no test event sent
    const selected = {
      custpage_view: 'deliveries',
      custpage_action: 'replay',
      'custpage_deliveries:0:custpage_select': 'T',
      'custpage_deliveries:0:custpage_id': deadId,
    };
    expect((await admin({ ...selected, [FORM_TOKEN_FIELD]: '' })).html).toMatch(REFUSED);
    const one = await admin({ custpage_view: 'delivery', custpage_delivery: deadId, [FORM_TOKEN_FIELD]: '' });
    expect(one.html).toMatch(REFUSED);
    expect(status()).toBe('dead');
  });

  test("another user's token is refused; so is a token a day old", async () => {
    const other = stack.sessions.create({ userId: '5', roleId: ADMIN.roleId });
    const theirs = await tokenOf(other);
    expect(theirs).not.toBe(await tokenOf(stack.adminToken));
    expect((await admin({ ...replayDead, [FORM_TOKEN_FIELD]: theirs })).html).toMatch(REFUSED);

    const old = await tokenOf(stack.adminToken);
    stack.account.clock.advance(7 * HOUR);
    expect(await tokenOf(stack.adminToken)).toBeDefined();
    stack.account.clock.advance(17 * HOUR);
    expect((await admin({ ...replayDead, [FORM_TOKEN_FIELD]: old })).html).toMatch(REFUSED);
    expect(status()).toBe('dead');
  });

  test('a form posted from another host (Origin, or Referer without Origin) is refused even with its token', async () => {
    const token = await tokenOf(stack.adminToken);
    const withToken = { ...replayDead, [FORM_TOKEN_FIELD]: token };
    const own = new URL(stack.server.url).host;
    const evil = `http://127.0.0.1:${Number(own.split(':')[1]) === 1 ? 2 : 1}`;
    for (const headers of [
      { origin: evil },
      { origin: 'null' },
      { referer: `${evil}/attack.html` },
      { origin: evil, referer: `${stack.server.url}/app/` },
    ]) {
      const res = await admin(withToken, headers);
      expect(res.html).toMatch(FOREIGN);
      expect(status()).toBe('dead');
    }
    // The filter form changes nothing but is checked for its origin too.
    const filter = await admin({ custpage_view: 'deliveries', custpage_action: 'filter' }, { origin: evil });
    expect(filter.status).toBe(200);
    expect(filter.html).toMatch(FOREIGN);

    const ok = await admin(withToken, { origin: `http://${own}`, referer: `${stack.server.url}/app/x` });
    expect(ok.html).toContain('1 delivery replayed.');
    expect(status()).toBe('pending');
  });

  test('GETs change nothing, whatever they carry', async () => {
    await stack.account.runDue(); // the worker the replay above queued
    const id = await makeDead(stack, '4');
    const token = await tokenOf(stack.adminToken);
    await consoleFetch(stack, stack.adminToken, {
      custparam_view: 'replay_dead',
      custpage_view: 'replay_dead',
      custpage_confirm: 'T',
      [FORM_TOKEN_FIELD]: token,
    });
    expect(stack.deliveries().find((d) => String(d.id) === id)![F.status]).toBe('dead');
  });
});

test('without an API Secret the console fails closed: pages show why, every action is refused', async () => {
  const stack = await startConsoleStack({
    params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: 'https://example.invalid/hooks' } },
  });
  try {
    const page = await consoleFetch(stack, stack.adminToken, { custparam_view: 'replay_dead' });
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      `Replay and the test event are off: the console signs its forms with the user event&#39;s (or an endpoint record&#39;s) API Secret, and no API Secret is set (${PARAM.secretId} on ${DEPLOYMENT.userEvent}, or on an endpoint record).`,
    );
    expect(hiddenValue(page.html, FORM_TOKEN_FIELD)).toBe('');
    const post = await consoleFetch(
      stack,
      stack.adminToken,
      {},
      { custpage_view: 'replay_dead', custpage_confirm: 'T' },
    );
    expect(post.html).toContain('Nothing done: actions are off: no API Secret is set');
  } finally {
    await stack.close();
  }
}, 60_000);

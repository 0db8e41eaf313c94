/**
 * The console's Endpoints page on the REAL bundle in the sandbox: every endpoint with its health and its
 * pending and dead deliveries, Send test event to one endpoint (signed with its own secret), disable and
 * enable (its events are kept while disabled and sent once enabled), deliveries filtered by endpoint, and
 * every one of these POSTs refused without the form's token.
 */
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { DELIVERY_FIELD as F, DEPLOYMENT, ENDPOINT_FIELD as EP, ENDPOINT_RECORD, PARAM, SCRIPT } from '../../lib/core';
import { consoleFetch, startConsoleStack, type ConsoleStack } from './console-stack';
import { UI } from './helpers';

const SIEM_SECRET = 'custsecret_suitehooks_siem';
let stack: ConsoleStack;
let siem: Receiver;
let id: string;

beforeAll(async () => {
  stack = await startConsoleStack();
  siem = await Receiver.start({ now: () => stack.account.clock.now() });
  stack.account.setSecret(SIEM_SECRET, siem.apiSecretValue);
  id = await stack.account.saveCustomRecord(ENDPOINT_RECORD, null, {
    name: 'SIEM',
    [EP.url]: siem.url,
    [EP.secretId]: SIEM_SECRET,
    [EP.enabled]: true,
  });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await siem?.close();
});

const admin = (params: Record<string, string>, form?: Record<string, string>) =>
  consoleFetch(stack, stack.adminToken, params, form);
const act = (action: string, extra: Record<string, string> = {}) =>
  admin({}, { custpage_view: 'endpoints', custpage_endpoint_id: id, custpage_endpoint_action: action, ...extra });
const endpointRow = () => stack.account.customRecords(ENDPOINT_RECORD).find((r) => String(r.id) === id)!;

test('the Endpoints page lists each endpoint with its state and links to its deliveries', async () => {
  const page = await admin({ custparam_view: 'endpoints' });
  expect(page.status).toBe(200);
  expect(page.html).toContain('suitehooks: Endpoints');
  expect(page.html).toContain(`SIEM (${id})`);
  expect(page.html).toContain('enabled');
  expect(page.html).toContain('custparam_endpoint=' + id);
});

test('Send test event posts a ping to that endpoint only, signed with its own secret', async () => {
  const [before, other] = [siem.attempts.length, stack.receiver.attempts.length];
  const page = await act('test');
  expect(page.html).toMatch(/the receiver answered HTTP 200/);
  expect(siem.attempts.slice(before).map((a) => a.verified)).toEqual([true]);
  expect(stack.receiver.attempts.length).toBe(other);
});

test('a POST without the form token changes nothing', async () => {
  const page = await act('disable', { custpage_token: 'forged' });
  expect(page.html).toContain('Nothing done');
  expect(endpointRow()[EP.enabled]).toBe('T');
});

test('disable keeps its events, deliveries filter by endpoint, enable sends them', async () => {
  expect((await act('disable')).html).toContain('disabled: its events are kept');
  expect(endpointRow()[EP.enabled]).toBe('F');
  const before = siem.attempts.length;
  await stack.account.updateEmployee('4', { values: { title: 'While the SIEM is off' } }, UI, 'edit');
  const kept = stack.deliveries().filter((d) => d[F.endpoint] === id && d[F.status] === 'pending');
  expect(kept).toHaveLength(1);
  expect(siem.attempts.length).toBe(before);

  const list = await admin({ custparam_view: 'deliveries', custparam_endpoint: id });
  expect(list.html).toContain(String(kept[0]![F.eventId]));
  const delivered = stack.deliveries().find((d) => d[F.endpoint] !== id);
  if (delivered) expect(list.html).not.toContain(String(delivered[F.eventId]));

  expect((await act('enable')).html).toContain('enabled: its kept deliveries are sent');
  expect(endpointRow()[EP.enabled]).toBe('T');
  await stack.account.runScheduled(SCRIPT.retry, DEPLOYMENT.retryWorker);
  expect(siem.events.has(String(kept[0]![F.eventId]))).toBe(true);
});

test("an account configured by endpoint records alone: forms are signed with the endpoint's API Secret", async () => {
  const { account } = stack;
  const paramSecret = account.getParameters(DEPLOYMENT.userEvent)[PARAM.secretId] ?? null;
  account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, null);
  try {
    const page = await admin({ custparam_view: 'endpoints' });
    expect(page.html).not.toContain('no API Secret is set');
    expect((await act('disable')).html).toContain('disabled: its events are kept');
    expect((await act('enable')).html).toContain('enabled: its kept deliveries are sent');
    expect((await act('disable', { custpage_token: 'forged' })).html).toContain('Nothing done');
    expect(endpointRow()[EP.enabled]).toBe('T');
  } finally {
    account.setParameter(DEPLOYMENT.userEvent, PARAM.secretId, paramSecret === null ? null : String(paramSecret));
  }
});

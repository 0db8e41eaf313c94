/**
 * docs/events.md against the wire (issue 17, item 14; issue 20, item 6): the page's examples are valid
 * events shaped as the real ones the bundle sends from the sandbox (create, update, delete and the
 * console's test event), its claims about `lastModifiedDate` and `sequence` hold, and its signing
 * example is the exact signature this package and the official `standardwebhooks` package compute.
 */
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signingInput, type WebhookEvent } from '../../lib/core';
import { eventSchemaProblems } from '../../lib/sandbox/receiver/event-schema';
import { verifyWebhook } from '../../lib/webhooks';
import { consoleFetch, startConsoleStack, type ConsoleStack } from '../sandbox/console-stack';
import { UI } from '../sandbox/helpers';
import {
  docEventExamples,
  docRequestHeaders,
  docSigningExample,
  schemaEventTypes,
  type DocEvent,
} from './event-examples';

const examples = docEventExamples();
const exampleOf = (definition: string) =>
  examples.find((e) => schemaEventTypes().some((t) => t.type === e.type && t.definition === definition));

describe('the signing example', () => {
  const ex = docSigningExample();
  const headers = { 'webhook-id': ex.id, 'webhook-timestamp': ex.timestamp, 'webhook-signature': ex.signature };
  const at = Number(ex.timestamp) * 1000;

  test("is this package's signature: the HMAC the bundle computes, and verifyWebhook accepts it", () => {
    const key = Buffer.from(ex.secret.slice('whsec_'.length), 'base64');
    const hmac = createHmac('sha256', key)
      .update(signingInput(ex.id, Number(ex.timestamp), ex.body))
      .digest('base64');
    expect(`v1,${hmac}`).toBe(ex.signature);
    expect(verifyWebhook(ex.body, headers, ex.secret, { now: () => at }).data.id).toBe(ex.id);
    expect(() => verifyWebhook(`${ex.body} `, headers, ex.secret, { now: () => at })).toThrow(/no matching signature/i);
  });

  test("is the official standardwebhooks package's signature, and its verify accepts it", () => {
    const webhook = new Webhook(ex.secret);
    expect(webhook.sign(ex.id, new Date(at), ex.body)).toBe(ex.signature);
    jest.useFakeTimers({ now: at });
    try {
      expect(webhook.verify(ex.body, headers)).toMatchObject({ data: { id: ex.id } });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the page's examples", () => {
  test('every event type of the schema has an example of its shape, and every example is valid', () => {
    const definitions = new Set(schemaEventTypes().map((t) => t.definition));
    for (const definition of definitions) expect(exampleOf(definition)).toBeDefined();
    for (const example of examples) expect(eventSchemaProblems(example)).toEqual([]);
  });

  test('the request example carries the body example: same id; the id and timestamp follow from its sequence', () => {
    const employee = exampleOf('WebhookEvent')!;
    const sequence = employee.data.sequence as number;
    expect(docRequestHeaders()['webhook-id']).toBe(employee.data.id);
    expect(employee.timestamp).toBe(new Date(sequence).toISOString());
    expect(employee.data.id).toMatch(new RegExp(`^evt_${String(employee.data.recordId)}_${sequence.toString(36)}_`));
    expect(Number(docRequestHeaders()['webhook-timestamp'])).toBe(Math.ceil(sequence / 1000));
  });
});

describe('the examples and claims against real events from the sandbox', () => {
  let stack: ConsoleStack;
  const real: Record<string, WebhookEvent> = {};
  let ping: DocEvent;
  let deletedAt: number;
  let lastModifiedBeforeDelete: string;

  beforeAll(async () => {
    stack = await startConsoleStack();
    const event = (type: string, recordId: string) =>
      [...stack.receiver.events.values()].filter((e) => e.type === type && e.data.recordId === recordId).at(-1)!;
    const id = await stack.account.createEmployee(
      { values: { firstName: 'Doc', lastName: 'Example', subsidiary: { id: '1', refName: null }, title: 'Engineer' } },
      UI,
    );
    real.created = event('employee.created', id);
    await stack.account.updateEmployee(id, { values: { title: 'Senior Engineer' } }, UI, 'edit');
    real.updated = event('employee.updated', id);
    lastModifiedBeforeDelete = String(stack.account.getEmployee(id)!.lastModifiedDate);
    stack.account.clock.advance(60_000);
    deletedAt = stack.account.clock.now();
    await stack.account.deleteEmployee(id, UI);
    real.deleted = event('employee.deleted', id);
    const page = await consoleFetch(stack, stack.adminToken, {}, { custpage_view: 'health' });
    const pingId = /Test event (ping_[A-Za-z0-9_]+): the receiver answered HTTP 200/.exec(page.html)![1]!;
    ping = stack.receiver.events.get(pingId) as unknown as DocEvent;
  }, 60_000);
  afterAll(() => stack?.close());

  test('the employee example has the members of a real event, and an id of the same form', () => {
    const example = exampleOf('WebhookEvent')!;
    for (const event of Object.values(real)) {
      expect(Object.keys(event).sort()).toEqual(Object.keys(example).sort());
      expect(Object.keys(event.data).sort()).toEqual(Object.keys(example.data).sort());
      expect(event.data.id).toMatch(new RegExp(`^evt_${event.data.recordId}_${event.data.sequence.toString(36)}_`));
      expect(event.timestamp).toBe(new Date(event.data.sequence).toISOString());
    }
  });

  test('the ping example has the members, the id prefix and the message of the real test event', () => {
    const example = exampleOf('PingEvent')!;
    expect(Object.keys(ping.data).sort()).toEqual(Object.keys(example.data).sort());
    expect(ping.data.message).toBe(example.data.message);
    const prefix = (id: string) => id.slice(0, id.indexOf('_') + 1);
    expect(prefix(ping.data.id)).toBe(prefix(example.data.id));
    expect(prefix(example.data.id)).toBe('ping_');
  });

  test('lastModifiedDate: in record, never in changes, and it is the sequence of a create or update', () => {
    for (const event of [real.created!, real.updated!]) {
      expect(event.data.changedFields).not.toContain('lastModifiedDate');
      expect(event.data.record?.lastModifiedDate).toEqual(expect.any(String));
      expect(event.data.sequence).toBe(Date.parse(String(event.data.record!.lastModifiedDate)));
    }
  });

  test('on delete the sequence is the time of the delete, later than the last lastModifiedDate', () => {
    const deleted = real.deleted!;
    expect(deleted.data.record?.lastModifiedDate).toBe(lastModifiedBeforeDelete);
    expect(deleted.data.sequence).toBeGreaterThanOrEqual(deletedAt);
    expect(deleted.data.sequence).toBeGreaterThan(Date.parse(lastModifiedBeforeDelete));
    expect(deleted.data.sequence).toBeGreaterThan(real.updated!.data.sequence);
  });
});

/**
 * The sandbox's receiver holds every verified event to the published JSON Schema: a malformed but
 * correctly signed event is recorded in `schemaViolations`, and the `npm start` story's events
 * record none.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { parseStartArgs } from '../../lib/sandbox/config';
import { Receiver } from '../../lib/sandbox/receiver/receiver';
import { start, story } from '../../lib/sandbox/start';

async function postSigned(receiver: Receiver, id: string, body: unknown): Promise<number> {
  const raw = JSON.stringify(body);
  const timestamp = new Date();
  const signature = new Webhook(receiver.secret).sign(id, timestamp, raw);
  const response = await fetch(receiver.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body: raw,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the receiver checks verified events against the schema', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await Receiver.start({ plainHttp: true });
  });
  afterAll(() => receiver.close());

  test('a signed event that breaks the schema is recorded; a valid one is not', async () => {
    const ping = {
      type: 'suitehooks.ping',
      timestamp: new Date().toISOString(),
      data: {
        id: 'evt_ping_1',
        account: '1234567',
        message: 'hello',
        origin: { executionContext: 'SUITELET', user: { id: '7' }, role: { id: '3' } },
      },
    };
    const bad = {
      type: 'employee.updated',
      timestamp: new Date().toISOString(),
      data: { id: 'evt_bad_1', sequence: 'soon' },
    };
    expect(await postSigned(receiver, 'evt_ping_1', ping)).toBe(200);
    expect(await postSigned(receiver, 'evt_bad_1', bad)).toBe(200);
    expect(receiver.attempts.map((a) => a.verified)).toEqual([true, true]);
    expect(receiver.schemaViolations.map((v) => v.webhookId)).toEqual(['evt_bad_1']);
    expect(receiver.schemaViolations[0]!.problems.join('\n')).toMatch(/\/data/);
  });
});

test('every event of the `npm start` story matches the schema', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-story-schema-'));
  const run = await start(
    parseStartArgs(['--once', '--credentials', path.join(dir, 'credentials.json')]),
    () => undefined,
  );
  try {
    await story(run, () => undefined);
    // Five employee events, the one replayed from the console, and the vendor created and granted access.
    expect(run.receiver.events.size).toBe(8);
    expect([...run.receiver.events.values()].filter((e) => e.data.recordType === 'vendor')).toHaveLength(2);
    expect(run.receiver.schemaViolations).toEqual([]);
  } finally {
    await run.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

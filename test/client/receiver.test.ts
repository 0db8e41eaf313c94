/**
 * Receiver helpers against events the real bundle sent: REST writes through the client fire the built
 * user event in the sandbox, which signs and posts to an https server running createWebhookHandler.
 * The captured deliveries are then replayed to check verification, de-duplication and the sequence guard.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttp, request, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  createWebhookHandler,
  verifyWebhook,
  WebhookVerificationError,
  type NetSuiteClient,
  type WebhookEvent,
} from '../../lib/client';
import { defaultProjectDir } from '../../lib/sandbox/paths';
import { localCertificate } from '../../lib/sandbox/receiver/receiver';
import { startSandbox, type Sandbox } from './harness';
import { DEPLOYMENT, PARAM } from '../../lib/core';

const UE_DEPLOY = DEPLOYMENT.userEvent;
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const PREVIOUS = `whsec_${randomBytes(32).toString('base64')}`;
const apiSecret = (whsec: string) => whsec.slice('whsec_'.length);

interface Delivery {
  body: Buffer;
  headers: Record<string, string>;
}

let sandbox: Sandbox;
let client: NetSuiteClient;
let receiver: Server;
const received: WebhookEvent[] = [];
const deliveries: Delivery[] = [];

/** Keeps a copy of each raw delivery, then lets the handler read the same bytes (as express.raw would). */
function capture(handler: ReturnType<typeof createWebhookHandler>) {
  return (req: IncomingMessage & { body?: unknown }, res: Parameters<typeof handler>[1]) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      req.body = Buffer.concat(chunks);
      deliveries.push({
        body: req.body as Buffer,
        headers: Object.fromEntries(
          ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(req.headers[h])]),
        ),
      });
      void handler(req, res);
    });
  };
}

beforeAll(async () => {
  const { cert, key } = await localCertificate();
  receiver = createHttps(
    { cert, key },
    capture(
      createWebhookHandler({
        secret: SECRET,
        onEvent: (e) => {
          if (e.type !== 'suitehooks.ping') received.push(e);
        },
      }),
    ),
  );
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  sandbox = await startSandbox({
    account: {
      projectDir: defaultProjectDir(), // deploy the real bundle from src/
      secrets: {
        custsecret_suitehooks_signing: apiSecret(SECRET),
        custsecret_suitehooks_previous: apiSecret(PREVIOUS),
      },
      params: {
        [UE_DEPLOY]: {
          [PARAM.endpointUrl]: `https://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
          [PARAM.secretId]: 'custsecret_suitehooks_signing',
          [PARAM.prevSecretId]: 'custsecret_suitehooks_previous',
        },
      },
      http: { trustedCertificates: [cert] },
    },
  });
  client = sandbox.client('m2m');
});

afterAll(async () => {
  await sandbox?.close();
  receiver?.close();
});

async function post(url: string, d: Delivery): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...d.headers, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(d.body);
  });
}

async function plainServer(
  handler: ReturnType<typeof createWebhookHandler>,
): Promise<{ url: string; close: () => void }> {
  const server = createHttp((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

describe('events the bundle sent for REST writes made by the client', () => {
  let id: string;
  beforeAll(async () => {
    id = await client.employees.create({
      firstName: 'Rhea',
      lastName: 'Vance',
      email: 'rhea@example.com',
      subsidiary: 'Parent Company',
      title: 'Analyst',
    });
    await client.employees.update(id, { title: 'Senior Analyst', department: 'Finance' });
    await client.employees.update(id, { giveAccess: true, roles: ['Sales Rep'] });
    await client.employees.deactivate(id);
  });

  it('arrive verified and typed, in the same canonical shape as a REST read', async () => {
    const mine = received.filter((e) => e.data.recordId === id);
    expect(mine.map((e) => e.type)).toEqual([
      'employee.created',
      'employee.updated',
      'employee.updated',
      'employee.updated',
    ]);
    expect(mine[1]!.data.changes).toEqual({
      department: { old: null, new: { id: '4', refName: 'Finance' } },
      title: { old: 'Analyst', new: 'Senior Analyst' },
    });
    expect(mine[2]!.data.changes.roles).toEqual({ added: [{ id: '15', refName: 'Sales Rep' }], removed: [] });
    expect(mine[3]!.data.lifecycle).toEqual(expect.arrayContaining(['deactivated', 'access_revoked']));
    expect(mine[3]!.data.origin).toMatchObject({
      executionContext: 'RESTWEBSERVICES',
      user: { id: '-5' },
      role: { id: '3' },
    });
    const read = await client.employees.get(id);
    for (const field of ['firstName', 'title', 'department', 'isInactive', 'giveAccess', 'subsidiary'] as const)
      expect(mine[3]!.data.record?.[field]).toEqual(read[field]);
  });

  it('verify with either secret of a sender-side rotation, and with a receiver-side secret list', () => {
    const d = deliveries.at(-1)!;
    expect(d.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verifyWebhook(d.body, d.headers, SECRET).data).toMatchObject({ recordId: id });
    expect(verifyWebhook(d.body.toString('utf8'), d.headers, PREVIOUS).data).toMatchObject({ recordId: id });
    expect(
      verifyWebhook(d.body, new Headers(d.headers), [`whsec_${randomBytes(32).toString('base64')}`, SECRET]).data.id,
    ).toBe(d.headers['webhook-id']);
  });

  it('reject a changed body, another secret, or a timestamp outside the tolerance', () => {
    const d = deliveries.at(-1)!;
    const other = `whsec_${randomBytes(32).toString('base64')}`;
    expect(() =>
      verifyWebhook(Buffer.from(d.body.toString().replace('RESTWEBSERVICES', 'USERINTERFACE')), d.headers, SECRET),
    ).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(d.body, d.headers, other)).toThrow(WebhookVerificationError);
    const sent = Number(d.headers['webhook-timestamp']) * 1000;
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(sent + 60_000);
      expect(() => verifyWebhook(d.body, d.headers, SECRET)).not.toThrow();
      expect(() => verifyWebhook(d.body, d.headers, SECRET, { toleranceSeconds: 30 })).toThrow(/tolerance/);
      now.mockReturnValue(sent + 301_000);
      expect(() => verifyWebhook(d.body, d.headers, SECRET)).toThrow(WebhookVerificationError);
    } finally {
      now.mockRestore();
    }
  });

  it('the handler drops a redelivery (same webhook-id) and a stale event for the same record', async () => {
    const mine = deliveries.filter((d) => (JSON.parse(d.body.toString()) as WebhookEvent).data.recordId === id);
    const applied: number[] = [];
    const stale: number[] = [];
    const server = await plainServer(
      createWebhookHandler({
        secret: SECRET,
        onEvent: (e) => {
          if (e.type !== 'suitehooks.ping') applied.push(e.data.sequence);
        },
        onStale: (e) => void stale.push(e.data.sequence),
      }),
    );
    try {
      const [older, newer] = [mine[1]!, mine[2]!];
      expect(await post(server.url, newer)).toEqual({ status: 200, text: 'ok' });
      expect(await post(server.url, newer)).toEqual({ status: 200, text: 'duplicate' });
      expect(await post(server.url, older)).toEqual({ status: 200, text: 'ok' }); // acknowledged, not applied
      const seq = (d: Delivery) => (JSON.parse(d.body.toString()) as WebhookEvent).data.sequence;
      expect(seq(older)).toBeLessThan(seq(newer));
      expect(applied).toEqual([seq(newer)]);
      expect(stale).toEqual([seq(older)]);
      expect(
        (await post(server.url, { ...newer, headers: { ...newer.headers, 'webhook-signature': 'v1,AAAA' } })).status,
      ).toBe(401);
    } finally {
      server.close();
    }
  });

  it('answers 500 when the application fails, so the sender retries, and processes the retry', async () => {
    let fail = true;
    const seen: string[] = [];
    const server = await plainServer(
      createWebhookHandler({
        secret: SECRET,
        onEvent: (e) => {
          if (fail) throw new Error('database down');
          seen.push(e.data.id);
        },
      }),
    );
    try {
      const d = deliveries[0]!;
      expect((await post(server.url, d)).status).toBe(500);
      fail = false;
      expect((await post(server.url, d)).status).toBe(200);
      expect(seen).toEqual([d.headers['webhook-id']]);
    } finally {
      server.close();
    }
  });

  it('explains an Express body that was already parsed as JSON', async () => {
    const handler = createWebhookHandler({ secret: SECRET, onEvent: () => undefined });
    const server = createHttp((req, res) => {
      (req as IncomingMessage & { body?: unknown }).body = { parsed: true };
      void handler(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await post(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, deliveries[0]!);
      expect(res.status).toBe(500);
      expect(res.text).toMatch(/express\.raw/);
    } finally {
      server.close();
    }
  });
});

/**
 * A local HTTPS webhook receiver for the benchmarks (self-signed, trusted by the sandbox's N/https):
 * verifies each Standard Webhooks signature, counts deliveries per event id (to see anything sent twice
 * or never), and answers with a status the benchmark sets (200, or 500 to make deliveries fail).
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Receiver {
  url: string;
  /** PEM certificate for `account.trustCertificate`. */
  cert: string;
  /** Status answered from now on. */
  status: number;
  /** Signed deliveries received, by `webhook-id` (verified ones only). */
  received: Map<string, number>;
  /** Requests without a valid signature (the hand-rolled script's unsigned posts land here). */
  unsigned: number;
  close(): Promise<void>;
}

export async function startReceiver(secretBase64: string): Promise<Receiver> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
  });
  const key = Buffer.from(secretBase64, 'base64');
  // Verified by hand rather than with standardwebhooks: its 5-minute timestamp tolerance would refuse
  // deliveries signed on the sandbox's advanced clock, and the timestamp is not what is measured here.
  const verify = (id: string, timestamp: string, body: string, header: string): boolean => {
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
    return header.split(' ').some((part) => {
      const sig = Buffer.from(part.replace(/^v1,/, ''), 'base64');
      return sig.length === expected.length && timingSafeEqual(sig, expected);
    });
  };
  let server: Server;
  const receiver: Receiver = {
    url: '',
    cert: pems.cert,
    status: 200,
    received: new Map(),
    unsigned: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id'] ?? '');
      const ok = id !== '' && verify(id, String(req.headers['webhook-timestamp'] ?? ''), body, String(req.headers['webhook-signature'] ?? ''));
      if (ok) receiver.received.set(id, (receiver.received.get(id) ?? 0) + 1);
      else receiver.unsigned++;
      res.writeHead(receiver.status, { 'content-type': 'text/plain' }).end(receiver.status < 300 ? 'ok' : 'failing on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

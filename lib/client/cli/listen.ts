/** `suitehooks listen`: a local receiver that verifies, de-duplicates and prints events. */
import type { Command } from 'commander';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '../../core';
import { createWebhookHandler } from '../handler';
import { InputError, println, type Io } from './io';

function summary(event: WebhookEvent): string {
  const d = event.data;
  const extra = [d.changedFields.length ? `[${d.changedFields.join(', ')}]` : '', d.lifecycle.join(' '), d.warnings.join(' ')].filter(Boolean).join(' ');
  return `${event.timestamp} ${event.type} ${d.recordType} ${d.recordId} ${extra} (${d.origin.executionContext}, id ${d.id})`.replace(/\s+/g, ' ');
}

export function registerListen(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('listen')
    .description('receive suitehooks webhooks locally, verify them and print each event')
    .option('--port <port>', 'port to listen on', '8787')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--secret <whsec>', 'the signing secret (or SUITEHOOKS_WEBHOOK_SECRET); comma separated during a rotation')
    .option('--format <format>', 'text or json', 'text')
    .action(function (this: Command) {
      return run(async () => {
        const o = this.opts<{ port: string; host: string; secret?: string; format: string }>();
        const secrets = (o.secret ?? io.env.SUITEHOOKS_WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        if (secrets.length === 0) throw new InputError('give the signing secret with --secret or SUITEHOOKS_WEBHOOK_SECRET');
        if (o.format !== 'text' && o.format !== 'json') throw new InputError('--format is text or json');
        const handler = createWebhookHandler({
          secret: secrets,
          onEvent: (event) => println(io.stdout, o.format === 'json' ? JSON.stringify(event) : summary(event)),
          onStale: (event, last) => println(io.stderr, `stale: ${event.data.id} (sequence ${event.data.sequence} < ${last}) dropped`),
        });
        const server = createServer((req, res) => {
          void handler(req, res).then(() => {
            if (res.statusCode === 401) println(io.stderr, `rejected a delivery from ${req.socket.remoteAddress}: bad signature or timestamp`);
          });
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(Number(o.port), o.host, resolve);
        });
        const { port } = server.address() as AddressInfo;
        println(io.stderr, `listening on http://${o.host}:${port}/ (Ctrl-C to stop)`);
        await new Promise<void>((resolve) => {
          if (io.signal?.aborted) return resolve();
          io.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });
    });
}

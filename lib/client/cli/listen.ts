/** `suitehooks listen`: a local https receiver that verifies, de-duplicates and prints events. */
import type { Command } from 'commander';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EventData } from '../../core';
import { PING_TYPE, type SuitehooksEvent } from '../../core/ping';
import { createWebhookHandler } from '../../webhooks';
import { InputError, println, type Io } from './io';
import { tlsIdentity } from './listen-tls';

/**
 * What an employee event says about its record. Every member is read as optional: an event type this
 * version does not know yet (a newer sender) still prints, with whatever it carries.
 */
function recordDetail(d: Partial<EventData>): string[] {
  return [
    d.recordType ?? '',
    d.recordId ?? '',
    d.changedFields?.length ? `[${d.changedFields.join(', ')}]` : '',
    ...(d.lifecycle ?? []),
    ...(d.warnings ?? []),
  ];
}

/** One line per event, whatever its type: `<timestamp> <type> <what> (<context>, id <id>)`. */
export function summary(event: SuitehooksEvent): string {
  const detail = event.type === PING_TYPE ? [JSON.stringify(event.data.message)] : recordDetail(event.data);
  const d: Partial<SuitehooksEvent['data']> = event.data;
  return [event.timestamp, event.type, ...detail, `(${d.origin?.executionContext ?? 'unknown context'}, id ${d.id})`]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
}

interface ListenOptions {
  port: string;
  host: string;
  secret?: string;
  format: string;
  cert?: string;
  key?: string;
  certOut: string;
}

/** The handler, made at start-up so a malformed secret stops the command before it listens. */
function handlerFor(o: ListenOptions, io: Io): ReturnType<typeof createWebhookHandler> {
  const source = o.secret !== undefined ? '--secret' : 'SUITEHOOKS_WEBHOOK_SECRET';
  const secrets = (o.secret ?? io.env.SUITEHOOKS_WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim());
  if (secrets.every((s) => s === ''))
    throw new InputError('give the signing secret with --secret or SUITEHOOKS_WEBHOOK_SECRET');
  if (o.format !== 'text' && o.format !== 'json') throw new InputError('--format is text or json');
  try {
    return createWebhookHandler({
      secret: secrets,
      onEvent: (event) => println(io.stdout, o.format === 'json' ? JSON.stringify(event) : summary(event)),
      onStale: (event, last) =>
        println(io.stderr, `stale: ${event.data.id} (sequence ${event.data.sequence} < ${last}) dropped`),
    });
  } catch (err) {
    throw new InputError(`${source}: ${(err as Error).message}`);
  }
}

export function registerListen(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  program
    .command('listen')
    .description('receive suitehooks webhooks over https, verify them and print each event')
    .option('--port <port>', 'port to listen on', '8787')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--secret <whsec>', 'the signing secret (or SUITEHOOKS_WEBHOOK_SECRET); comma separated during a rotation')
    .option('--format <format>', 'text or json', 'text')
    .option('--cert <file>', 'PEM certificate to serve (default: a fresh self-signed one)')
    .option('--key <file>', 'PEM private key of --cert')
    .option(
      '--cert-out <file>',
      'where a self-signed certificate is written, for the sender to trust',
      '.suitehooks/listen-cert.pem',
    )
    .action(function (this: Command) {
      return run(async () => {
        const o = this.opts<ListenOptions>();
        const handler = handlerFor(o, io);
        const tls = await tlsIdentity({ cert: o.cert, key: o.key, certOut: o.certOut, host: o.host, cwd: io.cwd });
        const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
          void handler(req, res).then(() => {
            if (res.statusCode === 401)
              println(io.stderr, `rejected a delivery from ${req.socket.remoteAddress}: bad signature or timestamp`);
          });
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(Number(o.port), o.host, resolve);
        });
        const { port } = server.address() as AddressInfo;
        const host = o.host.includes(':') ? `[${o.host}]` : o.host;
        println(
          io.stderr,
          `certificate: ${tls.writtenTo ? `self-signed for ${tls.names.join(', ')}, written to ${tls.writtenTo}` : o.cert}`,
        );
        println(io.stderr, `  SHA-256 fingerprint ${tls.fingerprint}`);
        println(io.stderr, `listening on https://${host}:${port}/ (Ctrl-C to stop)`);
        await new Promise<void>((resolve) => {
          if (io.signal?.aborted) return resolve();
          io.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });
    });
}

/** `suitehooks listen`: a local https receiver that verifies, de-duplicates and prints events. */
import type { Command } from 'commander';
import type { EventData } from '../../core';
import { PING_TYPE, type SuitehooksEvent } from '../../core/ping';
import { createWebhookHandler } from '../../webhooks';
import { InputError, println, type Io } from './io';
import { serveHttps, webhookSecrets } from './serve';

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
  const { secrets, source } = webhookSecrets(o.secret, io);
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
        await serveHttps(o, io, handlerFor(o, io));
      });
    });
}

/**
 * The https receivers of the CLI (`listen`, `mirror`): the secret from `--secret` or the environment,
 * the TLS identity, a server that reports rejected deliveries, and serving until the stop signal.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError, println, type Io } from './io';
import { tlsIdentity } from './listen-tls';

export interface ServeOptions {
  port: string;
  host: string;
  cert?: string;
  key?: string;
  certOut: string;
}

/** The signing secrets (comma separated during a rotation) and where they came from, for messages. */
export function webhookSecrets(secret: string | undefined, io: Io): { secrets: string[]; source: string } {
  const source = secret !== undefined ? '--secret' : 'SUITEHOOKS_WEBHOOK_SECRET';
  const secrets = (secret ?? io.env.SUITEHOOKS_WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim());
  if (secrets.every((s) => s === ''))
    throw new InputError('give the signing secret with --secret or SUITEHOOKS_WEBHOOK_SECRET');
  return { secrets, source };
}

/** Listens with the TLS identity, prints where, and resolves once the signal stopped it and it closed. */
export async function serveHttps(
  o: ServeOptions,
  io: Io,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<void> {
  const tls = await tlsIdentity({ cert: o.cert, key: o.key, certOut: o.certOut, host: o.host, cwd: io.cwd });
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
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
}

/**
 * An HTTP proxy in front of the sandbox REST server that loses a share of create responses: the POST
 * reaches NetSuite and the employee is created, then the connection is cut before the answer comes
 * back (a network failure after the write). Everything else passes through unchanged.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  url: string;
  /** Responses cut so far. */
  cut(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(
  target: string,
  share: number,
  random: () => number = Math.random,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  let cut = 0;
  const server = createServer((req, res) => {
    const isCreate = req.method === 'POST' && /\/record\/v1\/employee\/?$/.test((req.url ?? '').split('?')[0]!);
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        if (isCreate && up.statusCode !== undefined && up.statusCode < 300 && random() < share) {
          cut++;
          up.resume();
          req.socket.destroy(); // the write happened; the caller never hears about it
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => cut,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

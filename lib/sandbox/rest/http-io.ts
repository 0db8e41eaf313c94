/** Request and response plumbing of the REST API: the request URL, bounded bodies, JSON in and out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyTooLarge, invalidContent, invalidHeader, invalidUrlPath } from './errors';

/**
 * The request URL, its origin taken from the Host header (links echo it). A request line that is not a
 * path or a Host that is not a host is a 400, never an exception.
 */
export function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const target = req.url ?? '/';
  // `//host/…` would be read as another host.
  if (!target.startsWith('/') || target.startsWith('//'))
    throw invalidUrlPath('The request target must be a path.', target.slice(0, 60));
  const host = req.headers.host ?? fallbackHost;
  let origin: URL;
  try {
    origin = new URL(`http://${host}`);
  } catch {
    throw invalidHeader('The Host header is not a valid host.', 'Host');
  }
  if (origin.pathname !== '/' || origin.search !== '' || origin.hash !== '' || origin.username !== '')
    throw invalidHeader('The Host header is not a valid host.', 'Host');
  try {
    return new URL(target, origin);
  } catch {
    throw invalidUrlPath('The request URL is not valid.', target.slice(0, 60));
  }
}

/** A percent-decoded path segment; a malformed escape (`%E0%A4%A`) is a 400 naming the segment. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidUrlPath('The URL path holds a malformed percent-encoded character.', segment.slice(0, 60));
  }
}

/** How much of a refused body is still read (and dropped) before the connection is cut. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * The body as text, at most `limit` bytes. A larger one (by its content-length, or once it passes the
 * limit) is not kept: it is read to its end and dropped, and only then refused with 413, so a client
 * that sends its whole body before reading — with or without keep-alive — gets the answer instead of a
 * reset connection. Past another 64 MiB the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number(req.headers['content-length']) > limit;
    let ended = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (!refused && size <= limit) chunks.push(c);
      else {
        refused = true;
        chunks.length = 0;
        if (size > limit + DRAIN_BYTES) req.socket.destroy();
      }
    });
    req.on('end', () => {
      ended = true;
      if (refused) reject(bodyTooLarge(limit));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // Aborted or cut ('error', then 'close'): nobody is left to answer, and nothing read is applied.
    req.on('error', () => undefined);
    req.on('close', () => ended || reject(invalidContent('The request body was not received completely.')));
  });
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidContent('The request body is not valid JSON.');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/vnd.oracle.resource+json; type=singular-resource',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Hardening (issue 11): the sandbox as `npm start` runs it — one process with the REST API, the https
 * receiver and the scheduler — driven with a bounded fuzz of malformed requests: request lines, paths,
 * Host and Authorization headers, query parameters, bodies, SuiteQL, and the receiver's inputs. Every
 * request gets an answer below 500 (or Node's own 400 for unparsable HTTP), no unexpected error is
 * logged, and afterwards the same process still answers. Runs the built entry point (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { connect as tcp } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { connect as tls } from 'node:tls';
import fc from 'fast-check';
import { TbaAuth } from '../../lib/client/auth/tba';
import { Secret } from '../../lib/client/secret';
import { repoRoot } from '../../lib/sandbox/paths';

jest.setTimeout(240_000);

const built = path.join(repoRoot(), 'dist', 'lib', 'sandbox', 'start.js');
const EMP = '/services/rest/record/v1/employee';
const SQL = '/services/rest/query/v1/suiteql';
const REQUEST_BOUND_MS = 60_000;

let dir: string;
let proc: ChildProcess;
let stderr = '';
let rest: URL;
let receiver: URL;
let tba: TbaAuth;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-fuzz-'));
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ suiteqlTimeoutMs: 1_000 }));
  proc = spawn(
    process.execPath,
    [
      built,
      '--no-story',
      '--config',
      path.join(dir, 'config.json'),
      '--credentials',
      path.join(dir, 'credentials.json'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before serving: ${stderr}`)));
    proc.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('Serving; Ctrl-C to stop.')) resolve();
    });
  });
  rest = new URL(/REST API +(http:\/\/[^/\s]+)/.exec(stdout)![1]!);
  receiver = new URL(/receiver +(https:\/\/\S+)/.exec(stdout)![1]!);
  const creds = JSON.parse(fs.readFileSync(path.join(dir, 'credentials.json'), 'utf8')) as {
    account: string;
    tba: Record<'consumerKey' | 'consumerSecret' | 'tokenId' | 'tokenSecret', string>;
  };
  tba = new TbaAuth(
    {
      consumerKey: creds.tba.consumerKey,
      consumerSecret: new Secret(creds.tba.consumerSecret),
      tokenId: creds.tba.tokenId,
      tokenSecret: new Secret(creds.tba.tokenSecret),
    },
    creds.account,
  );
});

afterAll(async () => {
  if (proc?.exitCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends bytes as they are and reads the status line; 0 when the connection closed without one. */
function raw(target: URL, text: string | Buffer, secure = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const port = Number(target.port);
    const socket = secure ? tls({ host: '127.0.0.1', port, rejectUnauthorized: false }) : tcp(port, '127.0.0.1');
    socket.once(secure ? 'secureConnect' : 'connect', () => socket.end(text));
    let head = '';
    const bound = setTimeout(
      () =>
        reject(new Error(`no answer within ${REQUEST_BOUND_MS} ms to ${JSON.stringify(String(text).slice(0, 120))}`)),
      REQUEST_BOUND_MS,
    );
    socket.on('data', (d: Buffer) => (head += d.toString('latin1')));
    socket.on('error', () => undefined); // a reset after the answer is the server closing a refused upload
    socket.on('close', () => {
      clearTimeout(bound);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0));
    });
  });
}

async function signed(
  method: string,
  pathAndQuery: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const url = `${rest.origin}${pathAndQuery}`;
  const res = await fetch(url, {
    method,
    headers: {
      authorization: await tba.authorization(method, url),
      'content-type': 'application/json',
      prefer: 'transient',
      ...headers,
    },
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(REQUEST_BOUND_MS),
  });
  await res.arrayBuffer();
  return res.status;
}

const answeredBelow500 = (status: number) => status >= 200 && status < 500;

const segment = fc.oneof(
  fc.constantFrom(
    'employee',
    'eid:',
    'eid:%E0%A4%A',
    '%E0%A4%A',
    '%',
    '%zz',
    '%00',
    '..',
    '.',
    '',
    '1',
    '-1',
    '99999999999999999999999',
    'eid:HR-1000',
    'roles',
    ';',
    'ü',
    '%F0%9F%98%80',
  ),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
);
const prefix = fc.constantFrom(
  '/services/rest/record/v1',
  '/services/rest/record/v1/employee',
  '/services/rest/query/v1',
  '/services/rest/auth/oauth2/v1',
  '',
  '/services',
);
const query = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'limit=0',
        'limit=abc',
        'limit=1e3',
        'limit=1001',
        'offset=99999999999999999999999',
        'offset=-1',
        'q=',
        'q=%22',
        'q=(((',
        'expandSubResources=true',
        'replace=roles',
      ),
      fc.string({ maxLength: 30 }).map((s) => `q=${encodeURIComponent(s)}`),
    ),
    { maxLength: 3 },
  )
  .map((parts) => (parts.length ? `?${parts.join('&')}` : ''));
const host = fc.constantFrom(
  '[',
  ']',
  '[::1',
  'a b',
  '',
  'x/y',
  'user@h',
  '127.0.0.1:99999',
  'h'.repeat(300),
  'localhost',
  '%00',
  ':::',
);
const authorization = fc.constantFrom(
  'OAuth realm="%E0%A4%A"',
  'OAuth realm="1234567_SB1", oauth_signature="%"',
  'OAuth ',
  'Bearer ',
  'Bearer %%%',
  'Basic Zm9vOmJhcg==',
  'OAuth realm="1234567_SB1", oauth_consumer_key="x", oauth_token="y", oauth_signature_method="HMAC-SHA256", oauth_timestamp="99999999999999999999", oauth_nonce="n", oauth_signature="x"',
  '',
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');

describe('unauthenticated and malformed requests', () => {
  test('the examples of the issue: Host "[", bad escapes, huge numbers', async () => {
    for (const text of [
      `GET ${EMP} HTTP/1.1\r\nHost: [\r\n\r\n`,
      `GET ${EMP}/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: OAuth realm="%E0%A4%A"\r\n\r\n`,
      `GET ${EMP}?offset=99999999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      expect(await raw(rest, text)).toBeGreaterThanOrEqual(400);
    }
    expect(await signed('GET', `${EMP}/%E0%A4%A`)).toBe(400);
    expect(await signed('GET', `${EMP}?offset=99999999999999999999999`)).toBe(400);
  });

  test('property: any request line, Host, Authorization and body gets a 4xx (never a 5xx or silence)', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        prefix,
        fc.array(segment, { maxLength: 3 }),
        query,
        host,
        authorization,
        fc.string({ maxLength: 200 }),
        async (m, pre, segs, q, h, auth, body) => {
          const target = `${pre}/${segs.join('/')}${q}`.replace(/[\s]/g, '');
          const text = `${m} ${target || '/'} HTTP/1.1\r\nHost: ${h}\r\n${auth ? `Authorization: ${auth}\r\n` : ''}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
          const status = await raw(rest, text);
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('bytes that are not HTTP at all are refused by the parser, and the next request is answered', async () => {
    for (const junk of [
      '\u0000\u0001\u0002',
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n${'X-A: b\r\n'.repeat(2000)}\r\n`,
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ]) {
      const status = await raw(rest, junk);
      expect(status === 0 || (status >= 400 && status < 500)).toBe(true);
    }
    expect(await signed('GET', `${EMP}?limit=1`)).toBe(200);
  });
});

describe('authenticated requests with malformed content', () => {
  const fieldName = fc.constantFrom(
    'firstName',
    'lastName',
    'hireDate',
    'isInactive',
    'subsidiary',
    'department',
    'roles',
    'email',
    'externalId',
    'custentity_x',
    'id',
    'links',
    'lastModifiedDate',
    'title',
    '',
  );
  const employeeBody = fc.oneof(
    fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((o) => JSON.stringify(o)),
    fc.string({ maxLength: 100 }),
    fc.constantFrom(
      '',
      'null',
      '[]',
      '{"hireDate":"2020-02-30"}',
      '{"hireDate":"2020-02-30T25:00:00Z"}',
      '{"roles":{"items":[{}]}}',
      '{"subsidiary":{"id":"1e400"}}',
      `{"title":"${'x'.repeat(5000)}"}`,
    ),
  );

  test('property: records — any path, method, query and body gets a 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        method.filter((m) => m !== 'HEAD'),
        fc.array(segment, { maxLength: 2 }),
        query,
        employeeBody,
        async (m, segs, q, body) => {
          const status = await signed(
            m,
            `${EMP}${segs.length ? `/${segs.join('/')}` : ''}${q}`,
            m === 'GET' || m === 'DELETE' || m === 'OPTIONS' ? undefined : body,
          );
          expect(answeredBelow500(status)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  const sqlPiece = fc.constantFrom(
    'SELECT',
    'id',
    '*',
    'COUNT(*)',
    'FROM',
    'employee',
    'e',
    'WHERE',
    '=',
    '?',
    "'",
    '"',
    '(',
    ')',
    ',',
    'pragma_table_list',
    'sqlite_master',
    'sandbox_secret',
    'BUILTIN.DF(e.department)',
    "TO_DATE('2020-02-30')",
    "TO_CHAR(SYSDATE, 'YYYY')",
    'FETCH FIRST 5 ROWS ONLY',
    'ORDER BY',
    'UNION',
    ';',
    'DROP TABLE employee',
    'NVL(',
    'JOIN',
    'ON',
  );
  const suiteql = fc.oneof(
    fc.array(sqlPiece, { minLength: 1, maxLength: 10 }).map((p) => p.join(' ')),
    fc.string({ maxLength: 80 }),
    fc.constantFrom(
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c',
      'SELECT a.id FROM employee a, employee b, employee c, employee d, employee e2, employee f, employee g, employee h, employee i, employee j WHERE a.id < 0',
      'SELECT randomblob(1000000000) AS b FROM employee',
      "SELECT printf('%.*c', 900000000, 'x') AS t FROM employee",
      'SELECT * FROM pragma_database_list',
    ),
  );

  test('property: SuiteQL — any query text and body shape gets an answer below 500, runaway queries cancelled', async () => {
    await fc.assert(
      fc.asyncProperty(suiteql, fc.constantFrom('q', 'params', 'x'), query, async (q, member, qs) => {
        const body = member === 'q' ? JSON.stringify({ q }) : JSON.stringify({ q, [member]: [q] });
        expect(answeredBelow500(await signed('POST', `${SQL}${qs}`, body))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  test('bodies over the limit are answered 413, and the API goes on answering', async () => {
    expect(await signed('POST', EMP, JSON.stringify({ firstName: 'x'.repeat(3 << 20) }))).toBe(413);
    expect(await signed('GET', `${EMP}?limit=1`)).toBe(200);
  });
});

describe('the receiver', () => {
  test('property: malformed webhook requests get an answer below 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.string({ maxLength: 300 }),
        fc.constantFrom(
          'webhook-id: x',
          'webhook-signature: v1,%%%',
          'webhook-timestamp: 99999999999999999999',
          'Content-Type: text/plain',
          'X: y',
        ),
        async (m, body, header) => {
          const text = `${m} ${receiver.pathname} HTTP/1.1\r\nHost: ${receiver.host}\r\n${header}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
          const status = await raw(receiver, text, true);
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a body over its limit (10 MiB) is answered 413 without being kept', async () => {
    const big = Buffer.alloc(12 << 20, 0x61);
    const head = `POST ${receiver.pathname} HTTP/1.1\r\nHost: ${receiver.host}\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n`;
    expect(await raw(receiver, Buffer.concat([Buffer.from(head), big]), true)).toBe(413);
  });
});

test('afterwards the same process still answers: REST API, receiver, and nothing unexpected was logged', async () => {
  expect(proc.exitCode).toBeNull();
  expect(await signed('GET', `${EMP}/1`)).toBe(200);
  expect(
    await raw(
      receiver,
      `POST ${receiver.pathname} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      true,
    ),
  ).toBe(401);
  expect(stderr).not.toMatch(/unexpected error|Uncaught|ERR_/);
});

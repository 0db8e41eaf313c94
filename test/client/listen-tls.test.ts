/**
 * `suitehooks listen` as the endpoint of the real bundle: the sandbox started the `npm start` way, told
 * to trust listen's self-signed certificate (`--trust-cert`), delivers a real change over TLS and
 * listen verifies and prints it. Without the trust option the bundle refuses the certificate and keeps
 * the event for retry.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { PARAM, DELIVERY_RECORD, DEPLOYMENT, DELIVERY_FIELD as F } from '../../lib/core';
import { runCli } from '../../lib/client/cli/main';
import { parseStartArgs } from '../../lib/sandbox/config';
import { start, type Running } from '../../lib/sandbox/start';

jest.setTimeout(60_000);

const UE = DEPLOYMENT.userEvent;
const SECRET_ID = 'custsecret_suitehooks_listen';
const REST = { executionContext: 'RESTWEBSERVICES', userId: '-5', roleId: '3' };

let dir: string;
const base64 = randomBytes(32).toString('base64');
const listen = {
  controller: new AbortController(),
  stdout: new PassThrough(),
  stderr: new PassThrough(),
  text: { out: '', err: '' },
  done: null as Promise<number> | null,
};
const running: Running[] = [];

/** Resolves when the text written so far matches (listen's own output is the signal). */
function waitFor(which: 'out' | 'err', pattern: RegExp): Promise<string> {
  const stream = which === 'out' ? listen.stdout : listen.stderr;
  return new Promise((resolve) => {
    const check = () => {
      const m = pattern.exec(listen.text[which]);
      if (!m) return;
      stream.off('data', check);
      resolve(m[0]);
    };
    stream.on('data', check);
    check();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-listen-tls-'));
  listen.stdout.on('data', (c: Buffer) => (listen.text.out += c.toString('utf8')));
  listen.stderr.on('data', (c: Buffer) => (listen.text.err += c.toString('utf8')));
  const started = waitFor('err', /listening on \S+/);
  listen.done = runCli(['listen', '--port', '0', '--secret', `whsec_${base64}`], {
    stdout: listen.stdout,
    stderr: listen.stderr,
    env: {},
    cwd: dir,
    signal: listen.controller.signal,
  });
  await started;
});

afterAll(async () => {
  listen.controller.abort();
  await listen.done;
  for (const r of running) await r.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The sandbox as `npm start -- --no-story --param … --secret … [--trust-cert …]` makes it. */
async function sandbox(trust: boolean): Promise<Running> {
  const url = /listening on (\S+)/.exec(listen.text.err)![1]!;
  const argv = [
    '--no-story',
    '--credentials',
    path.join(dir, `credentials-${running.length}.json`),
    '--param',
    `${UE}.${PARAM.endpointUrl}=${url}hooks`,
    '--param',
    `${UE}.${PARAM.secretId}=${SECRET_ID}`,
    '--secret',
    `${SECRET_ID}=${base64}`,
    ...(trust ? ['--trust-cert', path.join(dir, '.suitehooks/listen-cert.pem')] : []),
  ];
  const run = await start(parseStartArgs(argv), () => undefined);
  running.push(run);
  return run;
}

test('listen prints its certificate: self-signed for this machine, with its SHA-256 fingerprint', () => {
  expect(listen.text.err).toMatch(
    /^certificate: self-signed for localhost, 127\.0\.0\.1, ::1, written to .*listen-cert\.pem$/m,
  );
  expect(listen.text.err).toMatch(/SHA-256 fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  expect(listen.text.err).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+\//);
});

test('the real bundle delivers to listen over TLS once the sandbox trusts its certificate; listen verifies it', async () => {
  const run = await sandbox(true);
  const id = await run.account.createEmployee(
    { values: { firstName: 'Lin', lastName: 'Tls', subsidiary: { id: '1', refName: null } } },
    REST,
  );
  const line = await waitFor(
    'out',
    new RegExp(`employee\\.created employee ${id} .*\\(RESTWEBSERVICES, id (evt_\\S+)\\)`),
  );
  expect(line).toMatch(/\[.*firstName.*lastName.*\]/);
  expect(listen.text.err).not.toMatch(/rejected a delivery/);
  const kept = run.account.customRecords(DELIVERY_RECORD);
  expect(kept.filter((d) => d[F.status] === 'pending')).toEqual([]);
});

test('without --trust-cert the bundle refuses the self-signed certificate and keeps the event pending', async () => {
  const run = await sandbox(false);
  const before = listen.text.out;
  await run.account.createEmployee(
    { values: { firstName: 'No', lastName: 'Trust', subsidiary: { id: '1', refName: null } } },
    REST,
  );
  const pending = run.account.customRecords(DELIVERY_RECORD).filter((d) => d[F.status] === 'pending');
  expect(pending).toHaveLength(1);
  expect(String(pending[0]![F.lastError])).toMatch(/SSS_INVALID_HOST_CERT/);
  expect(listen.text.out).toBe(before); // the write returned after the failed post: nothing arrived
});

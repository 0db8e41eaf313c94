/**
 * `suitehooks listen` prints every event type and answers 2xx (issue 17, item 1). The types come from
 * the JSON Schema and the bodies from docs/events.md's examples (test/docs/event-examples.ts), so a type
 * added later is sent here without editing this test. End to end: the built CLI in a real process
 * receives the sandbox console's own *Send test event* and the console shows HTTP 200.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { Webhook } from 'standardwebhooks';
import { PARAM } from '../../lib/core/config';
import { DEPLOYMENT } from '../../lib/core/ids';
import { runCli } from '../../lib/client/cli/main';
import { repoRoot } from '../../lib/sandbox/paths';
import { docEventExamples, schemaEventTypes } from '../docs/event-examples';
import { consoleFetch, SECRET_ID, startConsoleStack } from '../sandbox/console-stack';

const MAIN = path.join(repoRoot(), 'dist', 'lib', 'client', 'cli', 'main.js');
const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-listen-events-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const matches = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => pattern.test(text) && (stream.off('data', check), resolve());
      stream.on('data', check);
      check();
    });
  return { stream, text: () => text, matches };
}

function post(url: string, ca: string, body: string, id: string): Promise<number> {
  const now = new Date();
  const headers = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(SECRET).sign(id, now, body),
  };
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', headers, ca }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One body per event type: the docs' example of its shape, with this type and a fresh id. */
function bodies(): { type: string; id: string; body: string }[] {
  const examples = docEventExamples();
  const types = schemaEventTypes();
  // A type a newer sender may add: it must print too, with whatever it carries.
  const future = { type: 'employee.merged', definition: 'WebhookEvent' };
  return [...types, future].map(({ type, definition }, i) => {
    const example = examples.find((e) => types.some((t) => t.type === e.type && t.definition === definition));
    if (!example) throw new Error(`docs/events.md has no example of ${definition}`);
    const id = `${type.replace(/\W/g, '_')}_${i}`;
    return { type, id, body: JSON.stringify({ ...example, type, data: { ...example.data, id } }) };
  });
}

describe.each(['text', 'json'])('listen --format %s', (format) => {
  test('every event type of the schema (and an unknown one) is answered 200 and printed once', async () => {
    const controller = new AbortController();
    const out = sink();
    const err = sink();
    const certOut = `tls-${format}/listen.pem`;
    const running = runCli(['listen', '--port', '0', '--secret', SECRET, '--format', format, '--cert-out', certOut], {
      stdout: out.stream,
      stderr: err.stream,
      env: {},
      cwd: dir,
      signal: controller.signal,
    });
    await err.matches(/listening on/);
    const url = /listening on (\S+)/.exec(err.text())![1]!;
    const ca = fs.readFileSync(path.join(dir, certOut), 'utf8');
    const sent = bodies();
    const statuses: number[] = [];
    for (const { body, id } of sent) statuses.push(await post(url, ca, body, id));
    controller.abort();
    expect(await running).toBe(0);
    expect(statuses).toEqual(sent.map(() => 200));
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(sent.length);
    sent.forEach(({ type, id }, i) => {
      if (format === 'json') expect(JSON.parse(lines[i]!)).toMatchObject({ type, data: { id } });
      else expect(lines[i]).toMatch(new RegExp(`^\\S+ ${type.replace('.', '\\.')} .*\\bid ${id}\\)$`));
    });
    expect(err.text()).not.toMatch(/rejected|error/);
  });
});

test("end to end: the sandbox console's Send test event reaches a real listen process, answered 200", async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  const child = spawn(
    process.execPath,
    [MAIN, 'listen', '--port', '0', '--secret', SECRET, '--cert-out', 'e2e/listen.pem'],
    { cwd: dir, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Exiting before it listens is a failure (settled, not left as an unhandled rejection, once it listens).
  const exitedEarly = exited.then((code) => new Error(`listen exited with ${code}: ${stderr}`));
  let stdout = '';
  let stderr = '';
  let printed!: (line: string) => void;
  const pingPrinted = new Promise<string>((resolve) => (printed = resolve));
  // The printed line is the signal (its pipe may deliver after the console's page).
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    const line = stdout.split('\n').find((l) => l.includes('suitehooks.ping'));
    if (line) printed(line);
  });
  const listening = new Promise<string>((resolve) =>
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      const m = /listening on (\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    }),
  );
  let stack: Awaited<ReturnType<typeof startConsoleStack>> | undefined;
  try {
    const url = await Promise.race([listening, exitedEarly]);
    if (url instanceof Error) throw url;
    stack = await startConsoleStack({
      secrets: { [SECRET_ID]: SECRET.slice('whsec_'.length) },
      params: { [DEPLOYMENT.userEvent]: { [PARAM.endpointUrl]: `${url}hooks`, [PARAM.secretId]: SECRET_ID } },
      http: { trustedCertificates: [fs.readFileSync(path.join(dir, 'e2e/listen.pem'), 'utf8')] },
    });
    const page = await consoleFetch(stack, stack.adminToken, {}, { custpage_view: 'health' });
    const answered = /Test event (ping_[A-Za-z0-9_]+): the receiver answered HTTP (\d+)/.exec(page.html);
    expect(answered?.[2]).toBe('200');
    expect(await pingPrinted).toMatch(new RegExp(`suitehooks\\.ping .*\\(SUITELET, id ${answered![1]}\\)$`));
  } finally {
    await stack?.close();
    child.kill('SIGINT');
    await exited;
  }
}, 60_000);

/**
 * `suitehooks mirror` and `suitehooks mirror reconcile` as a user runs them (in-process, real https,
 * a SQLite file, the sandbox's REST API for reconcile): the receiver applies events, reconcile loads
 * the account, output names ids and counts only, and bad input is a clear error without secrets.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../lib/client/cli/main';
import { parseInterval } from '../../lib/client/cli/mirror';
import { openMirrorStore } from '../../lib/client/mirror';
import { credentialsFile, startSandbox, type Sandbox } from '../client/harness';
import { recordEvent } from './events';
import { differences, postSigned } from './harness';

jest.setTimeout(60_000);

const SECRET = `whsec_${Buffer.from('mirror-cli-test-secret-0123456789').toString('base64')}`;
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-mirror-cli-'));
  fs.writeFileSync(path.join(dir, 'creds.json'), JSON.stringify(credentialsFile(sandbox.config('m2m'))));
});

afterAll(async () => {
  await sandbox?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function sink() {
  const stream = new PassThrough();
  let text = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  stream.on('data', (c: Buffer) => {
    text += c.toString('utf8');
    for (const w of waiters.splice(0))
      if (w.pattern.test(text)) w.resolve();
      else waiters.push(w);
  });
  return {
    stream,
    text: () => text,
    /** Resolves once the output matches (an explicit signal, not a timer). */
    until: (pattern: RegExp) =>
      new Promise<void>((resolve) => (pattern.test(text) ? resolve() : waiters.push({ pattern, resolve }))),
  };
}

function start(args: string[], signal?: AbortSignal) {
  const out = sink();
  const err = sink();
  const exit = runCli(['--credentials', 'creds.json', ...args], {
    stdout: out.stream,
    stderr: err.stream,
    env: {},
    cwd: dir,
    ...(signal ? { signal } : {}),
  });
  return { out, err, exit };
}

test('--reconcile takes 24h, 30m, "every 24h" or off; anything else is refused', () => {
  expect(parseInterval('every 24h')).toBe(86_400_000);
  expect(parseInterval('30m')).toBe(1_800_000);
  expect(parseInterval('off')).toBeNull();
  expect(() => parseInterval('soon')).toThrow(/--reconcile: "soon" is not an interval/);
});

test('mirror reconcile loads the account into a SQLite file and names ids, never field values', async () => {
  sandbox.account.clock.advance(5_000); // past the settle window
  const { err, exit } = start(['mirror', 'reconcile', '--database', 'reconciled.db']);
  expect(await exit).toBe(0);
  const total = sandbox.account.listEmployees(1000, 0).totalResults;
  expect(err.text()).toMatch(
    new RegExp(`^reconcile complete: read ${total}, scanned ${total}; created ${total},`, 'm'),
  );
  for (const id of sandbox.account.listEmployees(1000, 0).ids) {
    const record = sandbox.account.getEmployee(id)!;
    for (const value of [record.firstName, record.lastName, record.email])
      expect(err.text()).not.toContain(String(value));
  }
  const store = await openMirrorStore(path.join(dir, 'reconciled.db'));
  try {
    expect(await differences(store, sandbox.account)).toEqual([]);
    const { rows } = await store.query<{ record_id: string }>('SELECT record_id FROM mirror_can_log_in');
    expect(rows.length).toBeGreaterThan(0);
  } finally {
    await store.close();
  }
});

test('mirror serves https, applies a signed event to the database, reconciles at start with --reconcile, and stops on the signal', async () => {
  const stop = new AbortController();
  const args = ['mirror', '--database', 'served.db', '--port', '0', '--secret', SECRET, '--reconcile', 'every 24h'];
  const { err, exit } = start([...args, '--cert-out', 'tls/mirror.pem'], stop.signal);
  await err.until(/listening on/);
  await err.until(/reconcile complete/);
  const url = /listening on (\S+)/.exec(err.text())![1]!;
  const ca = fs.readFileSync(path.join(dir, 'tls/mirror.pem'), 'utf8');
  const event = recordEvent('9001', Date.now(), 'create', {
    firstName: 'Cli',
    giveAccess: true,
    roles: [{ id: '3', refName: 'Administrator' }],
  });
  const delivery = { id: event.data.id, body: JSON.stringify(event) };
  expect(await postSigned(url, ca, delivery, SECRET, Date.now())).toBe(200);
  expect(await postSigned(url, ca, delivery, SECRET, Date.now())).toBe(200);
  expect(err.text()).toContain(`applied: employee 9001 (${event.data.id})`);
  stop.abort();
  expect(await exit).toBe(0);
  const store = await openMirrorStore(path.join(dir, 'served.db'));
  try {
    const { rows } = await store.query<{ record_id: string }>(
      "SELECT record_id FROM mirror_can_log_in WHERE record_id = '9001'",
    );
    expect(rows).toEqual([{ record_id: '9001' }]);
    const events = await store.query<{ webhook_id: string }>('SELECT webhook_id FROM mirror_event');
    expect(events.rows).toEqual([{ webhook_id: event.data.id }]); // the second delivery was a duplicate
  } finally {
    await store.close();
  }
});

test('bad input: an unknown interval is exit 2; an unreachable Postgres is named without its password', async () => {
  const bad = start(['mirror', '--database', 'x.db', '--secret', SECRET, '--reconcile', 'soon']);
  expect(await bad.exit).toBe(2);
  expect(bad.err.text()).toMatch(/--reconcile: "soon" is not an interval/);
  const pg = start(['mirror', 'reconcile', '--database', 'postgres://mirror:hunter2@127.0.0.1:1/mirror']);
  expect(await pg.exit).toBe(1);
  expect(pg.err.text()).toMatch(/cannot open the mirror database postgres:\/\/mirror:\*\*\*@127\.0\.0\.1:1\/mirror/);
  expect(pg.err.text()).not.toContain('hunter2');
});

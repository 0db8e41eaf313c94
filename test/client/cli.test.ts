/** The `suitehooks` CLI in-process against the sandbox: every command, bad input, and no secret in any output. */
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { Webhook } from 'standardwebhooks';
import { runCli } from '../../lib/client/cli/main';
import { NetSuiteError } from '../../lib/sandbox/account/account-types';
import { credentialsFile, startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let dir: string;
const outputs: string[] = [];

function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Resolves once everything written to `stream` so far matches `pattern` (an explicit signal, not a timer). */
function waitFor(stream: PassThrough, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((resolve) => {
    const check = (c: Buffer) => {
      seen += c.toString('utf8');
      if (!pattern.test(seen)) return;
      stream.off('data', check);
      resolve();
    };
    stream.on('data', check);
  });
}

async function cli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; credentials?: boolean } = {},
) {
  const out = sink();
  const err = sink();
  const argv = options.credentials === false ? args : ['--credentials', 'creds.json', ...args];
  const code = await runCli(argv, {
    stdout: out.stream,
    stderr: err.stream,
    env: options.env ?? {},
    cwd: dir,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const result = { code, stdout: out.text(), stderr: err.text() };
  outputs.push(result.stdout, result.stderr);
  return result;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-cli-'));
  fs.writeFileSync(path.join(dir, 'creds.json'), JSON.stringify(credentialsFile(sandbox.config('m2m'))));
});
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('employee', () => {
  it('creates, reads, updates, changes roles, deactivates and reactivates', async () => {
    const created = await cli([
      'employee',
      'create',
      '--set',
      'firstName=Nia',
      '--set',
      'lastName=Cole',
      '--set',
      'email=nia@example.com',
      '--set',
      'subsidiary=Parent Company',
      '--set',
      'department=Sales',
    ]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = created.stdout.trim();
    expect(JSON.parse((await cli(['employee', 'get', id])).stdout)).toMatchObject({
      id,
      firstName: 'Nia',
      department: { refName: 'Sales' },
    });
    expect(
      (
        await cli([
          'employee',
          'update',
          id,
          '--set',
          'title=Account Executive',
          '--set',
          'giveAccess=true',
          '--set',
          'roles=Sales Rep',
        ])
      ).code,
    ).toBe(0);
    expect((await cli(['employee', 'roles', id, '--add', 'Employee Center'])).stdout.trim().split('\n').sort()).toEqual(
      ['Employee Center', 'Sales Rep'],
    );
    expect((await cli(['employee', 'roles', id, '--set', 'Accountant,15'])).stdout.trim().split('\n').sort()).toEqual([
      'Accountant',
      'Sales Rep',
    ]);
    expect((await cli(['employee', 'roles', id, '--remove', 'Accountant'])).stdout.trim()).toBe('Sales Rep');
    expect((await cli(['employee', 'deactivate', id])).stdout).toMatch(/isInactive=true giveAccess=false/);
    expect((await cli(['employee', 'reactivate', id])).stdout).toMatch(/isInactive=false giveAccess=false/);
    expect(sandbox.account.getEmployee(id)).toMatchObject({
      title: 'Account Executive',
      isInactive: false,
      giveAccess: false,
    });
  });

  it('upserts with --external-id and reads by eid:', async () => {
    const first = await cli([
      'employee',
      'create',
      '--external-id',
      'HR-CLI-1',
      '--set',
      'firstName=Oto',
      '--set',
      'lastName=Ruiz',
      '--set',
      'subsidiary=1',
    ]);
    const again = await cli(['employee', 'create', '--external-id', 'HR-CLI-1', '--set', 'title=Lead']);
    expect(again.stdout).toBe(first.stdout);
    expect(JSON.parse((await cli(['employee', 'get', 'eid:HR-CLI-1'])).stdout)).toMatchObject({
      externalId: 'HR-CLI-1',
      title: 'Lead',
    });
  });

  it('lists as a table or JSON lines, with a bound condition', async () => {
    const table = await cli(['employee', 'list', '--where', 'e.lastname = ?', '-p', 'Okafor']);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+entityId\s+name\s+email/);
    expect(table.stdout).toMatch(/Ada Okafor/);
    const lines = (
      await cli(['employee', 'list', '--format', 'jsonl', '--where', 'e.department = ?', '-p', '1'])
    ).stdout
      .trim()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { department: { refName: string } }).department.refName)).toEqual(
      lines.map(() => 'Engineering'),
    );
  });

  it('explains a refused delete and exits 1; bad input exits 2 with a clear message', async () => {
    const refused = await cli(['employee', 'delete', '3']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused to delete employee 3/);
    expect(refused.stderr).toMatch(/hint: .*suitehooks employee deactivate 3/);
    expect(await cli(['employee', 'update', '1', '--set', 'nickname=Al'])).toMatchObject({
      code: 2,
      stderr: 'error: unknown employee field "nickname"\n',
    });
    const badFlag = await cli(['employee', 'update', '1', '--set', 'isInactive=maybe']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/takes true or false/);
    expect((await cli(['employee', 'update', '1', '--set', 'department=Astrology'])).stderr).toBe(
      'error: no department is named "Astrology"\n',
    );
    expect((await cli(['employee', 'frobnicate'])).code).toBe(2);
    const noCredentials = await cli(['employee', 'list'], { credentials: false });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toMatch(/no credentials: set SUITEHOOKS_CLIENT_ID/);
  });

  it('reads credentials from the environment too', async () => {
    const file = credentialsFile(sandbox.config('tba'));
    const tba = file.tba as Record<string, string>;
    const env = {
      SUITEHOOKS_ACCOUNT: '1234567-sb1',
      SUITEHOOKS_BASE_URL: String(file.baseUrl),
      SUITEHOOKS_CONSUMER_KEY: tba.consumerKey,
      SUITEHOOKS_CONSUMER_SECRET: tba.consumerSecret,
      SUITEHOOKS_TOKEN_ID: tba.tokenId,
      SUITEHOOKS_TOKEN_SECRET: tba.tokenSecret,
    };
    const res = await cli(['employee', 'get', '1'], { env, credentials: false });
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as { entityId: string }).entityId).toBe('Ada Okafor');
    expect(
      (await cli(['employee', 'get', '1'], { env: { ...env, SUITEHOOKS_TOKEN_SECRET: undefined }, credentials: false }))
        .stderr,
    ).toBe('error: missing SUITEHOOKS_TOKEN_SECRET\n');
  });
});

describe('sql', () => {
  it('prints a table or JSON lines, with bound parameters', async () => {
    const table = await cli(['sql', 'SELECT id, name FROM role WHERE id IN (?, ?) ORDER BY id', '-p', '3', '-p', '15']);
    expect(table.stdout).toBe('id  name\n--  -------------\n3   Administrator\n15  Sales Rep\n');
    const jsonl = await cli([
      'sql',
      'SELECT id, name FROM department WHERE name = ?',
      '--params',
      '["Sales"]',
      '--format',
      'jsonl',
    ]);
    expect(jsonl.stdout).toBe('{"id":"2","name":"Sales"}\n');
    const refused = await cli(['sql', 'DELETE FROM employee']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/INVALID_PARAMETER.*Only SELECT/);
    expect((await cli(['sql', 'SELECT 1', '--format', 'xml'])).code).toBe(2);
  });
});

describe('sync', () => {
  it('exports everything, then incrementally from the cursor file', async () => {
    await sandbox.account.advance(10_000);
    const full = await cli([
      'sync',
      '--out',
      'out/employees.jsonl',
      '--cursor',
      'state/cursor.json',
      '--full',
      '--page-size',
      '4',
    ]);
    expect(full.code).toBe(0);
    const total = sandbox.account.db.prepare('SELECT COUNT(*) FROM employee').pluck().get() as number;
    expect(full.stderr).toMatch(new RegExp(`${total} employees written`));
    const read = () =>
      fs
        .readFileSync(path.join(dir, 'out/employees.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; title: string });
    expect(read()).toHaveLength(total);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'state/cursor.json'), 'utf8'))).toMatchObject({
      version: 1,
      after: [expect.any(String), expect.any(String)],
    });

    await cli(['employee', 'update', '2', '--set', 'title=CTO']);
    await sandbox.account.advance(10_000);
    const inc = await cli(['sync', '--out', 'out/employees.jsonl', '--cursor', 'state/cursor.json']);
    expect(inc.stderr).toMatch(/1 employee written to out\/employees.jsonl \(incremental\)/);
    expect(read().at(-1)).toMatchObject({ id: '2', title: 'CTO' });

    fs.writeFileSync(path.join(dir, 'state/bad.json'), '{"after": 5}');
    const badCursor = await cli(['sync', '--out', 'x.jsonl', '--cursor', 'state/bad.json']);
    expect(badCursor.code).toBe(2);
    expect(badCursor.stderr).toMatch(/cursor file .* is unreadable/);
  });
});

describe('sync --full that fails or stops part-way', () => {
  it('keeps the previous export and cursor, then resumes and swaps the complete export in with its cursor', async () => {
    await sandbox.account.advance(10_000);
    const args = [
      'sync',
      '--out',
      'full/employees.jsonl',
      '--cursor',
      'full/cursor.json',
      '--full',
      '--page-size',
      '3',
    ];
    expect((await cli(args)).code).toBe(0);
    const out = path.join(dir, 'full/employees.jsonl');
    const cursorFile = path.join(dir, 'full/cursor.json');
    const before = { out: fs.readFileSync(out, 'utf8'), cursor: fs.readFileSync(cursorFile, 'utf8') };
    const total = sandbox.account.db.prepare('SELECT COUNT(*) FROM employee').pluck().get() as number;
    expect(before.out.trim().split('\n')).toHaveLength(total);

    // NetSuite fails on the third page of the next full export.
    const account = sandbox.account;
    const original = account.runSuiteQL.bind(account);
    let pages = 0;
    account.runSuiteQL = (q, params, limit, offset) => {
      if (++pages === 3) throw new NetSuiteError(400, 'INVALID_PARAMETER', 'Search error occurred.');
      return original(q, params, limit, offset);
    };
    try {
      const failed = await cli(args);
      expect(failed.code).toBe(1);
    } finally {
      account.runSuiteQL = original;
    }
    // The previous export and its cursor are untouched; what the failed run read is kept beside them.
    expect(fs.readFileSync(out, 'utf8')).toBe(before.out);
    expect(fs.readFileSync(cursorFile, 'utf8')).toBe(before.cursor);
    expect(fs.readFileSync(`${out}.partial`, 'utf8').trim().split('\n')).toHaveLength(6);

    // An incremental run still works from the previous cursor into the previous export.
    await cli(['employee', 'update', '3', '--set', 'title=Resumed']);
    await sandbox.account.advance(10_000);
    expect((await cli(['sync', '--out', 'full/employees.jsonl', '--cursor', 'full/cursor.json'])).stderr).toMatch(
      /1 employee written .*\(incremental\)/,
    );

    // The full export again: resumed from where it stopped, then swapped in with its cursor.
    const resumed = await cli(args);
    expect(resumed.stderr).toMatch(/resuming the interrupted full export/);
    expect(resumed.stderr).toMatch(/written to full\/employees.jsonl \(full, resumed\)/);
    const ids = new Set(
      fs
        .readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    );
    expect(ids.size).toBe(total);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    expect(fs.existsSync(`${out}.partial-cursor.json`)).toBe(false);
    // The cursor is the one that describes this export: it ends at its last row.
    const last = JSON.parse(fs.readFileSync(out, 'utf8').trim().split('\n').at(-1)!) as { id: string };
    expect(JSON.parse(fs.readFileSync(cursorFile, 'utf8'))).toMatchObject({ after: [expect.any(String), last.id] });
  });
});

describe('bulk', () => {
  it('applies good rows, reports bad ones, and is safe to run again', async () => {
    fs.writeFileSync(
      path.join(dir, 'changes.csv'),
      [
        'action,externalId,id,firstName,lastName,email,subsidiary,department,title,role',
        'upsert,BULK-1,,Pia,Lund,pia@example.com,Parent Company,Engineering,Engineer,',
        'upsert,BULK-2,,Quin,Hale,,1,Sales,,',
        'create,,,No,ExternalId,,1,,,',
        'update,BULK-1,,,,,,,Staff Engineer,',
        'add-role,BULK-2,,,,,,,,Sales Rep',
        'deactivate,,4,,,,,,,',
        'update,BULK-404,,,,,,,Nobody,',
        'upsert,BULK-3,,Rex,Moe,,1,Astrology,,',
        'fire,,1,,,,,,,',
        'delete,,3,,,,,,,',
      ].join('\n'),
    );
    const first = await cli(['bulk', 'changes.csv']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^5 ok, 5 failed, 0 skipped/);
    const results = fs
      .readFileSync(path.join(dir, 'changes.csv.results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; status: string; error?: string; hint?: string });
    const byLine = new Map(results.map((r) => [r.line, r]));
    expect([2, 3, 5, 6, 7].map((l) => byLine.get(l)?.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(byLine.get(4)?.error).toMatch(/needs an externalId/);
    expect(byLine.get(8)?.error).toMatch(/no employee has the external id "BULK-404"/);
    expect(byLine.get(9)?.error).toMatch(/no department is named "Astrology"/);
    expect(byLine.get(10)?.error).toMatch(/unknown action "fire"/);
    expect(byLine.get(11)?.hint).toMatch(/Deactivate instead/);
    expect(first.stderr).toMatch(/line 10: fire 1: unknown action/);
    const db = sandbox.account.db;
    expect(db.prepare(`SELECT title FROM employee WHERE externalid = 'BULK-1'`).pluck().get()).toBe('Staff Engineer');
    expect(sandbox.account.getEmployee('4')).toMatchObject({ isInactive: true, giveAccess: false });

    const again = await cli(['bulk', 'changes.csv']);
    expect(again.stdout).toMatch(/^0 ok, 5 failed, 5 skipped/);
    expect(db.prepare(`SELECT COUNT(*) FROM employee WHERE externalid LIKE 'BULK-%'`).pluck().get()).toBe(2);
    expect(db.prepare(`SELECT COUNT(*) FROM employee WHERE lastname = 'ExternalId'`).pluck().get()).toBe(0);
  });

  it('reads JSON lines and refuses unreadable files', async () => {
    fs.writeFileSync(
      path.join(dir, 'changes.jsonl'),
      '{"action":"set-roles","externalId":"BULK-2","roles":"Administrator; Accountant"}\n{"action":"reactivate","id":"4"}\n',
    );
    expect((await cli(['bulk', 'changes.jsonl', '--results', 'r.jsonl'])).stdout).toMatch(/^2 ok, 0 failed/);
    const id = String(sandbox.account.findEmployeeByExternalId('BULK-2'));
    expect((sandbox.account.getEmployee(id)!.roles as { id: string }[]).map((r) => r.id).sort()).toEqual(['3', '30']);
    fs.writeFileSync(path.join(dir, 'broken.jsonl'), '{"action":"reactivate"}\nnot json\n');
    const broken = await cli(['bulk', 'broken.jsonl']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken.jsonl:2: not a JSON object/);
    expect((await cli(['bulk', 'missing.csv'])).stderr).toMatch(/cannot read .*missing.csv: ENOENT/);
  });
});

describe('listen', () => {
  /** POSTs over https to a receiver whose certificate is `ca`, and returns the status. */
  function post(url: string, ca: string, headers: Record<string, string>, body: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method: 'POST', headers, ca }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('serves https with a self-signed certificate it prints and writes out; verifies, prints each event once and rejects forgeries', async () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const controller = new AbortController();
    const out = sink();
    const err = sink();
    const running = runCli(['listen', '--port', '0', '--secret', secret, '--cert-out', 'tls/listen.pem'], {
      stdout: out.stream,
      stderr: err.stream,
      env: {},
      cwd: dir,
      signal: controller.signal,
    });
    await waitFor(err.stream, /listening on/);
    const url = /listening on (\S+)/.exec(err.text())![1]!;
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const ca = fs.readFileSync(path.join(dir, 'tls/listen.pem'), 'utf8');
    expect(err.text()).toContain(`SHA-256 fingerprint ${new X509Certificate(ca).fingerprint256}`);
    const event = {
      type: 'employee.updated',
      timestamp: new Date().toISOString(),
      data: {
        id: 'evt_1_a_b',
        account: '1234567_SB1',
        recordType: 'employee',
        recordId: '9',
        changeType: 'update',
        eventType: 'edit',
        changedFields: ['title'],
        changes: { title: { old: 'A', new: 'B' } },
        lifecycle: [],
        warnings: [],
        origin: { executionContext: 'RESTWEBSERVICES', user: null, role: null },
        sequence: 1,
      },
    };
    const body = JSON.stringify(event);
    const now = new Date();
    const headers = {
      'webhook-id': 'evt_1_a_b',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('evt_1_a_b', now, body),
      'content-type': 'application/json',
    };
    const statuses = [];
    for (const h of [headers, headers, { ...headers, 'webhook-signature': 'v1,Zm9yZ2Vk' }])
      statuses.push(await post(url, ca, h, body));
    // Without the certificate a client refuses the connection: it is really TLS, and really self-signed.
    await expect(post(url, '', headers, body)).rejects.toThrow(/self-signed|certificate/i);
    controller.abort();
    expect(await running).toBe(0);
    expect(statuses).toEqual([200, 200, 401]);
    expect(out.text().trim().split('\n')).toEqual([
      expect.stringMatching(/employee\.updated employee 9 \[title\] \(RESTWEBSERVICES, id evt_1_a_b\)$/),
    ]);
    expect(err.text()).toMatch(/rejected a delivery/);
    outputs.push(out.text(), err.text());
  });

  it.each([
    [
      'a secret that is not base64',
      ['--secret', 'not-a-valid-secret!!'],
      /--secret: secret 1 of 1 is not a Standard Webhooks secret/,
    ],
    [
      'a good secret beside a malformed one',
      ['--secret', `whsec_${Buffer.alloc(32, 7).toString('base64')},whsec_%%%`],
      /--secret: secret 2 of 2 is not a Standard Webhooks secret/,
    ],
    [
      'half a key pair',
      ['--secret', `whsec_${Buffer.alloc(32, 7).toString('base64')}`, '--cert', 'x.pem'],
      /give both --cert and --key/,
    ],
  ])('refuses %s at start-up (exit 2), naming it, before listening', async (_name, args, message) => {
    const res = await cli(['listen', '--port', '0', ...args], { credentials: false });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/listening on/);
    expect(res.stderr).not.toContain('not-a-valid-secret');
  });
});

afterAll(() => {
  // No credential ever reached any output of any command.
  const file = credentialsFile(sandbox.config('m2m'));
  const m2m = file.m2m as Record<string, string>;
  const keyBody = m2m.privateKey!.split('\n')[1]!;
  for (const text of outputs) expect(text).not.toContain(keyBody);
});

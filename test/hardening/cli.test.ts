/**
 * Hardening (issue 6, items 3 and 4) of the CLI, in-process against the sandbox: bad CSV and JSON-lines
 * files in `bulk` (every data row accounted for, each bad row named by line with its problem, nothing
 * silently dropped), rows for the same employee applied in file order, and no credential — private key,
 * TBA secrets, access tokens, Authorization headers — in any output of any command, errors and
 * SUITEHOOKS_DEBUG stacks included; `sync` cursors that cannot be a position refused (issue 17, item 9).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../lib/client/cli/main';
import { credentialsFile, startSandbox, type Sandbox } from '../client/harness';
import { collectWireSecrets, type SecretCollector } from './secret-collector';

let sandbox: Sandbox;
let dir: string;
const outputs: string[] = [];
const secrets = new Set<string>();

function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cli(args: string[], options: { env?: NodeJS.ProcessEnv; creds?: string } = {}) {
  const out = sink();
  const err = sink();
  const code = await runCli(['--credentials', options.creds ?? 'm2m.json', ...args], {
    stdout: out.stream,
    stderr: err.stream,
    env: options.env ?? {},
    cwd: dir,
  });
  const result = { code, stdout: out.text(), stderr: err.text() };
  outputs.push(result.stdout, result.stderr);
  return result;
}

let wire: SecretCollector;
beforeAll(async () => {
  sandbox = await startSandbox();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-hardening-cli-'));
  const m2m = credentialsFile(sandbox.config('m2m'));
  const tba = credentialsFile(sandbox.config('tba'));
  fs.writeFileSync(path.join(dir, 'm2m.json'), JSON.stringify(m2m));
  fs.writeFileSync(path.join(dir, 'tba.json'), JSON.stringify(tba));
  const t = tba.tba as Record<string, string>;
  const k = (m2m.m2m as Record<string, string>).privateKey!;
  for (const s of [
    t.consumerSecret!,
    t.tokenSecret!,
    ...k.split('\n').filter((l) => l.length > 16 && !l.startsWith('-----')),
  ])
    secrets.add(s);
  fs.writeFileSync(
    path.join(dir, 'bad-tba.json'),
    JSON.stringify({ ...tba, tba: { ...t, tokenSecret: 'f'.repeat(64) } }),
  );
  fs.writeFileSync(
    path.join(dir, 'bad-key.json'),
    JSON.stringify({
      ...m2m,
      m2m: { ...(m2m.m2m as object), privateKey: k.replace(/\n[A-Za-z0-9+/]{12}/, '\n!!!!!!!!!!!!') },
    }),
  );
  // Capture what goes on the wire: access tokens and Authorization headers must not come back out.
  wire = collectWireSecrets(secrets);
});
afterAll(async () => {
  wire.restore();
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Result {
  line: number;
  status: string;
  error?: string;
  action: string;
}
const results = (file: string): Result[] =>
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Result);

describe('bulk: bad rows are named, none dropped', () => {
  test('a CSV mixing good rows with every kind of bad one: each data line gets a result, bad ones say what and where', async () => {
    const rows = [
      'action,externalId,id,firstName,lastName,subsidiary,title,isInactive,role,roles',
      'upsert,HARD-1,,Ada,Byron,1,Analyst,,,',
      ',HARD-1,,,,,Lead,,,', // no action
      'upsert,,,No,Key,1,,,,', // create without externalId
      'update,HARD-1,,,,,,maybe,,', // bad boolean
      'set-roles,HARD-1,,,,,,,,', // no roles: never "remove every role"
      'update,,,,,,Nobody,,,', // no id or externalId
      'add-role,HARD-1,,,,,,,,', // no role
      'add-role,HARD-1,,,,,,,No Such Role,', // role that does not exist
      'update,,abc,,,,Title,,,', // malformed internal id
      'update,HARD-1,,,,,' + 'x'.repeat(400) + ',,,', // over the field limit
      'deactivate,,999999,,,,,,,', // no such employee
      'update,HARD-1,,,,,Principal,,,', // good
    ];
    fs.writeFileSync(path.join(dir, 'mixed.csv'), `\ufeff${rows.join('\r\n')}\r\n`);
    const run = await cli(['bulk', 'mixed.csv']);
    expect(run.code).toBe(1);
    const all = results('mixed.csv.results.jsonl');
    const byLine = new Map(all.map((r) => [r.line, r]));
    // Every data line (2..13) has exactly one result; the totals add up.
    expect(all.map((r) => r.line).sort((a, b) => a - b)).toEqual(
      Array.from({ length: rows.length - 1 }, (_, i) => i + 2),
    );
    expect(run.stdout).toMatch(/^2 ok, 10 failed, 0 skipped/);
    const expected: [number, RegExp][] = [
      [3, /unknown action ""/],
      [4, /needs an externalId/],
      [5, /"isInactive" takes true or false, not "maybe"/],
      [6, /set-roles needs the roles to keep in "roles"; an empty list would remove every role/],
      [7, /needs an id or an externalId/],
      [8, /add-role needs a role/],
      [9, /No Such Role/],
      [10, /abc/],
      [11, /title/],
      [12, /999999|NONEXISTENT_ID|not found/i],
    ];
    for (const [line, message] of expected) {
      expect(byLine.get(line)).toMatchObject({ status: 'error' });
      expect(byLine.get(line)!.error).toMatch(message);
      expect(run.stderr).toMatch(new RegExp(`line ${line}: `));
    }
    expect(byLine.get(2)!.status).toBe('ok');
    expect(byLine.get(13)!.status).toBe('ok');
    const hard1 = sandbox.account.getEmployee(String(sandbox.account.findEmployeeByExternalId('HARD-1')))!;
    expect(hard1).toMatchObject({ title: 'Principal', firstName: 'Ada' });
  });

  test.each([
    ['unbalanced quotes', 'action,id,title\nupdate,1,"Lead\nupdate,2,Chief\n', /not valid CSV.*(quote|Quote)/],
    ['a row with more cells than the header', 'action,id,title\nupdate,1,Lead,extra\n', /not valid CSV.*line 2/i],
    ['no action column', 'id,title\n1,Lead\n', /needs an "action" column/],
    ['JSON lines with a non-object line', '{"action":"reactivate","id":"4"}\n[1,2]\n', /:2: not a JSON object/],
    [
      'an unknown column',
      'action,id,title,fristName\nupdate,1,Lead,Adda\n',
      /unknown column "fristName": not an employee field/,
    ],
    ['an unknown column left empty', 'action,id,title,notes\nupdate,1,Lead,\n', /unknown column "notes"/],
    [
      'a role cell on a set-roles row (role, not roles)',
      'action,id,role\nset-roles,1,Administrator\n',
      /line 2: set-roles does not use "role", so its value would be ignored \(set-roles takes the exact list in "roles"/,
    ],
    [
      'a field on a deactivate row',
      'action,id,title\ndeactivate,1,Leaving\n',
      /line 2: deactivate does not use "title"/,
    ],
    [
      'an id on an upsert row',
      '{"action":"upsert","externalId":"X-1","id":"1","title":"Lead"}\n',
      /line 1: upsert does not use "id"/,
    ],
  ])(
    'a malformed file (%s) is refused whole with one error naming it, nothing applied',
    async (_name, content, message) => {
      const file = _name.includes('JSON') ? 'bad.jsonl' : 'bad.csv';
      fs.writeFileSync(path.join(dir, file), content);
      const before = sandbox.account.getEmployee('1')!.title;
      const run = await cli(['bulk', file]);
      expect(run.code).toBe(2);
      // One error: its first line, then (for a file that breaks the column rules) one indented line per problem.
      expect(run.stderr).toMatch(/^error: /);
      expect(
        run.stderr
          .trim()
          .split('\n')
          .slice(1)
          .every((l) => l.startsWith('  ')),
      ).toBe(true);
      expect(run.stderr).toMatch(message);
      expect(sandbox.account.getEmployee('1')!.title).toBe(before);
      expect(fs.existsSync(path.join(dir, `${file}.results.jsonl`))).toBe(false);
    },
  );

  test('an empty file and a header-only file: nothing to do, said so', async () => {
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    fs.writeFileSync(path.join(dir, 'header.csv'), 'action,id,title\n');
    for (const f of ['empty.csv', 'header.csv']) {
      const run = await cli(['bulk', f]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^0 ok, 0 failed, 0 skipped/);
    }
  });

  test('rows for the same employee are applied in file order, whatever the concurrency', async () => {
    const id = sandbox.account.listEmployees(1000, 0).ids.at(-1)!;
    // The first row needs a name looked up (one SuiteQL round trip) before its PATCH; the second does
    // not. Run side by side, the second row's PATCH would land first and the first row would win.
    const lines = ['action,id,title,department', `update,${id},Written first,Sales`, `update,${id},Written last,`];
    for (let i = 0; i < 6; i++) lines.push(`update,${id},Step ${i},`);
    lines.push(`deactivate,${id},,`, `reactivate,${id},,`);
    fs.writeFileSync(path.join(dir, 'order.csv'), `${lines.join('\n')}\n`);
    const run = await cli(['--concurrency', '5', 'bulk', 'order.csv']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^10 ok, 0 failed/);
    expect(sandbox.account.getEmployee(id)).toMatchObject({
      title: 'Step 5',
      isInactive: false,
      department: { refName: 'Sales' },
    });
    fs.writeFileSync(
      path.join(dir, 'order2.csv'),
      `action,id,title,department\nupdate,${id},Written first,Engineering\nupdate,${id},Written last,\n`,
    );
    expect((await cli(['--concurrency', '5', 'bulk', 'order2.csv'])).stdout).toMatch(/^2 ok/);
    expect(sandbox.account.getEmployee(id)).toMatchObject({
      title: 'Written last',
      department: { refName: 'Engineering' },
    });
  });
});

describe('sync: a cursor that cannot be a position is refused; one ahead of the account is warned about (issue 17, item 9)', () => {
  const withCursor = (name: string, after: unknown) => {
    fs.writeFileSync(path.join(dir, name), JSON.stringify({ version: 1, after }));
    return ['sync', '--out', `${name}.jsonl`, '--cursor', name];
  };

  test.each([
    ['a time that is not a time', ['zzzz', '1'], /its time "zzzz" is not a time \(expected YYYY-MM-DDTHH:MM:SS\)/],
    ['a day that does not exist', ['2026-02-30T00:00:00', '1'], /its time "2026-02-30T00:00:00" is not a time/],
    ['a time with a zone suffix', ['2026-02-01T00:00:00Z', '1'], /is not a time/],
    ['an id that is not an internal id', ['2026-02-01T00:00:00', 'abc'], /its id "abc" is not an internal id/],
  ])('%s: exit 2 naming the problem, nothing written', async (_name, after, message) => {
    const name = `bad-cursor-${outputs.length}.json`;
    const res = await cli(withCursor(name, after));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(new RegExp(`cursor file .*${name} is unreadable`));
    expect(fs.existsSync(path.join(dir, `${name}.jsonl`))).toBe(false);
  });

  test("a cursor later than the account's clock: a warning naming both times, the run goes on", async () => {
    const res = await cli(withCursor('future-cursor.json', ['2999-01-01T00:00:00', '1']));
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(
      /warning: the cursor's time 2999-01-01T00:00:00 is later than the account's clock \(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2} UTC\)/,
    );
    const past = await cli(withCursor('past-cursor.json', ['2001-01-01T00:00:00', '1']));
    expect(past.code).toBe(0);
    expect(past.stderr).not.toMatch(/warning/);
  });
});

describe('no credential in any output', () => {
  test('good and failing commands with both auth methods, SUITEHOOKS_DEBUG stacks included', async () => {
    const debug = { SUITEHOOKS_DEBUG: '1' };
    expect((await cli(['employee', 'get', '1'])).code).toBe(0);
    expect((await cli(['employee', 'get', '1'], { creds: 'tba.json' })).code).toBe(0);
    expect(
      (await cli(['sql', 'SELECT id, email FROM employee WHERE id < ?', '-p', '4'], { creds: 'tba.json' })).code,
    ).toBe(0);
    const failures = [
      await cli(['employee', 'get', '1'], { creds: 'bad-tba.json', env: debug }),
      await cli(['employee', 'get', '1'], { creds: 'bad-key.json', env: debug }),
      await cli(['employee', 'get', '999999'], { env: debug }),
      await cli(['employee', 'update', '1', '--set', 'isInactive=perhaps'], { env: debug }),
      await cli(['sql', 'SELECT nothing FROM nowhere'], { creds: 'tba.json', env: debug }),
    ];
    for (const f of failures) {
      expect(f.code).not.toBe(0);
      expect(f.stderr).toMatch(/^error: /);
    }
    expect(failures[0]!.stderr).toMatch(/INVALID_LOGIN/);
    expect(failures[1]!.stderr).toMatch(/private key/);
    expect(secrets.size).toBeGreaterThanOrEqual(6);
    const text = outputs.join('\n');
    const leaks = [...secrets].filter((s) => text.includes(s));
    expect(leaks.map((s) => `${s.slice(0, 10)}…`)).toEqual([]);
  });
});

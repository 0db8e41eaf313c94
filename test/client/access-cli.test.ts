/**
 * `suitehooks access list` and the per-type lifecycle commands (`vendor`, `partner`, `customer`) in
 * process against the sandbox: table, CSV and JSON lines, `--diff` against a previous export, bad input.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../lib/client/cli/main';
import { credentialsFile, startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let dir: string;

async function cli(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: [Buffer[], Buffer[]] = [[], []];
  out.on('data', (c: Buffer) => chunks[0].push(c));
  err.on('data', (c: Buffer) => chunks[1].push(c));
  const code = await runCli(['--credentials', 'creds.json', ...args], {
    stdout: out,
    stderr: err,
    env: {},
    cwd: dir,
  });
  const [stdout, stderr] = chunks.map((c) => Buffer.concat(c).toString('utf8'));
  return { code, stdout: stdout!, stderr: stderr! };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-access-cli-'));
  fs.writeFileSync(path.join(dir, 'creds.json'), JSON.stringify(credentialsFile(sandbox.config('m2m'))));
});
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a vendor granted access shows in the access list; revoking it shows in --diff', async () => {
  const created = await cli([
    'vendor',
    'create',
    '--set',
    'companyName=Northwind, Inc.',
    '--set',
    'subsidiary=Parent Company',
    '--set',
    'email=ap@northwind.test',
    '--set',
    'giveAccess=true',
    '--set',
    'roles=Sales Rep',
  ]);
  expect(created).toMatchObject({ code: 0, stderr: '' });
  const vendorId = created.stdout.trim();
  expect((await cli(['vendor', 'roles', vendorId, '--add', 'Accountant'])).stdout.trim().split('\n').sort()).toEqual([
    'Accountant',
    'Sales Rep',
  ]);

  const exported = await cli(['access', 'list', '--format', 'jsonl']);
  expect(exported.code).toBe(0);
  fs.writeFileSync(path.join(dir, 'before.jsonl'), exported.stdout);
  const lines = exported.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; id: string });
  expect(lines).toContainEqual(expect.objectContaining({ type: 'vendor', id: vendorId, flags: [] }));

  const csv = await cli(['access', 'list', '--format', 'csv']);
  const rows = parse<Record<string, string>>(csv.stdout, { columns: true });
  expect(rows.find((r) => r.type === 'vendor')).toEqual({
    type: 'vendor',
    id: vendorId,
    entityId: 'Northwind, Inc.',
    email: 'ap@northwind.test',
    state: 'active',
    roles: 'Sales Rep (15); Accountant (30)',
    flags: '',
  });

  expect((await cli(['vendor', 'deactivate', vendorId])).stdout).toContain('isInactive=true giveAccess=false');
  const customer = await cli([
    'customer',
    'create',
    '--set',
    'companyName=Contoso',
    '--set',
    'subsidiary=Parent Company',
    '--set',
    'email=it@contoso.test',
    '--set',
    'giveAccess=true',
    '--set',
    'accessRole=Employee Center',
    '--set',
    'isInactive=true',
  ]);
  const customerId = customer.stdout.trim();
  const diff = await cli(['access', 'list', '--diff', 'before.jsonl', '--format', 'jsonl']);
  expect(
    diff.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown),
  ).toEqual([
    { type: 'customer', id: customerId, entityId: 'Contoso', change: 'access_granted' },
    { type: 'vendor', id: vendorId, entityId: 'Northwind, Inc.', change: 'access_revoked' },
  ]);
  const table = await cli(['access', 'list']);
  expect(table.stdout).toMatch(new RegExp(`customer\\s+${customerId}\\s+Contoso.*inactive.*INACTIVE_WITH_ACCESS`));
});

it('refuses a bad format and an export that is not an access list, naming the line', async () => {
  expect(await cli(['access', 'list', '--format', 'xml'])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('--format is table, csv or jsonl') as unknown,
  });
  fs.writeFileSync(
    path.join(dir, 'bad.jsonl'),
    '{"type":"employee","id":"1","roles":[]}\n{"type":"contact","id":"2"}\n',
  );
  expect(await cli(['access', 'list', '--diff', 'bad.jsonl'])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('bad.jsonl line 2: not an access list entry') as unknown,
  });
  expect((await cli(['access', 'list', '--diff', 'missing.jsonl'])).stderr).toContain('cannot be read (ENOENT)');
});

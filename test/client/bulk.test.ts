/**
 * `suitehooks bulk` against the sandbox: a row counts as done only if that row of that file ran (an
 * offboarding is never skipped because another file's row looked the same); a missing or empty roles
 * cell never removes every role; rows naming one employee by id and by external id keep file order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Ref } from '../../lib/core';
import { BulkInputError, runBulk } from '../../lib/client';
import { canonicalInternalId, chainExternalId } from '../../lib/client/bulk';
import { runCli } from '../../lib/client/cli/main';
import { credentialsFile, startSandbox, type Sandbox } from './harness';

let sandbox: Sandbox;
let dir: string;

function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cli(args: string[], signal?: AbortSignal) {
  const out = sink();
  const err = sink();
  const code = await runCli(['--credentials', 'creds.json', ...args], {
    stdout: out.stream,
    stderr: err.stream,
    env: {},
    cwd: dir,
    ...(signal ? { signal } : {}),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

const write = (name: string, content: string) => fs.writeFileSync(path.join(dir, name), content);
const employee = (id: string) => sandbox.account.getEmployee(id)!;
const roleIds = (id: string) => ((employee(id).roles as Ref[] | null) ?? []).map((r) => r.id).sort();

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-bulk-'));
  fs.writeFileSync(path.join(dir, 'creds.json'), JSON.stringify(credentialsFile(sandbox.config('m2m'))));
});
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a row is done only if that row of that file ran', () => {
  const id = '5';

  it('deactivate, reactivate, deactivate in three files with one results file: the offboarding happens', async () => {
    write('off-1.csv', `action,id\ndeactivate,${id}\n`);
    write('on.csv', `action,id\nreactivate,${id}\n`);
    write('off-2.csv', `action,id\ndeactivate,${id}\n`);
    for (const [file, inactive] of [
      ['off-1.csv', true],
      ['on.csv', false],
      ['off-2.csv', true],
    ] as const) {
      const run = await cli(['bulk', file, '-r', 'shared.results.jsonl']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^1 ok, 0 failed, 0 skipped/);
      expect(employee(id)).toMatchObject({ isInactive: inactive });
    }
    expect(employee(id)).toMatchObject({ isInactive: true, giveAccess: false });
  });

  it('the same path rewritten between runs: a file with the same content as two runs ago is not skipped', async () => {
    for (const action of ['deactivate', 'reactivate', 'deactivate', 'reactivate']) {
      write('same.csv', `action,id\n${action},${id}\n`);
      expect((await cli(['bulk', 'same.csv'])).stdout).toMatch(/^1 ok, 0 failed, 0 skipped/);
    }
    expect(employee(id)).toMatchObject({ isInactive: false });
    // Running the very same file again right away is a re-run: its done row is skipped.
    expect((await cli(['bulk', 'same.csv'])).stdout).toMatch(/^0 ok, 0 failed, 1 skipped/);
  });

  it('a run killed part-way (a torn last line) is resumed: only the rows it did not record run again', async () => {
    const ids = sandbox.account.listEmployees(1000, 0).ids.slice(0, 6);
    expect(ids).toHaveLength(6);
    write('titles.csv', ['action,id,title', ...ids.map((e) => `update,${e},Resumed`)].join('\n'));
    expect((await cli(['bulk', 'titles.csv'])).stdout).toMatch(/^6 ok/);
    // What a kill after 3 recorded rows leaves: the run marker, 3 lines and half of the 4th.
    const lines = fs.readFileSync(path.join(dir, 'titles.csv.results.jsonl'), 'utf8').split('\n');
    write('titles.csv.results.jsonl', `${lines.slice(0, 4).join('\n')}\n${lines[4]!.slice(0, 20)}`);
    const again = await cli(['bulk', 'titles.csv']);
    expect(again.stdout).toMatch(/^3 ok, 0 failed, 3 skipped \(done before\)/);
  });

  it('an edited file inherits nothing; a results file of the older format (no run marker) is not trusted', async () => {
    write('edit.csv', `action,id,title\nupdate,6,One\nupdate,7,Two\n`);
    expect((await cli(['bulk', 'edit.csv'])).stdout).toMatch(/^2 ok/);
    write('edit.csv', `action,id,title\nupdate,6,One\nupdate,7,Three\n`);
    expect((await cli(['bulk', 'edit.csv'])).stdout).toMatch(/^2 ok, 0 failed, 0 skipped/);
    const legacy = { line: 2, fingerprint: 'x', action: 'update', key: '6', status: 'ok' };
    write('legacy.csv', `action,id,title\nupdate,6,Legacy\n`);
    write('legacy.csv.results.jsonl', `${JSON.stringify(legacy)}\n`);
    expect((await cli(['bulk', 'legacy.csv'])).stdout).toMatch(/^1 ok, 0 failed, 0 skipped/);
    expect(employee('6').title).toBe('Legacy');
  });
});

describe('set-roles never removes every role by accident', () => {
  const id = '2';

  beforeAll(() => cli(['employee', 'roles', id, '--set', 'Administrator,Accountant']));

  it('a role column but no roles column: refused whole (exit 2), roles untouched', async () => {
    write('roles-1.csv', `action,id,role\nset-roles,${id},Sales Rep\n`);
    const run = await cli(['bulk', 'roles-1.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/set-roles does not use "role"/);
    expect(roleIds(id)).toEqual(['3', '30']);
  });

  it('runBulk (the library) refuses such a file the same way: BulkInputError, nothing run', async () => {
    const rows = [{ line: 2, values: { action: 'set-roles', id, role: 'Sales Rep' } }];
    const err = await runBulk(sandbox.client(), rows).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkInputError);
    expect((err as BulkInputError).problems).toEqual([expect.stringMatching(/^line 2: set-roles does not use "role"/)]);
    expect(roleIds(id)).toEqual(['3', '30']);
  });

  it.each([
    ['an empty roles cell', 'roles-2.csv', `action,id,roles\nset-roles,${id},\n`],
    ['roles of only separators', 'roles-3.csv', `action,id,roles\nset-roles,${id}," ; , "\n`],
    ['an empty JSON list', 'roles-4.jsonl', `{"action":"set-roles","id":"${id}","roles":[]}\n`],
    ['no roles member', 'roles-5.jsonl', `{"action":"set-roles","id":"${id}"}\n`],
  ])('%s: that row fails (exit 1) and the roles stay', async (_name, file, content) => {
    write(file, content);
    const run = await cli(['bulk', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/set-roles needs the roles to keep/);
    expect(roleIds(id)).toEqual(['3', '30']);
  });
});

describe('rows naming one employee by external id and by id keep file order', () => {
  it('runs them as one chain, in file order, whatever the concurrency', async () => {
    const id = await sandbox.client().employees.upsert('ORD-1', { firstName: 'Ord', lastName: 'Er', subsidiary: '1' });
    const titles: unknown[] = [];
    const account = sandbox.account;
    const update = account.updateEmployee.bind(account);
    account.updateEmployee = (target, change, ctx, type) => {
      if (target === id && 'title' in change.values) titles.push(change.values.title);
      return update(target, change, ctx, type);
    };
    try {
      // The external-id rows are slower (a lookup, and a department name to resolve): run side by side
      // with the id rows, they would land after them.
      write(
        'order.csv',
        [
          'action,id,externalId,title,department',
          'update,,ORD-1,First,Sales',
          `update,${id},,Second,`,
          'update,,ORD-1,Third,Engineering',
          `update,${id},,Last,`,
        ].join('\n'),
      );
      const run = await cli(['--concurrency', '5', 'bulk', 'order.csv']);
      expect(run.stdout).toMatch(/^4 ok/);
    } finally {
      account.updateEmployee = update;
    }
    expect(titles).toEqual(['First', 'Second', 'Third', 'Last']);
    expect(employee(id)).toMatchObject({ title: 'Last', department: { refName: 'Engineering' } });
  });

  it('ids with leading zeros (2, 02, 002) are one employee: one chain, in file order (issue 17, item 8)', async () => {
    const id = await sandbox
      .client()
      .employees.upsert('ORD-0', { firstName: 'Zero', lastName: 'Pad', subsidiary: '1' });
    const titles: unknown[] = [];
    const account = sandbox.account;
    const update = account.updateEmployee.bind(account);
    account.updateEmployee = (target, change, ctx, type) => {
      if (target.replace(/^0+/, '') === id && 'title' in change.values) titles.push(change.values.title);
      return update(target, change, ctx, type);
    };
    try {
      // The padded rows resolve a department name first (slower): as chains of their own they would land late.
      write(
        'zeros.csv',
        [
          'action,id,title,department',
          `update,0${id},T1,Sales`,
          `update,${id},T2,`,
          `update,00${id},T3,Engineering`,
          `update,${id},T4,`,
          `update,000${id},T5,Sales`,
          `update,${id},T6,`,
        ].join('\n'),
      );
      const run = await cli(['--concurrency', '5', 'bulk', 'zeros.csv']);
      expect(run.stdout).toMatch(/^6 ok/);
    } finally {
      account.updateEmployee = update;
    }
    expect(titles).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(employee(id)).toMatchObject({ title: 'T6', department: { refName: 'Sales' } });
  });

  it('an id with leading zeros and the external id of the same employee on one row agree', async () => {
    const id = await sandbox.client().employees.upsert('ORD-Z', { firstName: 'Zed', lastName: 'Pad', subsidiary: '1' });
    write('agree.csv', `action,id,externalId,title\nupdate,00${id},ORD-Z,Agreed\n`);
    const run = await cli(['bulk', 'agree.csv']);
    expect(run.stderr).toBe('');
    expect(employee(id).title).toBe('Agreed');
  });

  it('chain keys: internal ids as numbers, external ids case-folded (NetSuite documents no case rule)', () => {
    expect(['2', '02', '002', '0002'].map(canonicalInternalId)).toEqual(['2', '2', '2', '2']);
    expect(['0', '00', '10', '010', 'abc', ' 2'].map(canonicalInternalId)).toEqual(['0', '0', '10', '10', 'abc', ' 2']);
    expect(chainExternalId('HR-Emp_7')).toBe(chainExternalId('hr-emp_7'));
  });

  it('an id and an external id on one row that name different employees: that row fails, nothing written', async () => {
    write('mismatch.csv', `action,id,externalId,title\nupdate,1,ORD-1,Wrong\n`);
    const run = await cli(['bulk', 'mismatch.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/id 1 and externalId "ORD-1" \(employee \d+\) name different employees/);
    expect(employee('1').title).not.toBe('Wrong');
  });
});

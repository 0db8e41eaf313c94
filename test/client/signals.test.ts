/**
 * Ctrl-C / SIGTERM for `bulk`, `sync` and `sql`: the built CLI in a real child process gets a real
 * signal while one of its requests is held at a proxy in front of the sandbox. The first signal makes
 * it take no more work, let the request in flight finish, save its results and cursor, and exit 130;
 * running it again resumes. Every step waits on explicit output or on the held request, never on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../lib/sandbox/paths';
import { credentialsFile, startSandbox, type Sandbox } from './harness';

const MAIN = path.join(repoRoot(), 'dist', 'lib', 'client', 'cli', 'main.js');

/** A proxy that can hold the n-th request matching a path until released. */
interface Gate {
  url: string;
  hold(pathPart: string, nth: number): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

async function startGate(upstream: string): Promise<Gate> {
  let rule: { pathPart: string; nth: number; seen: number; arrived: () => void; released: Promise<void> } | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    const forward = async () => {
      if (rule && req.url?.includes(rule.pathPart) && ++rule.seen === rule.nth) {
        rule.arrived();
        await rule.released;
      }
      res.on('error', () => undefined); // the client may be gone (killed)
      const up = request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    };
    req.on('end', () => void forward());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(pathPart, nth) {
      let arrived!: () => void;
      let release!: () => void;
      const gate = { arrived: new Promise<void>((r) => (arrived = r)), release: () => release() };
      rule = { pathPart, nth, seen: 0, arrived, released: new Promise<void>((r) => (release = r)) };
      return gate;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stderr has matched (the command's own output is the signal). */
  stderrMatches(pattern: RegExp): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function cli(args: string[]): Child {
  const child = spawn(process.execPath, [MAIN, '--credentials', 'creds.json', ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
    for (const w of waiters.filter((x) => x.pattern.test(err))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    stderrMatches: (pattern) =>
      pattern.test(err) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, resolve })),
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
}

let sandbox: Sandbox;
let gate: Gate;
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  sandbox = await startSandbox();
  gate = await startGate(sandbox.server.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-signals-'));
  fs.writeFileSync(
    path.join(dir, 'creds.json'),
    JSON.stringify(credentialsFile(sandbox.config('m2m', { baseUrl: gate.url }))),
  );
});
afterAll(async () => {
  await gate.close();
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const EMPLOYEE = '/services/rest/record/v1/employee/';
const SUITEQL = '/services/rest/query/v1/suiteql';

describe('bulk', () => {
  let ids: string[];
  beforeAll(() => {
    ids = sandbox.account.listEmployees(1000, 0).ids.slice(0, 8);
    fs.writeFileSync(
      path.join(dir, 'titles.csv'),
      ['action,id,title', ...ids.map((id, i) => `update,${id},Signal ${i}`)].join('\n'),
    );
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: no new rows, the one in flight finishes and is recorded, exit 130; the re-run does the rest',
    async (sig) => {
      fs.rmSync(path.join(dir, 'titles.csv.results.jsonl'), { force: true });
      const held = gate.hold(EMPLOYEE, 3);
      const child = cli(['--concurrency', '1', 'bulk', 'titles.csv']); // one row at a time: the held row is the one in flight
      await held.arrived;
      child.process.kill(sig);
      await child.stderrMatches(/stopping: no new rows/);
      held.release();
      expect(await child.exit).toEqual({ code: 130, signal: null });
      const m = /^(\d+) ok, 0 failed, 0 skipped \(done before\), (\d+) not run \(interrupted\)/.exec(child.stdout())!;
      expect(m).not.toBeNull();
      const [ok, notRun] = [Number(m[1]), Number(m[2])];
      expect([ok, notRun]).toEqual([3, ids.length - 3]); // the held third row finished and was recorded
      expect(child.stderr()).toMatch(new RegExp(`interrupted: ${notRun} rows? not run; run the same command again`));
      const recorded = fs.readFileSync(path.join(dir, 'titles.csv.results.jsonl'), 'utf8').trim().split('\n').slice(1);
      expect(recorded.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(Array(ok).fill('ok'));

      const again = cli(['bulk', 'titles.csv']);
      expect(await again.exit).toEqual({ code: 0, signal: null });
      expect(again.stdout()).toMatch(new RegExp(`^${notRun} ok, 0 failed, ${ok} skipped \\(done before\\)`));
      ids.forEach((id, i) => expect(sandbox.account.getEmployee(id)!.title).toBe(`Signal ${i}`));
    },
  );

  it('a second signal quits at once, without waiting for the request in flight', async () => {
    fs.rmSync(path.join(dir, 'titles.csv.results.jsonl'), { force: true });
    const held = gate.hold(EMPLOYEE, 2);
    const child = cli(['--concurrency', '1', 'bulk', 'titles.csv']);
    await held.arrived;
    child.process.kill('SIGINT');
    await child.stderrMatches(/stopping: no new rows/);
    child.process.kill('SIGINT');
    expect(await child.exit).toEqual({ code: 130, signal: null });
    held.release();
  });

  it('killed outright (SIGKILL) part-way: the re-run skips exactly the rows recorded and runs the others', async () => {
    fs.rmSync(path.join(dir, 'titles.csv.results.jsonl'), { force: true });
    const held = gate.hold(EMPLOYEE, 5);
    const child = cli(['--concurrency', '1', 'bulk', 'titles.csv']);
    await held.arrived;
    child.process.kill('SIGKILL');
    expect(await child.exit).toEqual({ code: null, signal: 'SIGKILL' });
    held.release(); // the write still reaches NetSuite, unrecorded: the re-run repeats it (idempotent)
    const recorded = fs.readFileSync(path.join(dir, 'titles.csv.results.jsonl'), 'utf8').trim().split('\n').length - 1;
    expect(recorded).toBe(4);
    const again = cli(['bulk', 'titles.csv']);
    expect(await again.exit).toEqual({ code: 0, signal: null });
    expect(again.stdout()).toMatch(
      new RegExp(`^${ids.length - recorded} ok, 0 failed, ${recorded} skipped \\(done before\\)`),
    );
  });
});

describe('sync --full', () => {
  it('SIGINT mid-export: the page in flight finishes, what was read is kept with its cursor, exit 130; the re-run resumes and completes', async () => {
    await sandbox.account.advance(10_000); // every row settled
    const total = sandbox.account.db.prepare('SELECT COUNT(*) FROM employee').pluck().get() as number;
    const held = gate.hold(SUITEQL, 3);
    const child = cli(['sync', '--out', 'export.jsonl', '--cursor', 'cursor.json', '--full', '--page-size', '2']);
    await held.arrived;
    child.process.kill('SIGINT');
    await child.stderrMatches(/stopping: no new pages/);
    held.release();
    expect(await child.exit).toEqual({ code: 130, signal: null });
    expect(child.stderr()).toMatch(
      /interrupted: 4 employees written to export\.jsonl\.partial; run the same command again to resume/,
    );
    expect(fs.existsSync(path.join(dir, 'export.jsonl'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'cursor.json'))).toBe(false);
    const partial = fs.readFileSync(path.join(dir, 'export.jsonl.partial'), 'utf8').trim().split('\n');
    expect(partial).toHaveLength(4);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'export.jsonl.partial-cursor.json'), 'utf8')) as {
      after: string[];
    };
    expect(saved.after[1]).toBe((JSON.parse(partial[3]!) as { id: string }).id);

    const again = cli(['sync', '--out', 'export.jsonl', '--cursor', 'cursor.json', '--full', '--page-size', '2']);
    expect(await again.exit).toEqual({ code: 0, signal: null });
    expect(again.stderr()).toMatch(/resuming the interrupted full export/);
    const lines = fs.readFileSync(path.join(dir, 'export.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(total);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(total);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cursor.json'), 'utf8'))).toMatchObject({
      version: 1,
      after: [expect.any(String), expect.any(String)],
    });
  });
});

describe('sql', () => {
  it('SIGTERM while a page is read: the rows already printed stay, the output is said incomplete, exit 130', async () => {
    sandbox.account.seedEmployees(1500);
    const held = gate.hold(SUITEQL, 2);
    const child = cli(['sql', 'SELECT id FROM employee ORDER BY id', '--max-rows', '5000', '--format', 'jsonl']);
    await held.arrived;
    child.process.kill('SIGTERM');
    await child.stderrMatches(/stopping: no new pages/);
    held.release();
    expect(await child.exit).toEqual({ code: 130, signal: null });
    expect(child.stdout().trim().split('\n')).toHaveLength(1000);
    expect(child.stderr()).toMatch(/interrupted after 1000 rows: the output is incomplete/);
  });
});

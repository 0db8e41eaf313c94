/**
 * .ci/run: runs `npm ci`, the build-output check and `npm test` in that order, passes a failure on,
 * and bounds the whole run: a step that overruns the limit is killed with its children and named.
 * Run against stand-in `npm` and `node` commands in a temporary copy, so nothing real is installed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');
let dir: string;
let bin: string;

function standIn(name: string, script: string): void {
  fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${dir}/calls"\n${script}\n`, {
    mode: 0o755,
  });
}

function ciRun(limitSeconds: number) {
  return spawnSync('bash', [path.join(dir, '.ci', 'run')], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, SUITEHOOKS_CI_TIMEOUT: String(limitSeconds) },
  });
}

/** Whether a process still runs (a killed child whose parent is gone may linger as a zombie of pid 1). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    if (fs.existsSync('/proc/self/stat')) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

const calls = () => fs.readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-ci-'));
  bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(dir, '.ci'));
  fs.copyFileSync(path.join(repo, '.ci', 'run'), path.join(dir, '.ci', 'run'));
  standIn('node', 'exit 0');
  standIn('chromium', 'exit 0'); // found on PATH: the run installs no browser here
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('installs, checks the build output, then runs the tests', () => {
  standIn('npm', 'exit 0');
  const result = ciRun(60);
  expect(result.status).toBe(0);
  expect(calls()).toEqual(['npm ci', 'node scripts/check-build-output.mjs', 'npm test']);
});

test('a failing step fails the run with its own status and stops there', () => {
  standIn('npm', '[ "$1" = test ] && exit 3; exit 0');
  standIn('node', 'exit 1');
  const result = ciRun(60);
  expect(result.status).toBe(1);
  expect(calls()).toEqual(['npm ci', 'node scripts/check-build-output.mjs']);
  expect(result.stderr).not.toContain('did not finish');
});

test('a step that overruns the limit is stopped, with its children, and named', () => {
  // `npm` starts a child that would outlive it, as jest's workers would.
  standIn('npm', `sleep 120 & echo $! > "${dir}/child"; wait`);
  const started = Date.now();
  const result = ciRun(2);
  expect(result.status).toBe(124);
  expect(result.stderr).toContain(
    "✗ .ci/run: 'npm ci' did not finish within the 2 s limit of the whole run and was stopped",
  );
  expect(Date.now() - started).toBeLessThan(30_000);
  const child = Number(fs.readFileSync(path.join(dir, 'child'), 'utf8'));
  expect(running(child)).toBe(false);
});

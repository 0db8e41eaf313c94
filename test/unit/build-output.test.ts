/**
 * scripts/check-build-output.mjs (run by .ci/run): the committed src/FileCabinet must equal a fresh
 * build, and every stale, missing or extra file is named.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');
const OUT = path.join('src', 'FileCabinet', 'SuiteScripts', 'suitehooks');
const check = (root: string) =>
  spawnSync(process.execPath, [path.join(repo, 'scripts', 'check-build-output.mjs'), root], {
    encoding: 'utf8',
    timeout: 60_000,
  });

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-output-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the committed output of this repository matches a fresh build', () => {
  const result = check(repo);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('build output is up to date');
}, 60_000);

test('a stale, a missing and an extra file are each named, and the check fails', () => {
  const out = path.join(tmp, OUT);
  fs.mkdirSync(out, { recursive: true });
  const built = fs.readdirSync(path.join(repo, OUT)).sort();
  expect(built.length).toBeGreaterThanOrEqual(2);
  const [stale, missing, ...rest] = built as [string, string, ...string[]];
  fs.writeFileSync(
    path.join(out, stale),
    fs.readFileSync(path.join(repo, OUT, stale), 'utf8').replace('@NApiVersion 2.1', '@NApiVersion 2.0'),
  );
  for (const file of rest) fs.copyFileSync(path.join(repo, OUT, file), path.join(out, file));
  fs.writeFileSync(path.join(out, 'suitehooks_old_name.js'), 'define([], function () { return {}; });\n');

  const result = check(tmp);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`${OUT.split(path.sep).join('/')}/${stale} is stale`);
  expect(result.stderr).toContain(`${missing} is missing`);
  expect(result.stderr).toContain('suitehooks_old_name.js is not produced by the build');
  expect(result.stderr).toContain('Run `npm run build` and commit src/FileCabinet.');
}, 60_000);

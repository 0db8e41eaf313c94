/**
 * lib/ is linted harder than tests (eslint.config.mjs): a non-null assertion and a function over 60
 * lines (blank lines and comments not counted) are reported there, not in test/. The probes are
 * files that exist only in memory, linted by ESLint's API in a child process with the repository's own
 * config; type-aware rules are switched off for them (no tsconfig lists them), so
 * switch-exhaustiveness-check, which needs types, is not probed here.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');

const LINT_PROBES = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
const out = [];
for (const { file, source } of probes) {
  const [result] = await eslint.lintText(source, { filePath: file });
  out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
}
process.stdout.write(JSON.stringify(out));
`;

/** The rules reported for each probe (`file` relative to the repository). */
function lint(probes: { file: string; source: string }[]): string[][] {
  const input = probes.map((p) => ({ file: path.join(repo, p.file), source: p.source }));
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES, JSON.stringify(input)], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`eslint probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const ASSERTED = 'export const first = (xs: number[]): number => xs[0]!;\n';

/** A function of `lines` counted lines (signature, `let`, statements, `return`, brace), a comment and a blank line between statements. */
function functionOf(lines: number): string {
  const statements = Array.from({ length: lines - 4 }, (_, i) => `  // step ${i}\n\n  total += ${i};`);
  return `export function long(): number {\n  let total = 0;\n${statements.join('\n')}\n  return total;\n}\n`;
}

test('a non-null assertion is reported in lib/, not in a test', () => {
  const [lib, tests] = lint([
    { file: 'lib/core/probe.ts', source: ASSERTED },
    { file: 'test/unit/probe.test.ts', source: ASSERTED },
  ]);
  expect(lib).toEqual(['@typescript-eslint/no-non-null-assertion']);
  expect(tests).toEqual([]);
});

test('a function over 60 lines is reported in lib/; blank lines and comments do not count', () => {
  const [sixty, sixtyOne, inTest] = lint([
    { file: 'lib/client/probe.ts', source: functionOf(60) },
    { file: 'lib/sandbox/probe.ts', source: functionOf(61) },
    { file: 'test/unit/probe.test.ts', source: functionOf(61) },
  ]);
  expect(sixty).toEqual([]);
  expect(sixtyOne).toEqual(['max-lines-per-function']);
  expect(inTest).toEqual([]);
});

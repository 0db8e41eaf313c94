/**
 * The import boundaries between the rooms of lib/ are lint rules (eslint.config.mjs): an import that
 * crosses one is reported, one that keeps to it is not. Each probe is a file that exists only in
 * memory, linted by ESLint's API in a child process (the config is an ES module) with the repository's
 * own config; type-aware rules are switched off for the probes, since no tsconfig lists them.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';

const LINT_PROBES = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
const out = [];
for (const { file, source } of probes) {
  const [result] = await eslint.lintText(source, { filePath: file });
  out.push(result.messages.map((m) => ({ rule: m.ruleId, fatal: m.fatal === true, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
`;

interface Probe {
  /** Where the probe file would live, relative to the repository. */
  file: string;
  /** The module specifier it imports. */
  from: string;
}

/** For each probe, the messages of the boundary rule on `import '<from>'` in `file`. */
function lint(probes: Probe[]): string[][] {
  const input = probes.map((p) => ({ file: path.join(repo, p.file), source: `import '${p.from}';\n` }));
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES, JSON.stringify(input)], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`eslint probe failed: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { rule: string | null; fatal: boolean; message: string }[][];
  for (const messages of results) expect(messages.filter((m) => m.fatal)).toEqual([]);
  return results.map((messages) => messages.filter((m) => m.rule === RULE).map((m) => m.message));
}

const crossing: Probe[] = [
  { file: 'lib/core/probe.ts', from: '../client' },
  { file: 'lib/core/probe.ts', from: '../webhooks/verify' },
  { file: 'lib/core/probe.ts', from: 'N/record' },
  { file: 'lib/core/probe.ts', from: 'node:crypto' },
  { file: 'lib/core/probe.ts', from: 'standardwebhooks' },
  { file: 'lib/core/probe.ts', from: '../../schema/events' },
  { file: 'lib/suitescript/probe.ts', from: '../webhooks' },
  { file: 'lib/suitescript/probe.ts', from: 'node:fs' },
  { file: 'lib/suitescript/probe.ts', from: 'standardwebhooks' },
  { file: 'lib/suitescript/entries/probe.ts', from: '../../sandbox/runtime/engine' },
  { file: 'lib/suitescript/console/probe.ts', from: '../../client' },
  { file: 'lib/webhooks/probe.ts', from: '../client/http' },
  { file: 'lib/webhooks/probe.ts', from: 'jose' },
  { file: 'lib/webhooks/probe.ts', from: 'N/https' },
  { file: 'lib/client/probe.ts', from: '../sandbox/account/account' },
  { file: 'lib/client/cli/probe.ts', from: '../../sandbox' },
  { file: 'lib/sandbox/probe.ts', from: '../client' },
  { file: 'lib/sandbox/runtime/modules/probe.ts', from: '../../../client/secret' },
];

const keeping: Probe[] = [
  { file: 'lib/core/probe.ts', from: './ids' },
  { file: 'lib/suitescript/probe.ts', from: '../core' },
  { file: 'lib/suitescript/probe.ts', from: 'N/https' },
  { file: 'lib/suitescript/probe.ts', from: 'N' },
  { file: 'lib/suitescript/entries/probe.ts', from: '../../core/ids' },
  { file: 'lib/suitescript/console/probe.ts', from: '../post-signed' },
  { file: 'lib/webhooks/probe.ts', from: '../core' },
  { file: 'lib/webhooks/probe.ts', from: 'node:crypto' },
  { file: 'lib/webhooks/probe.ts', from: 'standardwebhooks' },
  { file: 'lib/webhooks/probe.ts', from: 'selfsigned' },
  { file: 'lib/client/probe.ts', from: '../webhooks' },
  { file: 'lib/client/cli/probe.ts', from: '../../core' },
  { file: 'lib/client/probe.ts', from: 'jose' },
  { file: 'lib/sandbox/probe.ts', from: '../webhooks' },
  { file: 'lib/sandbox/runtime/modules/probe.ts', from: '../../../core/governance' },
  { file: 'lib/sandbox/receiver/probe.ts', from: '../../../schema/suitehooks-event.schema.json' },
  { file: 'lib/sandbox/probe.ts', from: 'better-sqlite3' },
];

let crossed: string[][];
let kept: string[][];

beforeAll(() => {
  const all = lint([...crossing, ...keeping]);
  crossed = all.slice(0, crossing.length);
  kept = all.slice(crossing.length);
}, 60_000);

test.each(crossing.map((p, i) => [p.file, p.from, i] as const))('%s importing %s is reported', (_file, _from, i) => {
  expect(crossed[i]).toHaveLength(1);
  expect(crossed[i]![0]).toMatch(
    /^'.+' import is restricted from being used by a pattern\. lib\/\w+ (imports|never imports) /,
  );
});

test.each(keeping.map((p, i) => [p.file, p.from, i] as const))('%s importing %s is allowed', (_file, _from, i) => {
  expect(kept[i]).toEqual([]);
});

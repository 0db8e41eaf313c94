/**
 * Every tsconfig that type-checks code (the Node side with its tests and benchmarks, the build, the
 * SuiteScript side) is strict, reads indexed access as possibly missing and keeps optional properties
 * exact; `npm run typecheck` checks both programs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const repo = path.join(__dirname, '..', '..');

function options(tsconfig: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(repo, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return parsed.options;
}

test.each(['tsconfig.json', 'tsconfig.build.json', 'lib/suitescript/tsconfig.json'])(
  '%s is strict, with unchecked index access and exact optional properties',
  (tsconfig) => {
    expect(options(tsconfig)).toMatchObject({
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
    });
  },
);

test('npm run typecheck checks the Node program and the SuiteScript program', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  expect(scripts.typecheck).toContain('-p tsconfig.json');
  expect(scripts.typecheck).toContain('-p lib/suitescript/tsconfig.json');
});

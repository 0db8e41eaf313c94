/**
 * Two jest projects: `node` runs TypeScript tests of the core, client and sandbox; `bundle` loads the
 * built SuiteScript files under Oracle's @oracle/suitecloud-unit-testing stubs.
 */
const fs = require('node:fs');
const path = require('node:path');
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
};

module.exports = {
  // Every test and hook is bounded; 30 s rather than jest's 5 s so a busy two-core machine does not fail
  // a test (and then skip its cleanup) for slowness alone. Jest warns when it has not exited one second
  // after the run (open handles); .ci/run bounds the whole run. Never --forceExit: it would hide leaks.
  testTimeout: 30_000,
  openHandlesTimeout: 1_000,
  // `npm test` runs with --coverage (a single file run does not, so the thresholds do not fail it).
  // Measured: the TypeScript of lib/ that the tests load in jest's own process. Left out, because jest's
  // instrumentation cannot see them run: lib/suitescript's entries and every lib/suitescript module that
  // imports N/* (they run only as the built files in src/FileCabinet, under Oracle's stubs in test/bundle
  // or in the sandbox), and the sandbox modules that run only in a script worker thread or a SuiteQL
  // child process (workers/pool.ts starts them).
  collectCoverageFrom: [
    'lib/**/*.ts',
    '!lib/**/*.d.ts',
    '!lib/suitescript/entries/**',
    ...netSuiteOnlyModules().map((file) => `!${file}`),
    '!lib/sandbox/workers/worker.ts',
    '!lib/sandbox/suiteql/query-process.ts',
  ],
  coverageReporters: ['text-summary', 'json-summary'],
  // Per room of lib/, a little below what a clean run measures (CONTRIBUTING.md, "Test"): a change that
  // leaves code untested fails `npm test`.
  coverageThreshold: {
    './lib/core/': { statements: 93, branches: 90, functions: 89, lines: 93 },
    './lib/webhooks/': { statements: 96, branches: 90, functions: 96, lines: 98 },
    './lib/client/': { statements: 91, branches: 80, functions: 92, lines: 94 },
    './lib/sandbox/': { statements: 58, branches: 42, functions: 54, lines: 60 },
    './lib/suitescript/': { statements: 49, branches: 44, functions: 39, lines: 47 },
  },
  projects: [
    {
      displayName: 'node',
      // Closes what a suite left open (and fails it); see test/setup/sandbox-leaks.ts.
      testEnvironment: '<rootDir>/test/setup/environment.js',
      setupFilesAfterEnv: ['<rootDir>/test/setup/sandbox-leaks.ts'],
      // A bound for a loaded machine (two runs at once on two cores), not a timing assertion.
      testTimeout: 60_000,
      transform: tsTransform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bundle/'],
    },
    bundleProject(),
  ],
};

/** lib/suitescript modules that import an N/* module (not only its types): only NetSuite (or its stand-ins) loads them. */
function netSuiteOnlyModules() {
  return fs
    .readdirSync(path.join(__dirname, 'lib', 'suitescript'), { recursive: true })
    .map((file) => path.posix.join('lib/suitescript', String(file).split(path.sep).join('/')))
    .filter(
      (file) =>
        file.endsWith('.ts') &&
        /^import\s+(?!type\s)[^;]*?from\s+'N\//m.test(fs.readFileSync(path.join(__dirname, file), 'utf8')),
    );
}

/**
 * Oracle's configuration (N/* → stubs, `SuiteScripts/…` → src/FileCabinet, babel AMD transform for .js)
 * extended with the TypeScript transform the test files need.
 */
function bundleProject() {
  const oracle = SuiteCloudJestConfiguration.build({
    projectFolder: 'src',
    projectType: SuiteCloudJestConfiguration.ProjectType.ACP,
  });
  return {
    ...oracle,
    displayName: 'bundle',
    testEnvironment: 'node',
    transform: { ...oracle.transform, ...tsTransform },
    testMatch: ['<rootDir>/test/bundle/**/*.test.ts'],
  };
}

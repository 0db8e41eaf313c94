/**
 * Two jest projects: `node` runs TypeScript tests of the core, client and sandbox; `bundle` loads the
 * built SuiteScript files under Oracle's @oracle/suitecloud-unit-testing stubs.
 */
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

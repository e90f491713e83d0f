// Unit specs sit beside the code; integration tests in test/ share one real PostgreSQL and
// one real Temporal dev server that the run starts on free ports (test/global-setup.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testTimeout: 120000,
  // A failed test must not leave the run hanging on a child process (workers, servers).
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts'],
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};

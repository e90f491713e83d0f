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

// Pure-ESM dependencies (otplib's @scure/base and @noble/hashes) are compiled to CommonJS for
// Jest, which cannot require ES modules on Node 20; the built apps load them natively.
const esmOnly = ['@scure', '@noble'];
const esm = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: swc },
  // otplib's own folders hold them nested, so they are looked into too (their .cjs files need nothing)
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmOnly, '@otplib', 'otplib'].join('|')})/)`],
};

module.exports = {
  testTimeout: 120000,
  // A failed test must not leave the run hanging on a child process (workers, servers).
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      ...esm,
      testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts'],
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      ...esm,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};

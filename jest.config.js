// Unit specs sit beside the code; integration tests in test/ share one real PostgreSQL and
// one real Temporal dev server that the run starts on free ports (test/global-setup.ts).
const ts = require('typescript');
const { paths } = ts.readConfigFile(`${__dirname}/tsconfig.json`, ts.sys.readFile).config.compilerOptions;

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      // the libraries' doors (`@caravan/<lib>`), rewritten at compile time as tsc-alias does for
      // the build: Jest's global setup runs outside its module mapper
      baseUrl: __dirname,
      paths,
    },
    module: { type: 'commonjs' },
  },
];

// Pure-ESM dependencies (otplib's @scure/base and @noble/hashes; openid-client, oauth4webapi
// and the jose 6 nested in openid-client) are compiled to CommonJS for Jest, which cannot
// require ES modules; the built apps load them natively (Node 20's require of ES modules).
const esmOnly = ['@scure', '@noble', 'openid-client', 'oauth4webapi'];
const esm = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: swc },
  // otplib's and openid-client's own folders hold them nested, so they are looked into too
  // (otplib's .cjs files need nothing; the top-level jose 5 matches no transform)
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmOnly, '@otplib', 'otplib', 'jose'].join('|')})/)`],
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

// The architecture, checked by `npm run lint` (dependency-cruiser): one door per library, no
// cycles, pure domains, deterministic workflows. A rule broken here fails CI.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'one-door-per-library',
      comment:
        'Another library is entered only through its index.ts (or, from workflow code, its workflow.ts): ' +
        'import `@caravan/<lib>`, never a file inside it. Tests may look inside (white-box).',
      severity: 'error',
      from: { path: '^(libs|apps|workflows|scripts)/', pathNot: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/(index|workflow)[.]ts$' },
    },
    {
      name: 'one-door-between-libraries',
      comment: 'Inside libs/, another library is entered only through its index.ts or workflow.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/(index|workflow)[.]ts$'] },
    },
    {
      name: 'no-cycles',
      comment: 'Modules (and so libraries, through their doors) do not import each other in a circle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'workflows-load-only-workflow-doors',
      comment:
        'Workflow code runs in a deterministic sandbox: it loads libraries only through their workflow.ts ' +
        '(money and errors are pure and have no other door).',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/workflow[.]ts$', '^libs/(money|errors)/src/index[.]ts$'] },
    },
    {
      name: 'portal-speaks-only-http',
      comment: 'The portal is a client of the API like any other: it knows the API by its generated schema, not by server code.',
      severity: 'error',
      from: { path: '^apps/portal/' },
      to: { path: '^(libs|workflows)/' },
    },
    {
      name: 'pure-domain',
      comment: 'A domain layer knows no application, infrastructure or api code, nor Nest, TypeORM or pg.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: ['^libs/[^/]+/src/(application|infrastructure|api)/', '^node_modules/(@nestjs|typeorm|pg)/'] },
    },
    {
      name: 'sql-stays-out-of-the-domain-and-api',
      comment: 'Controllers and domain code do not reach the database driver or ORM directly.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/(domain|api)/' },
      to: { path: '^node_modules/(typeorm|pg)/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

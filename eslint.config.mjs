// Lint for every TypeScript file (`npm run lint`, run by CI before the tests with zero
// warnings allowed). Formatting is Prettier's; the architecture is dependency-cruiser's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_` names a value deliberately left out (a destructured field dropped from a copy)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // every refusal is a code of its context's catalogue (listed in the OpenAPI document)
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['libs/errors/**', 'libs/temporal/src/failures.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='DomainError']", message: 'Raise a catalogued code: <Context>Errors.CODE(message).' },
      ],
    },
  },
);

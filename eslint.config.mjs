import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/peer/**',
      'coverage/**',
      '*.js',
      '*.cjs',
      '*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Every setting comes from LedgerConfig (apps/ledger-api/src/config, documented in
    // docs/configuration.md): nothing else reads the environment.
    files: ['**/*.ts'],
    // vite.config.ts configures the web build tool, not the service.
    ignores: ['apps/ledger-api/src/config/**', '**/*.spec.ts', 'tests/**', '**/vite.config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings from LedgerConfig (apps/ledger-api/src/config), not process.env.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['process', 'node:process'].map((name) => ({
            name,
            importNames: ['env'],
            message:
              'Read settings from LedgerConfig (apps/ledger-api/src/config), not process.env.',
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // `npm run build` compiles these without jest's types (tsconfig.build.json): a helper that
    // used jest's globals would type-check under tsconfig.json and still break `npm start`.
    files: [
      'apps/**/*.ts',
      'libs/**/*.ts',
      'tests/bench/**/*.ts',
      'tests/fixtures/**/*.ts',
      'tests/fault/**/*.ts',
      'tests/support/**/*.ts',
      'tests/e2e/support/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'expect',
          'describe',
          'it',
          'test',
          'jest',
          'beforeAll',
          'afterAll',
          'beforeEach',
          'afterEach',
        ].map((name) => ({
          name,
          message:
            "Outside *.spec.ts files import it from '@jest/globals' (the build has no jest types).",
        })),
      ],
    },
  },
);

// Three levels, chosen by file name: *.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts.
// ts-jest transpiles file by file (isolatedModules in tsconfig); `npm run typecheck` type-checks.
const os = require('node:os');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

// Two workers even on two cores (Jest's default there is one): most suites wait on child
// processes, servers, fsync and a browser, so two files at once cut CI's test time by ~40%.
const cores =
  typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

module.exports = {
  maxWorkers: Math.max(2, cores - 1),
  // Generous: two suites share two cores with their servers and child processes; a timeout
  // here only catches a hang (speed belongs in the bench).
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
  ],
};

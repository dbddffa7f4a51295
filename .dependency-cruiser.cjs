// Layer rules from docs/architecture.md ("Layers"): arrows run apps -> libs only, and the
// domain and policy stay pure (no Nest, no drivers, no node I/O).
const PURE = '^libs/(domain|policy)/';
// Tests and test-data builders may use test tooling (fast-check); the shipped code may not.
const TEST_CODE = '(\\.spec\\.ts$|/src/testing/|/bench/)';
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pure-domain-imports-only-domain-and-policy',
      comment: 'libs/domain and libs/policy import nothing but each other and pure code',
      severity: 'error',
      from: { path: PURE, pathNot: TEST_CODE },
      to: { pathNot: ['^libs/(domain|policy)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-domain-no-node-io',
      severity: 'error',
      from: { path: PURE },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|os|process|readline)$',
      },
    },
    {
      name: 'transparency-uses-node-crypto-only',
      severity: 'error',
      from: { path: '^libs/transparency/', pathNot: TEST_CODE },
      to: { pathNot: ['^libs/transparency/', '^(node:)?crypto$'] },
    },
    {
      name: 'api-app-through-its-entry-points',
      comment:
        'The CLI and the cross-package tests use apps/ledger-api through @inr/ledger-api, @inr/ledger-api/config or @inr/ledger-api/backup, never its internals',
      severity: 'error',
      from: { path: '^(apps/ledger-cli|tests)/' },
      to: {
        path: '^apps/ledger-api/src/',
        pathNot: '^apps/ledger-api/src/(index|config/index|backup/index)\\.ts$',
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^dist/' },
  },
};

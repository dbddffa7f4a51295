// Layer rules from shared/DESIGN.md ("Layout"): arrows run apps -> libs only, and the
// domain and policy stay pure (no Nest, no drivers, no node I/O).
const PURE = '^libs/(domain|policy)/';
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
      from: { path: PURE },
      to: { pathNot: ['^libs/(domain|policy)/', '^node_modules/typescript/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-domain-no-node-io',
      severity: 'error',
      from: { path: PURE },
      to: { dependencyTypes: ['core'], path: '^(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|os|process|readline)$' },
    },
    {
      name: 'transparency-uses-node-crypto-only',
      severity: 'error',
      from: { path: '^libs/transparency/' },
      to: { pathNot: ['^libs/transparency/', '^(node:)?crypto$'] },
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

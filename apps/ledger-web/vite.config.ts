import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const repo = resolve(__dirname, '../..');

// The app is served by the API at / (apps/ledger-api/src/web), built into dist/web.
// The verifier bundles the ledger's own verification code from libs/; its node:crypto calls
// go to a module answered by Web Crypto (src/verifier/node-crypto.ts).
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^node:crypto$/, replacement: resolve(__dirname, 'src/verifier/node-crypto.ts') },
      { find: '@inr/transparency', replacement: resolve(repo, 'libs/transparency/src/index.ts') },
      { find: '@inr/domain', replacement: resolve(repo, 'libs/domain/src/index.ts') },
    ],
  },
  build: {
    outDir: process.env.LEDGER_WEB_OUT_DIR ?? resolve(repo, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});

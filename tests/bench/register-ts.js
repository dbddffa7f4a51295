// Runs the bench's TypeScript without a build: transpile on require (no type check; `npm run
// typecheck` does that) and resolve the @inr/* path aliases of tsconfig.json.
/* eslint-disable */
const ts = require('typescript');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '../..');
const config = require(path.join(root, 'tsconfig.json'));
const aliases = Object.entries(config.compilerOptions.paths).map(([name, [target]]) => [
  name,
  path.join(root, target),
]);
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const hit = aliases.find(([name]) => request === name);
  return originalResolve.call(this, hit ? hit[1] : request, ...rest);
};
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      sourceMap: false,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

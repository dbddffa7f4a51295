/* eslint-disable */
// Lets a plain `node` child process (fault tests) load the repo's TypeScript sources: transpiles
// .ts on require and maps the @inr/* aliases, like jest does for the parent.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '../../../..');
const aliases = { '@inr/': (name) => path.join(root, 'libs', name, 'src', 'index.ts') };

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@inr/')) return aliases['@inr/'](request.slice('@inr/'.length));
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};

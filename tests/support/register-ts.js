/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- a CommonJS require hook, loaded before any TypeScript */
// Lets plain `node` run the repo's TypeScript without a build: transpile-only (no type check)
// through typescript.transpileModule, and the @inr/* aliases from tsconfig.json.
// Usage: node --require ./tests/support/register-ts.js some-script.ts
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    alias,
    path.join(root, target),
  ]),
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};
// Transpiled files are cached on disk by content: test suites start the server as a child
// process many times, and transpiling the whole app again each time cost seconds per start.
const crypto = require('node:crypto');
const cacheDir = path.join(root, 'node_modules', '.cache', 'register-ts');
const salt = `${ts.version}\n${JSON.stringify(options)}\n`;
function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(salt).update(filename).update('\n').update(source);
  const cached = path.join(cacheDir, `${key.digest('hex')}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: options,
    fileName: filename,
  });
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written under a unique name, then renamed: concurrent children never read half a file.
    const partial = `${cached}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, outputText);
    fs.renameSync(partial, cached);
  } catch {
    // a read-only tree: run uncached
  }
  return outputText;
}
require.extensions['.ts'] = function (module, filename) {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};

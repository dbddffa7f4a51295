import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebFile {
  type: string;
  body: Buffer;
}

/**
 * The built web app's files, read once: index.html and the hashed files under assets/. Names
 * are looked up in the directory's listing, never joined from the request, so no path can
 * reach outside it.
 */
export class WebFiles {
  private readonly dir: string;
  private indexHtml: Buffer | undefined;
  private assets: Map<string, WebFile> | undefined;

  constructor(dir: string | undefined) {
    this.dir = dir ?? defaultWebDir();
  }

  page(): Buffer | undefined {
    if (this.indexHtml) return this.indexHtml;
    const file = join(this.dir, 'index.html');
    if (!existsSync(file)) return undefined;
    this.indexHtml = readFileSync(file);
    return this.indexHtml;
  }

  asset(name: string): WebFile | undefined {
    if (!this.assets) {
      const dir = join(this.dir, 'assets');
      if (!existsSync(dir)) return undefined;
      this.assets = new Map();
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const type = TYPES[extname(entry.name)];
        if (entry.isFile() && type)
          this.assets.set(entry.name, { type, body: readFileSync(join(dir, entry.name)) });
      }
    }
    return this.assets.get(name);
  }
}

/** dist/web under the package root (the nearest package.json above this file, built or not). */
export function defaultWebDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  // From dist/apps/ledger-api/... the nearest package.json is the repository's too.
  return join(dir, 'dist', 'web');
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/ledger-config';
import { createApp } from '../create-app';
import { OpenApiHolder } from './openapi-holder';
import { renderOpenApiDocument } from './build-openapi-document';

/** The OpenAPI document as committed text, from an app on a throw-away data directory. */
export async function generateOpenApiText(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inr-openapi-'));
  try {
    const app = await createApp(loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error' }), {
      shutdownHooks: false,
    });
    try {
      const document = app.get(OpenApiHolder).document;
      if (!document) throw new Error('the app built no OpenAPI document');
      return renderOpenApiDocument(document);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Writes the document (the CLI's `inr-ledger openapi -o openapi.json`, i.e. `npm run openapi`). */
export async function writeOpenApi(outFile = 'openapi.json'): Promise<string> {
  const path = resolve(outFile);
  writeFileSync(path, await generateOpenApiText());
  return path;
}

if (require.main === module) {
  writeOpenApi(process.argv[2]).then(
    (path) => console.log(`wrote ${path}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

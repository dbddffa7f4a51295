import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, issueDevelopmentToken, loadConfig } from '@inr/ledger-api';
import type { Role } from '@inr/domain';
import type { DemoStory } from '../../../apps/ledger-cli/src/demo/format-demo-story';
import { runDemo } from '../../../apps/ledger-cli/src/demo/run-demo';
import { buildWebApp } from './build-web';

/** The demo ledger (as `npm run demo` seeds it) served with a fresh build of the web app. */
export interface DemoSite {
  url: string;
  dataDir: string;
  story: DemoStory;
  token(role: Role, sub: string, institution: string): Promise<string>;
  close(): Promise<void>;
}

/** With `builtWebDir` (the bench: dist/web from `npm run build`) nothing is built here. */
export async function startDemoSite(builtWebDir?: string): Promise<DemoSite> {
  const root = mkdtempSync(join(tmpdir(), 'inr-web-e2e-'));
  const dataDir = join(root, 'data-demo');
  const webDir = builtWebDir ?? join(root, 'web');
  // The two slow parts side by side: Vite in a child process, the demo seed in this one.
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_WEB_DIR: webDir,
    LOG_LEVEL: 'silent',
  });
  const [story] = await Promise.all([
    runDemo({
      dataDir,
      config,
      seed: 'inr-ledger-demo',
      force: false,
      baseUrl: '',
      serving: false,
    }),
    builtWebDir ? Promise.resolve() : buildWebApp(webDir),
  ]);
  let app: NestFastifyApplication | undefined = await createApp(config, { shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    url: url.replace('[::1]', '127.0.0.1'),
    dataDir,
    story,
    token: (role, sub, institution) =>
      issueDevelopmentToken({ role, sub, institution, expiresIn: '1h' }, dataDir),
    close: async () => {
      await app?.close();
      app = undefined;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

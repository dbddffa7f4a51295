// The web app's weight and speed: the gzip size of the JavaScript the first page loads, and the
// time to first render of the trainee view on the demo data in headless Chromium, each beside a
// baseline measured in the same run (React's own runtime; the API call the view waits for).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium, launchChromium } from '../support/web/chromium';
import { startDemoSite } from '../support/web/demo-site';

export interface WebAppFigures {
  initialJsGzipKiB: number;
  allJsGzipKiB: number;
  reactRuntimeGzipKiB: number;
  /** Median ms from navigation to the trainee's requirement table, or null without Chromium. */
  firstRenderMs: number | null;
  /** Median ms of the status request the view renders from, timed in the same page. */
  statusApiMs: number | null;
  note?: string;
}

const gzipKiB = (files: string[]): number =>
  Math.round(
    files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 102.4,
  ) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const TRAINEE = { id: 'trn-000vil', institution: 'inst-northmoor' };
const RUNS = 5;

export async function benchWebApp(repoRoot: string): Promise<WebAppFigures> {
  const webDir = join(repoRoot, 'dist', 'web');
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  // What index.html loads up front: its module script and the chunks it preloads.
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) =>
    join(webDir, 'assets', m[1]!),
  );
  const all = readdirSync(join(webDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(webDir, 'assets', f));
  // The packages' production builds (not in their export maps, so found by path).
  const react = [
    'react/cjs/react.production.js',
    'react-dom/cjs/react-dom-client.production.js',
    'scheduler/cjs/scheduler.production.js',
  ].map((file) => join(repoRoot, 'node_modules', file));
  const sizes = {
    initialJsGzipKiB: gzipKiB(initial),
    allJsGzipKiB: gzipKiB(all),
    reactRuntimeGzipKiB: gzipKiB(react),
  };
  const chromium = findChromium();
  if (!chromium)
    return {
      ...sizes,
      firstRenderMs: null,
      statusApiMs: null,
      note: 'no Chromium (apt-get install chromium)',
    };

  const site = await startDemoSite(webDir);
  const browser = await launchChromium(chromium);
  try {
    const token = await site.token('trainee', TRAINEE.id, TRAINEE.institution);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(
      `sessionStorage.setItem('inr-ledger.session', ${JSON.stringify(token)})`,
    );
    const renders: number[] = [];
    const apis: number[] = [];
    // One warm-up (the server's first evaluation, the browser's first compile), then RUNS.
    for (let i = 0; i <= RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`${site.url}/trainee`);
      await page.locator('table.requirements tbody tr').first().waitFor({ timeout: 60_000 });
      // The view marks its first render with progress (User Timing), in the page's own clock.
      const rendered = await page.evaluate<number>(
        "performance.getEntriesByName('trainee-view-rendered')[0]?.startTime ?? performance.now()",
      );
      const api = await page.evaluate<number>(`(async () => {
        const t = performance.now();
        await (await fetch('/v1/trainees/${TRAINEE.id}/status', { headers: { authorization: 'Bearer ${token}' } })).json();
        return performance.now() - t;
      })()`);
      await page.close();
      if (i === 0) continue;
      renders.push(rendered);
      apis.push(api);
    }
    return {
      ...sizes,
      firstRenderMs: Math.round(median(renders)),
      statusApiMs: Math.round(median(apis)),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

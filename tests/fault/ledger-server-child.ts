// A real inr-ledger service on 127.0.0.1 for the ledger e2e tests: jest's sandbox cannot load
// the ESM-only jose that auth needs, plain Node 20 can. Prints one JSON line once listening.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  issueDevelopmentToken,
  loadConfig,
  type DevelopmentTokenRequest,
} from '@inr/ledger-api/config';
import { createApp, LedgerRuntime, serveHttpWorkers } from '@inr/ledger-api';
import { openEventStore } from '@inr/event-store';
import { LedgerBuilder } from '../../libs/projections/src/testing/ledger-builder';
import { writeDecisionLedger } from './ledger-fixtures';
import { NO_RATE_LIMITS } from '../e2e/support/no-rate-limits';

async function main(): Promise<void> {
  const config = loadConfig({
    ...NO_RATE_LIMITS,
    ...process.env,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: process.env.TEST_PORT ?? '0',
  });
  const store = await openEventStore(config.store);
  // LEDGER_HTTP_WORKERS > 1: HTTP workers in front of this process, the writer.
  const workers =
    config.httpWorkers > 1 ? await serveHttpWorkers(config, { store, shutdownHooks: true }) : null;
  const app = workers?.app ?? (await createApp(config, { store, shutdownHooks: true }));
  // TEST_PORT: a port picked beforehand, for ledgers that must know each other's URL at start.
  if (!workers) await app.listen(Number(process.env.TEST_PORT ?? 0), '127.0.0.1');
  if (process.env.SEED_DECISION_LEDGER === '1') await writeDecisionLedger(store, { cases: 4 });
  const token = (role: 'admin' | 'panel' | 'trainee', sub: string) =>
    issueDevelopmentToken({ role, sub, institution: 'trust-a', expiresIn: '1h' }, config.dataDir);
  // TEST_TOKENS: more tokens by name, as JSON { name: { role, sub, institution, publishesFor? } }.
  const extra: Record<string, string> = {};
  for (const [name, request] of Object.entries(
    JSON.parse(process.env.TEST_TOKENS ?? '{}') as Record<string, DevelopmentTokenRequest>,
  ))
    extra[name] = await issueDevelopmentToken({ ...request, expiresIn: '1h' }, config.dataDir);
  const runtime = app.get(LedgerRuntime);
  // Peak resident memory, sampled: what a memory test compares against its baseline.
  let peakRss = process.memoryUsage().rss;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25).unref();
  process.stdin.setEncoding('utf8').on('data', (line: string) => {
    // "flush": sign now and wait for the witnesses, then answer with the event count.
    if (line.trim() === 'flush')
      void runtime
        .flush()
        .then(async () => process.stdout.write(`flushed ${await store.count()}\n`));
    // "grow N": append N supervisor accreditations (a bigger tree), answer with the event count.
    // "rss": resident memory now and the peak since the last "rss" (which resets it).
    // "pids": the HTTP workers' process ids now (none with one process).
    if (line.trim() === 'pids')
      process.stdout.write(`pids ${workers?.workerPids().join(',') ?? ''}\n`);
    if (line.trim() === 'rss') {
      const now = process.memoryUsage().rss;
      process.stdout.write(`rss ${now} ${Math.max(peakRss, now)}\n`);
      peakRss = now;
    }
    // "pad N BYTES": append N events of about BYTES each straight into the store (feed load).
    const padding = /^pad (\d+) (\d+)$/.exec(line.trim());
    if (padding)
      void (async () => {
        const [n, bytes] = [Number(padding[1]), Number(padding[2])];
        for (let i = 0; i < n; i += 20) {
          const events = Array.from({ length: Math.min(20, n - i) }, () => ({
            id: randomUUID(),
            type: 'FeedPadding',
            data: { pad: 'x'.repeat(bytes) },
          }));
          await store.append('padding-1', events);
        }
        process.stdout.write(`padded ${await store.count()}\n`);
      })();
    const grow = /^grow (\d+)$/.exec(line.trim());
    if (grow)
      void (async () => {
        const builder = new LedgerBuilder(store);
        for (let i = 0; i < Number(grow[1]); i++) await builder.accredit(`sup-grow-${i}`);
        process.stdout.write(`grown ${await store.count()}\n`);
      })();
  });
  process.stdout.write(
    `${JSON.stringify({
      url:
        workers?.url ??
        `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
      workerPids: workers?.workerPids() ?? [],
      tokens: {
        admin: await token('admin', 'admin-1'),
        panel: await token('panel', 'panel-1'),
        trainee1: await token('trainee', 'tr-1'),
        trainee2: await token('trainee', 'tr-2'),
        ...extra,
      },
    })}\n`,
  );
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(3);
});

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type LedgerConfig } from '@inr/ledger-api/config';
import { EXIT } from '../exit-codes';
import { red } from '../ui/terminal';

interface DemoCliOptions {
  dataDir: string;
  seed: string;
  serve: boolean;
  port?: string;
  force?: boolean;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Build a demo ledger (3 trusts, 40 trainees, ~17k events), verify a credential offline, then serve it',
    )
    .option(
      '-d, --data-dir <dir>',
      'where to build it; never ./data, so a real ledger is not touched',
      './data-demo',
    )
    .option(
      '--seed <seed>',
      'generator seed: the same seed gives the same ledger',
      'inr-ledger-demo',
    )
    .option('-p, --port <port>', 'port to serve on (default: $PORT or 3000)')
    .option('--no-serve', 'stop after printing the story instead of serving the API')
    .option('--force', 'replace the ledger in a non-empty data directory (its keys are kept)')
    .addHelpText(
      'after',
      `
Seeds a synthetic ledger through the event store, signs a checkpoint with the institution key,
has a partner trust's witness cosign it (C2SP add-checkpoint), writes <dir>/trust-policy.txt,
rebuilds the read models, exports a granted decision to <dir>/bundle-<decision>.json and
verifies it offline as \`inr-ledger verify\` would. Then it tells the story and serves the API.

Exit 0 on success, 1 if the bundle does not verify, 2 if the data directory is not empty.

Examples:
  inr-ledger demo
  inr-ledger demo --no-serve --data-dir /tmp/inr-demo --force`,
    )
    .action(async (opts: DemoCliOptions) => {
      const { runDemo, DemoVerificationError } = await import('../demo/run-demo');
      const { DemoDirInUse } = await import('../demo/prepare-demo-dir');
      const { formatDemoStory } = await import('../demo/format-demo-story');
      const dataDir = resolve(opts.dataDir);
      const configured = loadConfig(undefined, {
        dataDir,
        ...(opts.port !== undefined && { port: opts.port }),
      });
      const port = String(configured.port);
      if (configured.store.kind !== 'sqlite')
        process.stderr.write(
          `note: the demo uses the embedded store in its data directory; the configured ${configured.store.kind} store is not touched\n`,
        );
      // Passed explicitly to every step and to serve: the environment is left as it is.
      const config: LedgerConfig = { ...configured, store: { kind: 'sqlite', dataDir } };
      let story: Awaited<ReturnType<typeof runDemo>>;
      try {
        story = await runDemo({
          dataDir,
          config,
          seed: /^[0-9]+$/.test(opts.seed) ? Number(opts.seed) : opts.seed,
          force: opts.force === true,
          baseUrl: `http://localhost:${port}`,
          serving: opts.serve,
        });
      } catch (e) {
        if (!(e instanceof DemoDirInUse || e instanceof DemoVerificationError)) throw e;
        process.stderr.write(`${red('error:', process.stderr)} ${e.message}\n`);
        process.exitCode = e instanceof DemoDirInUse ? EXIT.usage : EXIT.checkFailed;
        return;
      }
      process.stdout.write(formatDemoStory(story));
      process.exitCode = EXIT.ok;
      if (!opts.serve) return;
      // The partner keeps cosigning what the service signs from now on (next port up).
      const { startPartnerWitness } = await import('../demo/partner-witness-server');
      const partner = await startPartnerWitness(
        dataDir,
        story.checkpoint.origin,
        story.checkpoint.logVerifierKey,
        Number(port) + 1,
      );
      process.stderr.write(`partner witness listening on ${partner.url}/add-checkpoint\n`);
      const { serveWith } = await import('./serve.command');
      await serveWith({
        ...config,
        witness: { ...config.witness, configFile: partner.configFile },
      });
    });
}

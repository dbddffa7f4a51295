import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { bold, green, red } from '../ui/terminal';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Verify a provenance or audit bundle offline against a trust policy')
    .argument('<bundle>', 'the bundle file (from `inr-ledger export`)')
    .requiredOption(
      '--policy <file>',
      'trust policy (C2SP tlog-policy: log key, witnesses, quorum)',
    )
    .addHelpText(
      'after',
      `
Checks, in order, stopping at the first failure: format, log-signature, witness-quorum,
checkpoint, then per event leaf-encoding and inclusion, then decision (the decision is its
logged event, the pathway matches its hash, every cited event is present, and re-running
the policy evaluation reproduces the recorded evaluation and outcome). For an audit bundle
(inr-ledger-audit-bundle/v1) the last check is report: the audit is recomputed from the
proven events at the checkpoint and must equal the bundled report. Needs no server.

Exit 0 when the bundle verifies, 1 naming the failed check, 2 when a file cannot be read.

Examples:
  inr-ledger verify dec-42.bundle.json --policy trust-policy.txt
  inr-ledger verify audit-2025.json --policy trust-policy.txt
  inr-ledger keys --trust-policy > trust-policy.txt   # on the log's side, for relying parties`,
    )
    .action(async (bundleFile: string, opts: { policy: string }) => {
      const { readFileSync } = await import('node:fs');
      const { verifyBundleText, VerifyInputError } = await import('../ledger/verify-bundle-file');
      let bundleText: string;
      let policyText: string;
      try {
        bundleText = readFileSync(bundleFile, 'utf8');
        policyText = readFileSync(opts.policy, 'utf8');
      } catch (e) {
        process.stderr.write(
          `${red('error:', process.stderr)} ${e instanceof Error ? e.message : String(e)}\n`,
        );
        process.exitCode = EXIT.usage;
        return;
      }
      try {
        const result = await verifyBundleText(bundleText, policyText);
        if (result.ok) {
          const r = result.report;
          process.stdout.write(
            `${green('verified', process.stdout)} ${bold(r.origin, process.stdout)} size ${r.size} root ${r.root}\n` +
              `  cosigned by: ${r.cosigners.join(', ') || '(no witnesses required)'}\n` +
              `  ${r.events} events proven; ${
                !('decisionReEvaluated' in r)
                  ? 'audit report recomputed and confirmed'
                  : `decision ${r.decisionReEvaluated ? 're-evaluated and reproduced' : 'not re-evaluated'}`
              }\n`,
          );
          process.exitCode = EXIT.ok;
        } else {
          const at =
            result.entry === undefined
              ? ''
              : ` (event ${result.entry}${leafOf(bundleText, result.entry)})`;
          process.stdout.write(
            `${red('FAILED', process.stdout)} check ${bold(result.check, process.stdout)}${at}: ${result.reason}\n`,
          );
          process.exitCode = EXIT.checkFailed;
        }
      } catch (e) {
        if (!(e instanceof VerifyInputError)) throw e;
        process.stderr.write(`${red('error:', process.stderr)} ${e.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}

/** ", leaf N" for the failing entry, when the bundle says which leaf it claims to be. */
function leafOf(bundleText: string, entry: number): string {
  try {
    const index = (JSON.parse(bundleText) as { events: { leafIndex?: unknown }[] }).events[entry]
      ?.leafIndex;
    return typeof index === 'number' ? `, leaf ${index}` : '';
  } catch {
    return '';
  }
}

import type { Command } from 'commander';
import type { TraineeBundleReport } from '@inr/ledger';
import { EXIT } from '../exit-codes';
import { bold, green, red } from '../ui/terminal';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Verify a provenance, trainee or audit bundle offline against a trust policy')
    .argument('<bundle>', 'the bundle file (from `inr-ledger export`)')
    .requiredOption(
      '--policy <file>',
      'trust policy (C2SP tlog-policy: log key, witnesses, quorum)',
    )
    .option(
      '--allow-uncommitted-evidence',
      'accept a decision recorded before evidence commitments (schema v1): its evidence set is then not checked for completeness',
    )
    .addHelpText(
      'after',
      `
Checks, in order, stopping at the first failure (docs/ledger-format.md §8.2): format
(strict JSON, exact members, integer indexes), log-signature, witness-quorum, checkpoint,
then per event leaf-encoding and inclusion, then decision-leaf (the decision is its logged
event), pathway (the document hashes to the recorded pathwayHash), evidence (the bundle
carries exactly the events the decision committed to), foreign (an inr-ledger-bundle/v2 carries
the other ledgers' bundles its recognised evidence rests on; each verifies under the same
policy), then decision (re-running the policy
evaluation reproduces the recorded evaluation and outcome). For an audit bundle
(inr-ledger-audit-bundle/v1) the last check is report: the audit is recomputed from the
proven events at the checkpoint and must equal the bundled report. For a trainee bundle
(inr-ledger-trainee-bundle/v1) they are commitment (the ledger's TraineeRecordCommitted leaf),
completeness (exactly the committed record and accreditation leaves) and foreign (each
recognised bundle from another ledger verifies under the same policy and holds the leaves the
recognition names): list every log and witness you trust in the policy. Needs no server.

Exit 0 when the bundle verifies, 1 naming the failed check, 2 when a file cannot be read.

Examples:
  inr-ledger verify dec-42.bundle.json --policy trust-policy.txt
  inr-ledger verify audit-2025.json --policy trust-policy.txt
  inr-ledger keys --trust-policy > trust-policy.txt   # on the log's side, for relying parties`,
    )
    .action(
      async (bundleFile: string, opts: { policy: string; allowUncommittedEvidence?: boolean }) => {
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
          const result = await verifyBundleText(bundleText, policyText, {
            allowUncommittedEvidence: opts.allowUncommittedEvidence === true,
          });
          if (result.ok) {
            const r = result.report;
            if ('recordLeaves' in r) {
              process.stdout.write(describeTraineeReport(r));
              process.exitCode = EXIT.ok;
              return;
            }
            process.stdout.write(
              `${green('verified', process.stdout)} ${bold(r.origin, process.stdout)} size ${r.size} root ${r.root}\n` +
                `  cosigned by: ${r.cosigners.join(', ') || '(no witnesses required)'}\n` +
                `  ${r.events} events proven; ${
                  !('decisionReEvaluated' in r)
                    ? 'audit report recomputed and confirmed'
                    : `decision ${r.decisionReEvaluated ? 're-evaluated and reproduced' : 'not re-evaluated'}`
                }\n` +
                ('evidenceCommitted' in r && !r.evidenceCommitted
                  ? '  evidence NOT checked for completeness: the decision predates evidence commitments\n'
                  : '') +
                ('foreign' in r ? r.foreign.map((f) => describeTraineeReport(f, 1)).join('') : ''),
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
      },
    );
}

/** The verified trainee bundle, and each foreign one under it, indented by depth. */
function describeTraineeReport(r: TraineeBundleReport, depth = 0): string {
  const pad = '  '.repeat(depth);
  const head =
    depth === 0
      ? `${green('verified', process.stdout)} trainee ${bold(r.traineeId, process.stdout)} on ${bold(r.origin, process.stdout)} size ${r.size} root ${r.root}\n`
      : `${pad}recognised from ${bold(r.origin, process.stdout)} (trainee ${r.traineeId}) size ${r.size} root ${r.root}\n`;
  return (
    head +
    `${pad}  cosigned by: ${r.cosigners.join(', ') || '(no witnesses required)'}\n` +
    `${pad}  ${r.events} events proven; record complete: ${r.recordLeaves} record leaves, ${r.accreditationLeaves} accreditations\n` +
    r.foreign.map((f) => describeTraineeReport(f, depth + 1)).join('')
  );
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

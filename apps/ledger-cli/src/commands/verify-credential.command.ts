import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { green, red } from '../ui/terminal';

interface VerifyCredentialOptions {
  did?: string;
  statusList: string[];
  policy?: string;
  bundle?: string;
  url?: string;
}

export function registerVerifyCredentialCommand(program: Command): void {
  program
    .command('verify-credential')
    .description(
      'Verify an Open Badges 3.0 credential: its proof, its status lists, and with a trust policy its decision',
    )
    .argument('<file>', 'the credential (GET /v1/credentials/{id})')
    .option('--did <file>', "the issuer's DID document, saved (else fetched from its did:web)")
    .option(
      '--status-list <file>',
      'a saved status list credential (repeat for each); a list not given is fetched',
      (file: string, previous: string[]) => [...previous, file],
      [],
    )
    .option('--policy <file>', 'trust policy (C2SP tlog-policy) for the decision bundle')
    .option('--bundle <file>', "the decision's provenance bundle (with --policy)")
    .option('--url <origin>', 'fetch from this origin instead of the one the did:web names')
    .addHelpText(
      'after',
      `
Checks, in order (docs/credentials.md §5): proof (Data Integrity, eddsa-rdfc-2022, under a
key the issuer's DID document lists as an assertionMethod; the JSON-LD contexts are bundled,
nothing is fetched for them), each status list (signed by the same issuer, for the entry's
statusPurpose; the bit at statusListIndex), and with --policy and --bundle the provenance:
the bundle verifies under the trust policy and proves the decision the credential names, at
the leaf index it states. Without --did or a --status-list for a list, that document is
fetched from the issuer (online).

Exit 0 when every check passes and the credential is neither revoked nor suspended, 1 naming
the failed check (or the status), 2 when a file cannot be read.

Examples:
  inr-ledger verify-credential credential.json --did issuer-did.json \\
    --status-list status-list-revocation-0.json --status-list status-list-suspension-0.json
  inr-ledger verify-credential credential.json --url http://localhost:3000
  inr-ledger verify-credential credential.json --did issuer-did.json \\
    --status-list status-list-revocation-0.json --status-list status-list-suspension-0.json \\
    --policy trust-policy.txt --bundle bundle.json`,
    )
    .action(async (file: string, opts: VerifyCredentialOptions) => {
      const { verifyCredentialFile } = await import('../ledger/verify-credential-file');
      const result = await verifyCredentialFile(file, {
        statusListFiles: opts.statusList,
        ...(opts.did !== undefined && { didFile: opts.did }),
        ...(opts.policy !== undefined && { policyFile: opts.policy }),
        ...(opts.bundle !== undefined && { bundleFile: opts.bundle }),
        ...(opts.url !== undefined && { url: opts.url }),
      });
      const details = result.lines.map((line) => `  ${line}\n`).join('');
      if (result.ok) {
        process.stdout.write(`${green('verified', process.stdout)} ${file}\n${details}`);
        process.exitCode = EXIT.ok;
        return;
      }
      process.stdout.write(details);
      process.stderr.write(`${red('failed', process.stderr)} ${result.check}: ${result.reason}\n`);
      process.exitCode = result.check === 'input' ? EXIT.usage : EXIT.checkFailed;
    });
}

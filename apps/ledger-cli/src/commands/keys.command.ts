import type { Command } from 'commander';
import { loadOrCreateSigningKey } from '@inr/ledger';
import { formatVerifierKey, SIG_TYPE_ED25519 } from '@inr/transparency';
import { loadConfig } from '../../../ledger-api/src/config/ledger-config';
import { ledgerOrigin } from '../../../ledger-api/src/ledger-http/ledger-origin';
import { dataDirOption, resolveDataDir } from './data-dir';

export function registerKeysCommand(program: Command): void {
  program
    .command('keys')
    .description(
      "Print the log's verifier key (C2SP vkey form), creating the signing key on first use",
    )
    .option('--trust-policy', 'print a C2SP tlog-policy file trusting this log instead')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Give the verifier key to partner institutions: it is what \`inr-ledger verify\` checks
checkpoint signatures against. The private key stays in <data-dir>/log-key (mode 0600)
or in LEDGER_SIGNING_KEY.

Examples:
  inr-ledger keys
  inr-ledger keys --trust-policy > trust-policy.txt`,
    )
    .action((opts: { dataDir?: string; trustPolicy?: boolean }) => {
      const dataDir = resolveDataDir(opts.dataDir);
      const config = loadConfig({ ...process.env, LEDGER_DATA_DIR: dataDir });
      const origin = ledgerOrigin(config.institution);
      const key = loadOrCreateSigningKey(dataDir, origin);
      const vkey = formatVerifierKey(key.name, SIG_TYPE_ED25519, key.publicKey);
      process.stdout.write(opts.trustPolicy ? `log ${vkey}\nquorum none\n` : `${vkey}\n`);
    });
}

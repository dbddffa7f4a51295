import type { Command } from 'commander';
import type { LogKeyEpoch, StoredCheckpoint } from '@inr/ledger';
import { loadOrCreateSigningKey } from '@inr/ledger';
import { formatVerifierKey, SIG_TYPE_ED25519 } from '@inr/transparency';
import { loadOrCreateIssuerKey, rotateIssuerKey, type LedgerConfig } from '@inr/ledger-api/config';
import { dataDirOption, ledgerConfig } from './data-dir';

interface KeysOptions {
  dataDir?: string;
  trustPolicy?: boolean;
  all?: boolean;
  rotate?: boolean;
  rotateIssuer?: boolean;
}

export function registerKeysCommand(program: Command): void {
  program
    .command('keys')
    .description(
      "Print the log's verifier key (C2SP vkey form), creating the signing key on first use",
    )
    .option('--trust-policy', 'print a C2SP tlog-policy file trusting this log instead')
    .option('--all', 'every key the log has had, with the tree sizes each signs')
    .option('--rotate', 'replace the signing key, recording the rotation in the log')
    .option(
      '--rotate-issuer',
      'replace the credential issuer key; the old public key stays in the DID document',
    )
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Give the verifier key to partner institutions: it is what \`inr-ledger verify\` checks
checkpoint signatures against. The private key stays in <data-dir>/log-key (mode 0600)
or in LEDGER_SIGNING_KEY.

--rotate writes a new key, logs a LogKeyRotated event signed by the old key, and replaces
<data-dir>/log-key (the old private key is discarded). Checkpoints of the trees containing
that event are signed by the new key; older ones keep the old signature. A running service
reads the new key when it next signs; no restart. Relying parties keep the old key in their
trust policy for old bundles and add the new one (\`keys --trust-policy --all\`).

--rotate-issuer replaces <data-dir>/issuer-key, the Ed25519 key portable credentials and
their status lists are signed with (docs/credentials.md). The old public key stays in the
issuer's DID document (/.well-known/did.json), so credentials handed out before still
verify; a running service signs with the new key from its next request.

Examples:
  inr-ledger keys
  inr-ledger keys --trust-policy > trust-policy.txt
  inr-ledger keys --rotate --data-dir /var/lib/inr-ledger
  inr-ledger keys --all
  inr-ledger keys --rotate-issuer --data-dir /var/lib/inr-ledger`,
    )
    .action(async (opts: KeysOptions) => {
      const config = ledgerConfig(opts.dataDir);
      if (opts.rotate) return rotate(config);
      if (opts.rotateIssuer) return rotateIssuer(config);
      if (opts.all) return listAll(config, opts.trustPolicy === true);
      const key = loadOrCreateSigningKey(config.dataDir, config.origin, config.signingKey);
      const vkey = formatVerifierKey(key.name, SIG_TYPE_ED25519, key.publicKey);
      process.stdout.write(opts.trustPolicy ? `log ${vkey}\nquorum none\n` : `${vkey}\n`);
    });
}

async function rotate(config: LedgerConfig): Promise<void> {
  const { origin } = config;
  const { rotateLogKey } = await import('@inr/ledger');
  const { openLocalLedger } = await import('../ledger/open-local-ledger');
  const ledger = await openLocalLedger(config);
  try {
    const r = await rotateLogKey({
      dataDir: ledger.dataDir,
      origin,
      institution: config.institution,
      ...(config.signingKey !== undefined && { configuredKey: config.signingKey }),
      events: ledger.events,
      log: ledger.log,
      ledger: ledger.hashes,
    });
    process.stdout.write(
      `${r.resumed ? 'finished the interrupted rotation' : 'rotated'} ${origin} at leaf ${r.position}: ` +
        `checkpoints of size ${r.position + 1} on are signed by the new key\n` +
        `  old ${r.previousVerifierKey}\n  new ${r.newVerifierKey}\n`,
    );
  } finally {
    await ledger.close();
  }
}

function rotateIssuer(config: LedgerConfig): void {
  if (config.issuer.key !== undefined)
    throw new Error('LEDGER_ISSUER_KEY is set: rotate it in your secret store instead');
  loadOrCreateIssuerKey(config.dataDir);
  const r = rotateIssuerKey(config.dataDir);
  process.stdout.write(
    `rotated the credential issuer key of ${config.issuer.id}\n  old ${r.previous} (kept in the DID document)\n  new ${r.current}\n`,
  );
}

async function listAll(config: LedgerConfig, asPolicy: boolean): Promise<void> {
  const { keyChain } = await import('@inr/ledger');
  const { openLocalLedger } = await import('../ledger/open-local-ledger');
  const ledger = await openLocalLedger(config);
  try {
    const chain = keyChain(ledger.hashes.keyHistory());
    if (asPolicy) {
      process.stdout.write(`${chain.map((e) => `log ${e.vkey}\n`).join('')}quorum none\n`);
      return;
    }
    const checkpoints = ledger.hashes.checkpoints();
    for (const e of chain) process.stdout.write(`${describe(e, checkpoints)}\n`);
  } finally {
    await ledger.close();
  }
}

/** `<vkey>  current|retired  sizes a-b  N checkpoints (first..last)` */
function describe(e: LogKeyEpoch, checkpoints: readonly StoredCheckpoint[]): string {
  const until = e.untilSize;
  const signed = checkpoints.filter(
    (c) => c.size >= e.fromSize && (until === undefined || c.size < until),
  );
  const sizes = `sizes ${Math.max(1, e.fromSize)}-${until === undefined ? '' : until - 1}`;
  const range =
    signed.length === 0
      ? 'no checkpoints'
      : `${signed.length} checkpoint${signed.length === 1 ? '' : 's'} (${signed[0]?.size}..${signed.at(-1)?.size})`;
  return `${e.vkey}  ${until === undefined ? 'current' : 'retired'}  ${sizes}  ${range}`;
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TRUST_POLICY_FILE = 'trust-policy.txt';

/**
 * The C2SP tlog-policy a relying party would hold for the demo log: our log key, the partner's
 * witness, and a quorum of one cosignature. Returns the file's path.
 */
export function writeDemoTrustPolicy(
  dataDir: string,
  logVerifierKey: string,
  witnessVerifierKey: string,
): string {
  const text = [
    '# inr-ledger demo: trust a checkpoint signed by the demo log and cosigned by the partner trust',
    `log ${logVerifierKey}`,
    `witness partner ${witnessVerifierKey}`,
    'group partners 1 partner',
    'quorum partners',
    '',
  ].join('\n');
  const file = join(dataDir, TRUST_POLICY_FILE);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

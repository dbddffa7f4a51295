import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateSigningKey } from '@inr/ledger';
import type { LedgerConfig } from '@inr/ledger-api/config';
import { ed25519VerifierKey } from '@inr/transparency';

/**
 * The verifier key of the log key the service would sign with (LEDGER_SIGNING_KEY or
 * <dataDir>/log-key). Never creates one: auditing must not mint a key for a ledger.
 */
export function configuredVerifierKey(
  config: Pick<LedgerConfig, 'dataDir' | 'origin' | 'signingKey'>,
): string {
  const { dataDir, origin, signingKey } = config;
  if (signingKey === undefined && !existsSync(join(dataDir, 'log-key'))) {
    throw new Error(`no log key in ${dataDir}; pass --log-key <vkey>`);
  }
  return ed25519VerifierKey(loadOrCreateSigningKey(dataDir, origin, signingKey));
}

import { defaultOrigin } from '@inr/ledger';

/** The log's origin (and key name): LEDGER_ORIGIN when set, else `<institution>/inr-ledger`. */
export function ledgerOrigin(institution: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.LEDGER_ORIGIN?.trim();
  return configured ? configured : defaultOrigin(institution);
}

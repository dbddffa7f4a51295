import { Option } from 'commander';
import { loadConfig, type LedgerConfig } from '@inr/ledger-api/config';

/** Every command that touches local files takes the same --data-dir, defaulting like the service. */
export const dataDirOption = (): Option =>
  new Option('-d, --data-dir <dir>', 'data directory (default: $LEDGER_DATA_DIR or ./data)');

/** The service's configuration (environment, see docs/configuration.md), with --data-dir if given. */
export function ledgerConfig(flag: string | undefined): LedgerConfig {
  return loadConfig(undefined, flag === undefined ? {} : { dataDir: flag });
}

export function resolveDataDir(flag: string | undefined): string {
  return ledgerConfig(flag).dataDir;
}

import { resolve } from 'node:path';
import { Option } from 'commander';

/** Every command that touches local files takes the same --data-dir, defaulting like the service. */
export const dataDirOption = (): Option =>
  new Option('-d, --data-dir <dir>', 'data directory (default: $LEDGER_DATA_DIR or ./data)');

export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? process.env.LEDGER_DATA_DIR ?? './data');
}

import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import { loadConfig } from '@inr/ledger-api/config';

/** Where a backup passphrase comes from: a file (first line), else LEDGER_BACKUP_PASSPHRASE. */
export const passphraseFileOption = (): Option =>
  new Option(
    '--passphrase-file <file>',
    'file whose first line is the passphrase sealing private keys (default: $LEDGER_BACKUP_PASSPHRASE)',
  );

export function readPassphrase(file: string | undefined): string | undefined {
  if (file !== undefined) return (readFileSync(file, 'utf8').split('\n')[0] ?? '').trimEnd();
  return loadConfig().cli.backupPassphrase;
}

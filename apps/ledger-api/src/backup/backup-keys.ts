import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cosignatureVerifierKey, parseSignerKey } from '@inr/transparency';
import { openSealedKey, sealKey, type SealedKey } from './seal-key';

/** Private key files a data directory may hold, relative to it. */
const PRIVATE_KEY_FILES = [
  'log-key',
  'log-key.next',
  'witness/log-key',
  'dev-jwt.key',
  'issuer-key',
] as const;

export const KEYS_DIR = 'keys';
const SEALED_SUFFIX = '.sealed.json';
const sealedName = (file: string): string => `${file.replace(/\//g, '--')}${SEALED_SUFFIX}`;
const fileOfSealed = (name: string): string =>
  name.slice(0, -SEALED_SUFFIX.length).replace(/--/g, '/');

/**
 * The public halves, always: the log's verifier keys (what every checkpoint verifies under),
 * the witness's cosignature key, the development token key's public PEM. Returns the paths.
 */
export function writePublicKeys(dataDir: string, to: string, logKeys: readonly string[]): string[] {
  const out: [string, string][] = [['log.vkey', logKeys.map((k) => `${k}\n`).join('')]];
  const witness = join(dataDir, 'witness', 'log-key');
  if (existsSync(witness)) {
    const key = parseSignerKey(readFileSync(witness, 'utf8').trim());
    out.push(['witness.vkey', `${cosignatureVerifierKey(key)}\n`]);
  }
  const dev = join(dataDir, 'dev-jwt.key');
  if (existsSync(dev)) {
    const pub = createPublicKey(createPrivateKey(readFileSync(dev)));
    out.push(['dev-jwt.pub.pem', pub.export({ type: 'spki', format: 'pem' }).toString()]);
  }
  mkdirSync(join(to, KEYS_DIR), { recursive: true, mode: 0o700 });
  return out.map(([name, text]) => {
    writeFileSync(join(to, KEYS_DIR, name), text, { mode: 0o600 });
    return `${KEYS_DIR}/${name}`;
  });
}

/** Only when asked: each private key file, sealed with the passphrase (scrypt, AES-256-GCM). */
export function writeSealedKeys(dataDir: string, to: string, passphrase: string): string[] {
  mkdirSync(join(to, KEYS_DIR), { recursive: true, mode: 0o700 });
  return PRIVATE_KEY_FILES.filter((f) => existsSync(join(dataDir, f))).map((file) => {
    const sealed = sealKey(readFileSync(join(dataDir, file)), passphrase, file);
    const name = `${KEYS_DIR}/${sealedName(file)}`;
    writeFileSync(join(to, name), `${JSON.stringify(sealed, null, 2)}\n`, { mode: 0o600 });
    return name;
  });
}

/** The sealed key files in a backup, by the data-directory path they restore to. */
export function sealedKeys(backupDir: string): Map<string, SealedKey> {
  const dir = join(backupDir, KEYS_DIR);
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith(SEALED_SUFFIX))
      .map((n) => [fileOfSealed(n), JSON.parse(readFileSync(join(dir, n), 'utf8')) as SealedKey]),
  );
}

/** Open every sealed key (a wrong passphrase throws before anything is written). */
export function restoreSealedKeys(
  backupDir: string,
  dataDir: string,
  passphrase: string,
): string[] {
  const opened = [...sealedKeys(backupDir)].map(
    ([file, sealed]) => [file, openSealedKey(sealed, passphrase, file)] as const,
  );
  for (const [file, plain] of opened) {
    mkdirSync(dirname(join(dataDir, file)), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, file), plain, { mode: 0o600, flag: 'wx' });
  }
  return opened.map(([file]) => file);
}

import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '@inr/event-store';
import {
  formatSignerKey,
  generateNoteKey,
  parseSignerKey,
  type Ed25519NoteKey,
} from '@inr/transparency';

/** `<dataDir>/log-key`: the private key the log signs with now. */
export const LOG_KEY_FILE = 'log-key';

/** The log's origin line and key name: `<institution>/inr-ledger` unless configured. */
export const defaultOrigin = (institution: string): string => `${institution}/inr-ledger`;

export class SigningKeyError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SigningKeyError';
  }
}

/**
 * The institution's checkpoint key. A configured key (LEDGER_SIGNING_KEY, C2SP PRIVATE+KEY form) wins;
 * otherwise `<dataDir>/log-key`, generated with mode 0600 on first start. The key name
 * must be the origin: verifiers look the log key up by the checkpoint's origin line.
 */
export function loadOrCreateSigningKey(
  dataDir: string,
  name: string,
  configured?: string,
): Ed25519NoteKey {
  if (configured) return checked(parse(configured, 'LEDGER_SIGNING_KEY'), name);
  const file = join(dataDir, LOG_KEY_FILE);
  if (existsSync(file)) return readSigningKeyFile(file, name);
  privateDir(dataDir);
  const key = generateNoteKey(name);
  // 'wx': two instances starting at once must not overwrite each other's key.
  writeSigningKeyFile(file, key);
  return key;
}

/** The configured key as loadOrCreateSigningKey finds it, but never minting one. */
export function loadSigningKey(dataDir: string, name: string, configured?: string): Ed25519NoteKey {
  if (configured) return checked(parse(configured, 'LEDGER_SIGNING_KEY'), name);
  return readSigningKeyFile(join(dataDir, LOG_KEY_FILE), name);
}

/** A C2SP PRIVATE+KEY file, refused when others may read it. */
export function readSigningKeyFile(file: string, name: string): Ed25519NoteKey {
  if (!existsSync(file)) throw new SigningKeyError(`no signing key at ${file}`);
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new SigningKeyError(`${file} is readable by others; chmod 600 it`);
  }
  return checked(parse(readFileSync(file, 'utf8').trim(), file), name);
}

/** Write a new key file (mode 0600, never over an existing one) and fsync it. */
export function writeSigningKeyFile(file: string, key: Ed25519NoteKey): void {
  writeFileSync(file, `${formatSignerKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function parse(skey: string, source: string): Ed25519NoteKey {
  try {
    return parseSignerKey(skey);
  } catch (e) {
    throw new SigningKeyError(`${source}: ${e instanceof Error ? e.message : 'bad key'}`);
  }
}

function checked(key: Ed25519NoteKey, name: string): Ed25519NoteKey {
  if (key.name !== name) {
    throw new SigningKeyError(`signing key is named ${key.name}, but the log origin is ${name}`);
  }
  return key;
}

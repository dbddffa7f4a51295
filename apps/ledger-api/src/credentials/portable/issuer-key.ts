import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { privateKeyFromSeed, publicKeyMultibase, seedOf } from '@inr/credentials';
import { privateDir } from '@inr/event-store';

/**
 * `<dataDir>/issuer-key` (0600): the Ed25519 key credentials and status lists are signed with,
 * as its 32-byte seed in base64url on the first line, then one `retired <publicKeyMultibase>`
 * line per key it replaced, oldest first. Retired keys stay in the DID document so that
 * credentials signed before a rotation still verify.
 */
export const ISSUER_KEY_FILE = 'issuer-key';

export interface IssuerKeys {
  privateKey: KeyObject;
  /** The current key's Multikey `publicKeyMultibase`. */
  current: string;
  /** Keys it replaced, oldest first. */
  retired: string[];
}

/**
 * The issuer key: LEDGER_ISSUER_KEY (a base64url seed) if configured, else the data
 * directory's file, generated on first start like the log key.
 */
export function loadOrCreateIssuerKey(dataDir: string, configured?: string): IssuerKeys {
  const file = join(dataDir, ISSUER_KEY_FILE);
  if (configured) {
    const retired = existsSync(file) ? readIssuerKeyFile(file).retired : [];
    return keysFrom(seedFrom(configured, 'LEDGER_ISSUER_KEY'), retired);
  }
  if (existsSync(file)) return readIssuerKeyFile(file);
  privateDir(dataDir);
  const keys = keysFrom(seedOf(generateKeyPairSync('ed25519').privateKey), []);
  writeKeyFile(file, keys, 'wx');
  return keys;
}

/**
 * Replaces the issuer key with a new one, keeping the old public key as retired (still in the
 * DID document). The file is replaced atomically (written beside it, fsynced, renamed).
 */
export function rotateIssuerKey(dataDir: string): { previous: string; current: string } {
  const file = join(dataDir, ISSUER_KEY_FILE);
  const old = readIssuerKeyFile(file);
  const next = keysFrom(seedOf(generateKeyPairSync('ed25519').privateKey), [
    ...old.retired,
    old.current,
  ]);
  const temporary = `${file}.next`;
  writeKeyFile(temporary, next, 'w');
  renameSync(temporary, file);
  return { previous: old.current, current: next.current };
}

function readIssuerKeyFile(file: string): IssuerKeys {
  if ((statSync(file).mode & 0o077) !== 0)
    throw new Error(`${file} is readable by others; chmod 600 it`);
  const [seedLine = '', ...rest] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const retired = rest.map((line) => {
    const match = /^retired (z[1-9A-HJ-NP-Za-km-z]+)$/.exec(line.trim());
    if (!match) throw new Error(`${file}: not a 'retired <publicKeyMultibase>' line`);
    return match[1]!;
  });
  return keysFrom(seedFrom(seedLine.trim(), file), retired);
}

function seedFrom(text: string, source: string): Buffer {
  const seed = Buffer.from(text, 'base64url');
  if (seed.length !== 32 || seed.toString('base64url') !== text)
    throw new Error(`${source}: an Ed25519 seed is 32 bytes in base64url`);
  return seed;
}

function keysFrom(seed: Uint8Array, retired: readonly string[]): IssuerKeys {
  const privateKey = privateKeyFromSeed(seed);
  const current = publicKeyMultibase(privateKey);
  return { privateKey, current, retired: [...new Set(retired)].filter((k) => k !== current) };
}

function writeKeyFile(file: string, keys: IssuerKeys, flag: 'w' | 'wx'): void {
  const lines = [
    seedOf(keys.privateKey).toString('base64url'),
    ...keys.retired.map((k) => `retired ${k}`),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600, flag });
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

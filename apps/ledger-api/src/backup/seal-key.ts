import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/** scrypt cost: N=2^15, r=8, p=1 (32 MiB, about 0.1 s): slow to guess, quick to restore. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** A private key sealed with a passphrase: scrypt derives the key, AES-256-GCM encrypts. */
export interface SealedKey {
  format: 'inr-ledger-sealed-key/1';
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
}

export class SealError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SealError';
  }
}

/** `label` (the file's name) is authenticated too: a sealed log key cannot pass as another. */
export function sealKey(plain: Buffer, passphrase: string, label: string): SealedKey {
  if (passphrase.length < 12) throw new SealError('the passphrase must be at least 12 characters');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(label, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    format: 'inr-ledger-sealed-key/1',
    kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export function openSealedKey(sealed: SealedKey, passphrase: string, label: string): Buffer {
  if (sealed.format !== 'inr-ledger-sealed-key/1' || sealed.kdf.name !== 'scrypt') {
    throw new SealError('not a sealed key this version can open');
  }
  const { N, r, p } = sealed.kdf;
  const key = scryptSync(passphrase, Buffer.from(sealed.kdf.salt, 'base64'), 32, {
    N,
    r,
    p,
    maxmem: SCRYPT.maxmem,
  });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
    .setAAD(Buffer.from(label, 'utf8'))
    .setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    throw new SealError(`cannot open the sealed ${label}: wrong passphrase or a damaged file`);
  }
}

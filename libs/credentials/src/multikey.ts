import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeBase58, encodeBase58 } from './base58btc';

/** The multicodec prefix of an Ed25519 public key (varint 0xed, i.e. bytes ed 01). */
const ED25519_PUB = Uint8Array.from([0xed, 0x01]);
/** The DER prefix of a raw 32-byte Ed25519 public key as SPKI (RFC 8410). */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** The DER prefix of a raw 32-byte Ed25519 seed as PKCS #8 (RFC 8410). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A Multikey `publicKeyMultibase`: 'z' + base58btc(ed 01 || 32 key bytes). */
export function publicKeyMultibase(key: KeyObject): string {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return `z${encodeBase58(Uint8Array.from([...ED25519_PUB, ...spki.subarray(SPKI_PREFIX.length)]))}`;
}

/** The Ed25519 public key a `publicKeyMultibase` names; throws when it names something else. */
export function publicKeyFromMultibase(multibase: string): KeyObject {
  if (!multibase.startsWith('z')) throw new Error('publicKeyMultibase must be base58btc (z…)');
  const bytes = decodeBase58(multibase.slice(1));
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1])
    throw new Error('publicKeyMultibase is not an Ed25519 public key');
  return createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, bytes.subarray(2)]),
    format: 'der',
    type: 'spki',
  });
}

/** An Ed25519 private key from its 32-byte seed. */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** The 32-byte seed of an Ed25519 private key. */
export function seedOf(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
}

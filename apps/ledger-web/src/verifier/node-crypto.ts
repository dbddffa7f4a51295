// What the browser build gives the ledger's libraries for `node:crypto` (vite.config.ts alias):
// SHA-256 and Ed25519 verification answered by Web Crypto through the oracle. Signing and key
// generation are for the service, never needed to verify, and refuse.
import { ed25519Verified, sha256Binary } from './web-crypto-oracle';

/** A public key as the libraries pass it around: only the raw 32 bytes matter here. */
export class KeyObject {
  constructor(readonly raw: Uint8Array) {}
}

export function hash(algorithm: string, data: string | Uint8Array): string {
  if (algorithm !== 'sha256') throw new Error(`${algorithm} is not available in the browser`);
  return sha256Binary(data);
}

/** SPKI DER of an Ed25519 key: a fixed 12-byte prefix, then the 32-byte key. */
export function createPublicKey(input: { key: Uint8Array }): KeyObject {
  return new KeyObject(new Uint8Array(input.key).slice(-32));
}

export function verify(
  _algorithm: null,
  message: Uint8Array,
  key: KeyObject,
  signature: Uint8Array,
): boolean {
  return ed25519Verified(key.raw, message, signature);
}

const refuse = (): never => {
  throw new Error('the browser verifier does not sign or make keys');
};
export const sign = refuse;
export const createPrivateKey = refuse;
export const generateKeyPairSync = refuse;

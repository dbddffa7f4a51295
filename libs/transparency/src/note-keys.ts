import { hasControlChar } from './control-chars';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign as edSign,
  verify as edVerify,
} from 'node:crypto';
import { fromBase64, sha256, toBase64 } from './hashing';

/** C2SP signed-note signature type bytes this package implements. */
export const SIG_TYPE_ED25519 = 0x01;
export const SIG_TYPE_COSIGNATURE_V1 = 0x04;
export type SigType = typeof SIG_TYPE_ED25519 | typeof SIG_TYPE_COSIGNATURE_V1;

// DER wrappers turning raw 32-byte Ed25519 material into node:crypto KeyObjects.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class NoteKeyError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NoteKeyError';
  }
}

/** An Ed25519 key pair under a signed-note key name. */
export interface Ed25519NoteKey {
  name: string;
  seed: Uint8Array;
  publicKey: Uint8Array;
}

/** Key names are non-empty, with no Unicode space and no '+'. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !hasControlChar(name);
}

/** key ID = SHA-256(name || 0x0A || type || public key)[:4], as a big-endian uint32. */
export function keyId(name: string, type: SigType, publicKey: Uint8Array): number {
  const h = sha256(Buffer.from(`${name}\n`, 'utf8'), Uint8Array.of(type), publicKey);
  return Buffer.from(h).readUInt32BE(0);
}

export const hexKeyId = (id: number): string => id.toString(16).padStart(8, '0');

export function generateNoteKey(name: string): Ed25519NoteKey {
  if (!isValidKeyName(name)) throw new NoteKeyError(`invalid key name ${JSON.stringify(name)}`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return keyFromSeed(name, new Uint8Array(der.subarray(der.length - 32)));
}

export function keyFromSeed(name: string, seed: Uint8Array): Ed25519NoteKey {
  if (seed.length !== 32) throw new NoteKeyError('an Ed25519 seed is 32 bytes');
  const spki = createPublicKey(privateKeyObject(seed)).export({ format: 'der', type: 'spki' });
  return { name, seed, publicKey: new Uint8Array(spki.subarray(SPKI_PREFIX.length)) };
}

/** `PRIVATE+KEY+<name>+<hex id>+base64(0x01 || seed)`, the Go sumdb/note signer key form. */
export function formatSignerKey(key: Ed25519NoteKey): string {
  const id = hexKeyId(keyId(key.name, SIG_TYPE_ED25519, key.publicKey));
  return `PRIVATE+KEY+${key.name}+${id}+${toBase64(Buffer.concat([Uint8Array.of(SIG_TYPE_ED25519), key.seed]))}`;
}

export function parseSignerKey(skey: string): Ed25519NoteKey {
  const parts = splitKey(skey, 5);
  if (parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') throw new NoteKeyError('not a PRIVATE+KEY');
  const [name, id, material] = [parts[2], parts[3], parts[4]] as [string, string, string];
  const bytes = fromBase64(material);
  if (bytes?.length !== 33 || bytes[0] !== SIG_TYPE_ED25519) {
    throw new NoteKeyError('signer key material is not 0x01 || 32-byte seed');
  }
  const key = keyFromSeed(checkName(name), bytes.subarray(1));
  if (hexKeyId(keyId(name, SIG_TYPE_ED25519, key.publicKey)) !== id) {
    throw new NoteKeyError('signer key id does not match its key');
  }
  return key;
}

/** `<name>+<hex id>+base64(type || public key)`, the C2SP vkey form. */
export function formatVerifierKey(name: string, type: SigType, publicKey: Uint8Array): string {
  const material = toBase64(Buffer.concat([Uint8Array.of(type), publicKey]));
  return `${name}+${hexKeyId(keyId(name, type, publicKey))}+${material}`;
}

export interface ParsedVerifierKey {
  name: string;
  type: SigType;
  keyId: number;
  publicKey: Uint8Array;
}

export function parseVerifierKey(vkey: string): ParsedVerifierKey {
  const [name, id, material] = splitKey(vkey, 3) as [string, string, string];
  const bytes = fromBase64(material);
  const type = bytes?.[0];
  if (bytes?.length !== 33 || (type !== SIG_TYPE_ED25519 && type !== SIG_TYPE_COSIGNATURE_V1)) {
    throw new NoteKeyError('verifier key is not type 0x01 or 0x04 with a 32-byte Ed25519 key');
  }
  const publicKey = bytes.subarray(1);
  const computed = keyId(checkName(name), type, publicKey);
  if (hexKeyId(computed) !== id) throw new NoteKeyError('verifier key id does not match its key');
  return { name, type, keyId: computed, publicKey };
}

export function ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return new Uint8Array(edSign(null, message, privateKeyObject(seed)));
}

export function ed25519Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== 64) return false;
  return edVerify(null, message, publicKeyObject(publicKey), signature);
}

function privateKeyObject(seed: Uint8Array): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

const publicKeys = new Map<string, KeyObject>();
function publicKeyObject(raw: Uint8Array): KeyObject {
  // Verifiers check the same few keys over and over; building a KeyObject is the slow part.
  const k = toBase64(raw);
  let obj = publicKeys.get(k);
  if (obj === undefined) {
    obj = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    if (publicKeys.size > 256) publicKeys.clear();
    publicKeys.set(k, obj);
  }
  return obj;
}

/** Split on the first count-1 '+' (base64 material may itself contain '+'). */
function splitKey(s: string, count: number): string[] {
  const parts: string[] = [];
  let rest = s;
  for (let i = 0; i < count - 1; i++) {
    const at = rest.indexOf('+');
    if (at < 0) throw new NoteKeyError('malformed key: too few fields');
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

function checkName(name: string): string {
  if (!isValidKeyName(name)) throw new NoteKeyError(`invalid key name ${JSON.stringify(name)}`);
  return name;
}

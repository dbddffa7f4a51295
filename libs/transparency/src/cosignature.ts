import {
  ed25519Sign,
  ed25519Verify,
  Ed25519NoteKey,
  formatVerifierKey,
  keyId,
  ParsedVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
} from './note-keys';
import { NoteSignature, NoteVerifier, signatureLine } from './signed-note';

// C2SP tlog-cosignature, Ed25519 flavour (type 0x04): the signature is an 8-byte big-endian
// POSIX timestamp followed by an Ed25519 signature over "cosignature/v1\ntime <t>\n" + body.

const MAX_TIMESTAMP = 2n ** 63n - 1n;

export function cosignedMessage(body: string, timestamp: number): Uint8Array {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');
}

export function cosignatureKeyId(key: Pick<Ed25519NoteKey, 'name' | 'publicKey'>): number {
  return keyId(key.name, SIG_TYPE_COSIGNATURE_V1, key.publicKey);
}

/** The witness's vkey (`name+id+base64(0x04 || pubkey)`) for trust policies. */
export const cosignatureVerifierKey = (key: Ed25519NoteKey): string =>
  formatVerifierKey(key.name, SIG_TYPE_COSIGNATURE_V1, key.publicKey);

/** One cosignature signature line over a checkpoint body (the note text, no signatures). */
export function cosign(key: Ed25519NoteKey, body: string, timestamp: number): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('bad timestamp');
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const sig = ed25519Sign(key.seed, cosignedMessage(body, timestamp));
  return signatureLine(key.name, cosignatureKeyId(key), Buffer.concat([ts, sig]));
}

/** The timestamp a cosignature line carries, when it has the v1 shape. */
export function cosignatureTimestamp(sig: Pick<NoteSignature, 'signature'>): number | undefined {
  if (sig.signature.length !== 72) return undefined;
  const t = Buffer.from(sig.signature).readBigUInt64BE(0);
  return t > MAX_TIMESTAMP || t > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(t);
}

export function cosignatureVerifier(
  key: Pick<ParsedVerifierKey, 'name' | 'publicKey'>,
): NoteVerifier {
  return {
    name: key.name,
    keyId: cosignatureKeyId(key),
    verify: (text, sig) => {
      const t = cosignatureTimestamp({ signature: sig });
      if (t === undefined) return false;
      return ed25519Verify(key.publicKey, cosignedMessage(text, t), sig.subarray(8));
    },
  };
}

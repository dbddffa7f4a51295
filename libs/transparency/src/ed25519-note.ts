import {
  ed25519Sign,
  ed25519Verify,
  Ed25519NoteKey,
  formatVerifierKey,
  keyId,
  ParsedVerifierKey,
  SIG_TYPE_ED25519,
} from './note-keys';
import { NoteSigner, NoteVerifier } from './signed-note';

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** Plain Ed25519 note signatures (type 0x01), as logs sign their checkpoints. */
export function ed25519Signer(key: Ed25519NoteKey): NoteSigner {
  return {
    name: key.name,
    keyId: keyId(key.name, SIG_TYPE_ED25519, key.publicKey),
    sign: (text) => ed25519Sign(key.seed, utf8(text)),
  };
}

export function ed25519Verifier(key: Pick<ParsedVerifierKey, 'name' | 'publicKey'>): NoteVerifier {
  return {
    name: key.name,
    keyId: keyId(key.name, SIG_TYPE_ED25519, key.publicKey),
    verify: (text, sig) => ed25519Verify(key.publicKey, utf8(text), sig),
  };
}

export const ed25519VerifierKey = (key: Ed25519NoteKey): string =>
  formatVerifierKey(key.name, SIG_TYPE_ED25519, key.publicKey);

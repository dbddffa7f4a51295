import { hasControlChar } from './control-chars';
import { fromBase64, toBase64 } from './hashing';
import { isValidKeyName } from './note-keys';

/** Checks one signature line's bytes (after the 4-byte key ID) over a note text. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: string, signature: Uint8Array): boolean;
}

/** Produces the bytes after the key ID for one signature line. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: string): Uint8Array;
}

export interface NoteSignature {
  name: string;
  keyId: number;
  /** The signature bytes after the key ID. */
  signature: Uint8Array;
  /** The whole line, newline included, so verified lines can be carried verbatim. */
  line: string;
}

export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

export type NoteResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface OpenedNote extends ParsedNote {
  /** Signatures from known keys, all verified. */
  verified: NoteSignature[];
}

const EM_DASH = '\u2014';
// Verifiers must accept 16; more is almost surely abuse.
const MAX_SIGNATURES = 100;

export function signatureLine(name: string, keyId: number, signature: Uint8Array): string {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(keyId >>> 0);
  return `${EM_DASH} ${name} ${toBase64(Buffer.concat([id, signature]))}\n`;
}

/** Sign a text (which must end in a newline) with every signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  const problem = textProblem(text);
  if (problem !== undefined) throw new Error(`cannot sign: ${problem}`);
  const lines = signers.map((s) => signatureLine(s.name, s.keyId, s.sign(text)));
  return `${text}\n${lines.join('')}`;
}

/** Split a signed note into text and signature lines, checking the C2SP format only. */
export function parseNote(note: string): NoteResult<ParsedNote> {
  if (hasControlChar(note, '\n')) return fail('control character in note');
  if (/[\uD800-\uDFFF]/.test(note.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
    return fail('note is not valid UTF-8');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return fail('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const textIssue = textProblem(text);
  if (textIssue !== undefined) return fail(textIssue);
  const block = note.slice(split + 2);
  if (!block.endsWith('\n')) return fail('signature block must end in a newline');
  const rawLines = block.slice(0, -1).split('\n');
  if (rawLines.length > MAX_SIGNATURES) return fail('too many signatures');
  const signatures: NoteSignature[] = [];
  for (const raw of rawLines) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(raw);
    const name = m?.[1];
    const bytes = m?.[2] === undefined ? undefined : fromBase64(m[2]);
    if (name === undefined || !isValidKeyName(name) || bytes === undefined || bytes.length < 5) {
      return fail(`malformed signature line ${JSON.stringify(raw)}`);
    }
    const keyId = Buffer.from(bytes).readUInt32BE(0);
    signatures.push({ name, keyId, signature: bytes.subarray(4), line: `${raw}\n` });
  }
  return { ok: true, value: { text, signatures } };
}

/**
 * C2SP verification: lines from unknown (name, key ID) pairs are ignored; a known key whose
 * signature fails rejects the whole note; at least one known key must have signed.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): NoteResult<OpenedNote> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const checked = verifySignatures(parsed.value, verifiers);
  if (!checked.ok) return checked;
  if (checked.value.length === 0) return fail('no signature from a known key');
  return { ok: true, value: { ...parsed.value, verified: checked.value } };
}

/** The signatures from known keys, all verified; an error when one of them fails. */
export function verifySignatures(
  note: ParsedNote,
  verifiers: readonly NoteVerifier[],
): NoteResult<NoteSignature[]> {
  const verified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of note.signatures) {
    const v = verifiers.find((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (v === undefined) continue;
    if (!v.verify(note.text, sig.signature)) {
      return fail(`signature by known key ${sig.name} does not verify`);
    }
    const key = `${sig.name}+${sig.keyId}`;
    if (!seen.has(key)) verified.push(sig);
    seen.add(key);
  }
  return { ok: true, value: verified };
}

function textProblem(text: string): string | undefined {
  if (text.length === 0 || !text.endsWith('\n')) return 'note text must end in a newline';
  if (hasControlChar(text, '\n')) return 'control character in note text';
  return undefined;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

import {
  ed25519Signer,
  ed25519Verifier,
  ed25519VerifierKey,
  formatSignerKey,
  generateNoteKey,
  NoteKeyError,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '@inr/transparency';

// The example key and note of C2SP signed-note / golang.org/x/mod/sumdb/note.
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const NOTE =
  TEXT +
  '\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('C2SP signed-note', () => {
  const peter = parseSignerKey(SKEY);
  const verifier = ed25519Verifier(parseVerifierKey(VKEY));

  it('derives the example key id and verifier key from the example signer key', () => {
    expect(verifier.keyId.toString(16)).toBe('c74f20a3');
    expect(ed25519VerifierKey(peter)).toBe(VKEY);
    expect(formatSignerKey(peter)).toBe(SKEY);
  });

  it('signs the example text byte for byte like the reference implementation', () => {
    expect(signNote(TEXT, [ed25519Signer(peter)])).toBe(NOTE);
  });

  it('opens the example note with the example verifier key', () => {
    const opened = openNote(NOTE, [verifier]);
    expect(opened.ok && opened.value.text).toBe(TEXT);
    expect(opened.ok && opened.value.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
  });

  it('ignores lines from unknown keys but needs one known signature', () => {
    const other = generateNoteKey('other.example/key');
    const both = signNote(TEXT, [ed25519Signer(other), ed25519Signer(peter)]);
    expect(openNote(both, [verifier]).ok).toBe(true);
    expect(openNote(NOTE, [ed25519Verifier(other)])).toEqual({
      ok: false,
      reason: 'no signature from a known key',
    });
  });

  it('rejects the note when a known key signature fails, even beside a good one', () => {
    const forged = NOTE.replace('JnAM=', 'JnAA=');
    expect(openNote(forged, [verifier]).ok).toBe(false);
    const tampered = NOTE.replace('cryptography', 'Cryptography');
    expect(openNote(tampered, [verifier]).ok).toBe(false);
    const withBadSecond = `${NOTE.slice(0, -1)}\n${NOTE.split('\n\n')[1]?.replace('JnAM=', 'JnAA=')}`;
    expect(openNote(withBadSecond, [verifier]).ok).toBe(false);
  });

  it.each([
    ['no blank line', TEXT],
    ['no trailing newline', NOTE.slice(0, -1)],
    ['hyphen instead of em dash', NOTE.replace('\u2014', '-')],
    ['a control character', NOTE.replace('problem,', 'problem,\t')],
    ['non-canonical base64', NOTE.replace('JnAM=', 'JnAM')],
  ])('rejects a malformed note (%s)', (_, note) => {
    expect(openNote(note, [verifier]).ok).toBe(false);
  });

  it('rejects keys whose id does not match, and bad key names', () => {
    expect(() => parseVerifierKey(VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(NoteKeyError);
    expect(() => parseSignerKey(SKEY.replace('PeterNeumann', 'PaulNeumann'))).toThrow(NoteKeyError);
    expect(() => generateNoteKey('has space')).toThrow(NoteKeyError);
    expect(() => generateNoteKey('has+plus')).toThrow(NoteKeyError);
  });

  it('round-trips a generated key through its PRIVATE+KEY form', () => {
    const key = generateNoteKey('hospital.example/inr-ledger');
    const again = parseSignerKey(formatSignerKey(key));
    expect(Buffer.from(again.publicKey)).toEqual(Buffer.from(key.publicKey));
    const note = signNote('hello\n', [ed25519Signer(again)]);
    expect(openNote(note, [ed25519Verifier(parseVerifierKey(ed25519VerifierKey(key)))]).ok).toBe(
      true,
    );
  });
});

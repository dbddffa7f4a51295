import {
  cosign,
  cosignatureVerifier,
  cosignatureVerifierKey,
  ed25519Signer,
  ed25519VerifierKey,
  formatCheckpoint,
  generateNoteKey,
  openNote,
  parseCheckpoint,
  parseTrustPolicy,
  parseVerifierKey,
  quorumSatisfied,
  signNote,
  TrustPolicyError,
  verifyCheckpointNote,
} from '@inr/transparency';

const ORIGIN = 'hospital.example/inr-ledger';
const log = generateNoteKey(ORIGIN);
const w = [1, 2, 3].map((i) => generateNoteKey(`witness${i}.example/w`));
const body = formatCheckpoint({
  origin: ORIGIN,
  size: 3,
  root: new Uint8Array(32).fill(7),
  extensions: [],
});

describe('C2SP tlog-checkpoint', () => {
  it('formats origin, decimal size and base64 root, and parses it back', () => {
    expect(body).toBe(`${ORIGIN}\n3\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n`);
    const parsed = parseCheckpoint(`${body}ext one\n`);
    expect(parsed.ok && parsed.value.size).toBe(3);
    expect(parsed.ok && parsed.value.extensions).toEqual(['ext one']);
  });

  it.each([
    ['leading zero', `${ORIGIN}\n03\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n`],
    ['short root', `${ORIGIN}\n3\nBwcH\n`],
    ['no final newline', body.slice(0, -1)],
    ['empty origin', body.replace(ORIGIN, '')],
  ])('rejects a bad checkpoint (%s)', (_, text) => {
    expect(parseCheckpoint(text).ok).toBe(false);
  });
});

describe('C2SP tlog-cosignature/v1', () => {
  it('verifies over "cosignature/v1\\ntime <t>\\n" + body and carries the timestamp', () => {
    const note = `${signNote(body, [ed25519Signer(log)])}${cosign(w[0]!, body, 1700000000)}`;
    const v = cosignatureVerifier(parseVerifierKey(cosignatureVerifierKey(w[0]!)));
    const opened = openNote(note, [v]);
    expect(opened.ok && opened.value.verified.length).toBe(1);
    // The cosignature does not verify as a plain note signature over the same key.
    expect(cosignatureVerifierKey(w[0]!)).not.toBe(ed25519VerifierKey(w[0]!));
    expect(openNote(note.replace('\n3\n', '\n4\n'), [v]).ok).toBe(false);
  });
});

describe('C2SP tlog-policy', () => {
  const policyText = [
    `log ${ed25519VerifierKey(log)} https://hospital.example/log`,
    '# two partner witnesses',
    ...w.map((k, i) => `witness W${i + 1} ${cosignatureVerifierKey(k)}`),
    'group partners 2 W1 W2 W3',
    'quorum partners',
    '',
  ].join('\n');
  const policy = parseTrustPolicy(policyText);
  const signed = signNote(body, [ed25519Signer(log)]);

  it('parses logs, witnesses, groups and the quorum', () => {
    expect(policy.logs[0]?.url).toBe('https://hospital.example/log');
    expect(policy.witnesses.map((x) => x.name)).toEqual(['W1', 'W2', 'W3']);
    expect(policy.groups).toEqual([
      { name: 'partners', threshold: 2, members: ['W1', 'W2', 'W3'] },
    ]);
    expect(quorumSatisfied(policy, new Set(['W1']))).toBe(false);
    expect(quorumSatisfied(policy, new Set(['W1', 'W3']))).toBe(true);
  });

  it('accepts a checkpoint with 2 of 3 cosignatures and ignores unknown cosigners', () => {
    const stranger = generateNoteKey('stranger.example');
    const note =
      signed + cosign(w[0]!, body, 1) + cosign(stranger, body, 1) + cosign(w[2]!, body, 2);
    const v = verifyCheckpointNote(note, policy);
    expect(v.ok && v.value.cosigners).toEqual([
      { name: 'W1', timestamp: 1 },
      { name: 'W3', timestamp: 2 },
    ]);
  });

  it('rejects a missing quorum, a failing known cosignature, and an unknown log', () => {
    expect(verifyCheckpointNote(signed + cosign(w[0]!, body, 1), policy)).toEqual({
      ok: false,
      reason: 'witness quorum not met',
    });
    const bad = cosign(w[1]!, body.replace('\n3\n', '\n4\n'), 1);
    expect(verifyCheckpointNote(signed + cosign(w[0]!, body, 1) + bad, policy).ok).toBe(false);
    const other = generateNoteKey(ORIGIN);
    const foreign =
      signNote(body, [ed25519Signer(other)]) + cosign(w[0]!, body, 1) + cosign(w[1]!, body, 1);
    const r = verifyCheckpointNote(foreign, policy);
    expect(r.ok ? '' : r.reason).toMatch(/^log signature/);
  });

  it('accepts "quorum none" with only the log signature', () => {
    const p = parseTrustPolicy(`log ${ed25519VerifierKey(log)}\nquorum none\n`);
    expect(verifyCheckpointNote(signed, p).ok).toBe(true);
  });

  it.each([
    ['undefined member', `witness W1 ${cosignatureVerifierKey(w[0]!)}\ngroup g 1 W2\nquorum g`],
    ['threshold above n', `witness W1 ${cosignatureVerifierKey(w[0]!)}\ngroup g 2 W1\nquorum g`],
    ['two quorums', 'quorum none\nquorum none'],
    ['no quorum', `log ${ed25519VerifierKey(log)}`],
    ['log key of cosignature type', `log ${cosignatureVerifierKey(log)}\nquorum none`],
    [
      'duplicate key',
      `witness A ${cosignatureVerifierKey(w[0]!)}\nwitness B ${cosignatureVerifierKey(w[0]!)}\nquorum A`,
    ],
  ])('rejects a bad policy (%s)', (_, text) => {
    expect(() => parseTrustPolicy(text)).toThrow(TrustPolicyError);
  });
});

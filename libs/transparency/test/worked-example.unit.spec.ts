import {
  CompactRange,
  consistencyProof,
  cosign,
  cosignatureVerifierKey,
  ed25519Signer,
  ed25519VerifierKey,
  encodeLeaf,
  formatCheckpoint,
  formatSignerKey,
  inclusionProof,
  keyFromSeed,
  leafHash,
  MemoryHashStore,
  parseTrustPolicy,
  signNote,
  toBase64,
  toHex,
  treeRoot,
  verifyCheckpointNote,
} from '@inr/transparency';

// Pins the worked example of docs/ledger-format.md §9: if this fails, the document is wrong.
const EVENTS = [
  [
    'ProcedureLogged',
    '2025-03-01T09:15:00.000Z',
    { procedure: 'thrombectomy', tici: '2b', minutes: 42 },
  ],
  [
    'ProcedureLogged',
    '2025-03-02T14:40:12.345Z',
    { procedure: 'thrombectomy', tici: '3', minutes: 37.5 },
  ],
  ['SupervisorSignedOff', '2025-03-03T08:00:00.000Z', { supervisor: 'sup-12', procedures: [0, 1] }],
] as const;

describe('docs/ledger-format.md worked example', () => {
  const store = new MemoryHashStore();
  const range = CompactRange.empty();
  const leaves = EVENTS.map(([type, recordedAt, data], i) =>
    encodeLeaf({
      streamId: 'trainee-7f3a',
      revision: i,
      id: `0b1c6f2e-2d39-4d4e-9a53-3c1b7c1d000${i + 1}`,
      type,
      recordedAt,
      data,
      metadata: { by: 'app' },
    }),
  );
  for (const leaf of leaves)
    for (const n of range.append(leafHash(leaf))) store.put(n.level, n.index, n.hash);
  store.setSize(3);
  const logKey = keyFromSeed('hospital.example/inr-ledger', new Uint8Array(32).fill(1));
  const witness = keyFromSeed('witness.partner.example', new Uint8Array(32).fill(2));

  it('has the documented leaves, hashes, roots and proofs', () => {
    expect(Buffer.from(leaves[0]!).toString()).toBe(
      '{"data":{"minutes":42,"procedure":"thrombectomy","tici":"2b"},"eventId":"0b1c6f2e-2d39-4d4e-9a53-3c1b7c1d0001","metadata":{"by":"app"},"recordedAt":"2025-03-01T09:15:00.000Z","revision":0,"streamId":"trainee-7f3a","type":"ProcedureLogged"}',
    );
    expect(leaves.map((l) => toHex(leafHash(l)))).toEqual([
      '1202bbfca38c6474cc922ac8e6e35bbda7c68bbd734386eeee585e7e7ad3e206',
      '974b229928c6e8c16c25c1bfeceb0d78d0a3334e2a8856f7a9d952cdbbdad3bf',
      'af68a6fc4be362724ebfb877c73b4e20558b78d1f2ae8e1e5e6beb58b68e9bba',
    ]);
    expect(toHex(treeRoot(store, 3))).toBe(
      'c57e388d427850a0eea253ac3d4391ee6ffe4501e3471be485e94ca74277c82b',
    );
    expect(inclusionProof(store, 1, 3).map(toBase64)).toEqual([
      'EgK7/KOMZHTMkirI5uNbvafGi71zQ4bu7lhefnrT4gY=',
      'r2im/EvjYnJOv7h3xztOIFWLeNHyro4eXmvrWLaOm7o=',
    ]);
    expect(consistencyProof(store, 2, 3).map(toBase64)).toEqual([
      'r2im/EvjYnJOv7h3xztOIFWLeNHyro4eXmvrWLaOm7o=',
    ]);
  });

  it('has the documented keys, signed and cosigned checkpoint, and policy', () => {
    expect(formatSignerKey(logKey)).toBe(
      'PRIVATE+KEY+hospital.example/inr-ledger+867bc271+AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB',
    );
    const body = formatCheckpoint({
      origin: logKey.name,
      size: 3,
      root: treeRoot(store, 3),
      extensions: [],
    });
    const note = signNote(body, [ed25519Signer(logKey)]) + cosign(witness, body, 1750000000);
    expect(note).toBe(
      'hospital.example/inr-ledger\n3\nxX44jUJ4UKDuolOsPUOR7m/+RQHjRxvkhelMp0J3yCs=\n\n' +
        '\u2014 hospital.example/inr-ledger hnvCcUljqOMBp1zH8z8OzXF4mgx/C/OuHN5I0pFVUlD7H21Vpq/uixB272HB8MK2HQqd+RsW1j4kEDxu0uUyDmBslQg=\n' +
        '\u2014 witness.partner.example IuZOxAAAAABoTuGAJ5rx82ndAIifzjNBtKVQu5bLFTn7jgDalkncpKkObwJy/rKBT0906D5ZUYpBY+9GcEvh2rflHuHhQoQWRdsUBA==\n',
    );
    const policy = `log ${ed25519VerifierKey(logKey)}\nwitness partner ${cosignatureVerifierKey(witness)}\nquorum partner\n`;
    expect(policy).toContain(
      'witness.partner.example+22e64ec4+BIE5dw6ofRdfVqNUZsNMfszLjYqRtO43ol32D1uPybOU',
    );
    expect(verifyCheckpointNote(note, parseTrustPolicy(policy)).ok).toBe(true);
  });
});

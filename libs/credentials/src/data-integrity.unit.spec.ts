import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { decodeBase58, encodeBase58 } from './base58btc';
import { bitAt, encodeBitstring, LIST_LENGTH } from './bitstring';
import { addProof, verifyProof } from './data-integrity';
import { verificationMethodId } from './did-web';
import { DocumentNotBundledError, offlineDocumentLoader } from './document-loader';
import { publicKeyFromMultibase, publicKeyMultibase } from './multikey';
import { openBadgeCredential, type CredentialFacts } from './open-badge-credential';

const issuer = { id: 'did:web:trust.example', name: 'Trust', origin: 'https://trust.example' };
const facts: CredentialFacts = {
  credentialId: 'cred-1',
  traineeId: 'trn-1',
  issuedOn: '2026-11-02',
  statusIndex: 3,
  pathway: {
    id: 'mt',
    version: '1.0.0',
    contentHash: 'ab'.repeat(32),
    title: 'MT',
    issuingBody: 'Body',
    requirements: ['mt-primary: 25 cases as first operator'],
  },
  decision: { decisionId: 'dec-1', decidedOn: '2026-11-01', leafIndex: 41 },
  log: { origin: 'trust/inr-ledger', checkpointSize: 50 },
};

describe('eddsa-rdfc-2022 Data Integrity proofs, offline', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const multibase = publicKeyMultibase(privateKey);
  const vm = verificationMethodId(issuer.id, multibase);
  const keyOf = (id: string) => (id === vm ? publicKeyFromMultibase(multibase) : undefined);
  const loader = offlineDocumentLoader();
  const sign = () =>
    addProof(
      openBadgeCredential(issuer, facts),
      { privateKey, verificationMethod: vm, created: '2026-11-02T09:00:00Z' },
      loader,
    );

  it('signs and verifies without touching the network, and refuses a context it does not bundle', async () => {
    const refuse = () => {
      throw new Error('network used');
    };
    const spies = [
      jest.spyOn(globalThis, 'fetch').mockImplementation(refuse),
      jest.spyOn(http, 'request').mockImplementation(refuse),
      jest.spyOn(https, 'request').mockImplementation(refuse),
      jest.spyOn(http, 'get').mockImplementation(refuse),
      jest.spyOn(https, 'get').mockImplementation(refuse),
    ];
    try {
      const signed = await sign();
      expect(await verifyProof(signed, keyOf, loader)).toEqual({
        ok: true,
        verificationMethod: vm,
      });
      await expect(
        addProof(
          { '@context': ['https://example.org/unknown/v1'], name: 'x' },
          { privateKey, verificationMethod: vm, created: '2026-11-02T09:00:00Z' },
          loader,
        ),
      ).rejects.toThrow(/example\.org\/unknown\/v1/);
      await expect(loader('https://example.org/unknown/v1')).rejects.toThrow(
        DocumentNotBundledError,
      );
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('is deterministic, and any change to the credential or the proof fails', async () => {
    const signed = await sign();
    expect(JSON.stringify(await sign())).toBe(JSON.stringify(signed));
    const changed = JSON.parse(
      JSON.stringify(signed).replace('2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'),
    ) as Record<string, unknown>;
    expect(await verifyProof(changed, keyOf, loader)).toMatchObject({ ok: false });
    const created = { ...signed, proof: { ...signed.proof, created: '2026-11-02T09:00:01Z' } };
    expect(await verifyProof(created, keyOf, loader)).toMatchObject({ ok: false });
    const other = publicKeyMultibase(generateKeyPairSync('ed25519').privateKey);
    expect(await verifyProof(signed, () => publicKeyFromMultibase(other), loader)).toEqual({
      ok: false,
      reason: 'the proof signature does not verify',
    });
    // A term no context defines would go unsigned: safe mode refuses it instead.
    const undefinedTerm = { ...signed, unsignedClaim: 'x' };
    expect(await verifyProof(undefinedTerm, keyOf, loader)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/canonicalize/),
    });
  });
});

describe('multibase and the bitstring', () => {
  it("encodes base58btc as in the base58 draft's test vectors", () => {
    expect(encodeBase58(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(encodeBase58(Uint8Array.from([0, 0, 0x28, 0x7f, 0xb4, 0xcd]))).toBe('11233QC4');
    expect(Buffer.from(decodeBase58('11233QC4')).toString('hex')).toBe('0000287fb4cd');
  });

  it('sets exactly the bits asked for, index 0 first, in a list of 131,072', () => {
    const list = encodeBitstring([0, 9, LIST_LENGTH - 1]);
    expect(list.startsWith('u')).toBe(true);
    for (const i of [0, 9, LIST_LENGTH - 1]) expect(bitAt(list, i)).toBe(true);
    for (const i of [1, 8, 10, LIST_LENGTH - 2]) expect(bitAt(list, i)).toBe(false);
    expect(() => bitAt(list, LIST_LENGTH)).toThrow(/outside/);
  });
});

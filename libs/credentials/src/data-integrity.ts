import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { decodeBase58, encodeBase58 } from './base58btc';
import { canonicalize } from './canonicalize';
import type { DocumentLoader } from './document-loader';

/** A Data Integrity proof made with the eddsa-rdfc-2022 cryptosuite. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-rdfc-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

export type JsonLdDocument = Record<string, unknown> & { '@context': readonly string[] };
export type Secured<T extends JsonLdDocument> = T & { proof: DataIntegrityProof };

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The bytes the signature covers (VC DI EdDSA, eddsa-rdfc-2022 §3.3): the SHA-256 of the
 * canonical proof configuration (the proof without proofValue, under the document's context)
 * followed by the SHA-256 of the canonical document without its proof.
 */
async function hashData(
  unsecured: JsonLdDocument,
  config: Omit<DataIntegrityProof, 'proofValue'>,
  loader: DocumentLoader,
): Promise<Buffer> {
  const proofConfig = await canonicalize({ '@context': unsecured['@context'], ...config }, loader);
  const document = await canonicalize(unsecured, loader);
  return Buffer.concat([sha256(proofConfig), sha256(document)]);
}

/**
 * Adds a Data Integrity proof (eddsa-rdfc-2022) to a JSON-LD document. Ed25519 is
 * deterministic, so the same document, key and `created` give the same proof.
 */
export async function addProof<T extends JsonLdDocument>(
  document: T,
  options: { privateKey: KeyObject; verificationMethod: string; created: string },
  loader: DocumentLoader,
): Promise<Secured<T>> {
  const config = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: options.created,
    verificationMethod: options.verificationMethod,
    proofPurpose: 'assertionMethod',
  } as const;
  const signature = sign(null, await hashData(document, config, loader), options.privateKey);
  return { ...document, proof: { ...config, proofValue: `z${encodeBase58(signature)}` } };
}

export type ProofCheck = { ok: true; verificationMethod: string } | { ok: false; reason: string };

/**
 * Verifies a document's eddsa-rdfc-2022 proof; `publicKey` resolves the proof's
 * verificationMethod (undefined: not a key of the issuer's).
 */
export async function verifyProof(
  secured: Record<string, unknown>,
  publicKey: (verificationMethod: string) => KeyObject | undefined,
  loader: DocumentLoader,
): Promise<ProofCheck> {
  const { proof, ...unsecured } = secured;
  if (!isProof(proof)) return { ok: false, reason: 'no eddsa-rdfc-2022 DataIntegrityProof' };
  if (!Array.isArray(unsecured['@context'])) return { ok: false, reason: 'no @context array' };
  const key = publicKey(proof.verificationMethod);
  if (!key) return { ok: false, reason: `unknown verification method ${proof.verificationMethod}` };
  if (!proof.proofValue.startsWith('z'))
    return { ok: false, reason: 'proofValue is not base58btc' };
  const { proofValue, ...config } = proof;
  let data: Buffer;
  let signature: Uint8Array;
  try {
    signature = decodeBase58(proofValue.slice(1));
    data = await hashData(unsecured as JsonLdDocument, config, loader);
  } catch (e) {
    return { ok: false, reason: `cannot canonicalize: ${(e as Error).message}` };
  }
  return verify(null, data, key, signature)
    ? { ok: true, verificationMethod: proof.verificationMethod }
    : { ok: false, reason: 'the proof signature does not verify' };
}

function isProof(value: unknown): value is DataIntegrityProof {
  const p = value as Partial<DataIntegrityProof> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.type === 'DataIntegrityProof' &&
    p.cryptosuite === 'eddsa-rdfc-2022' &&
    p.proofPurpose === 'assertionMethod' &&
    typeof p.verificationMethod === 'string' &&
    typeof p.proofValue === 'string' &&
    typeof p.created === 'string'
  );
}

import { CONTEXT } from './contexts';
import { verificationMethodId } from './did-web';

export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
}

/**
 * The issuer's DID document: every Ed25519 key it has signed credentials with (the current
 * one first, then retired ones, so credentials signed before a rotation still verify), each
 * as a Multikey verification method allowed to make assertions.
 */
export function didDocument(issuerId: string, publicKeys: readonly string[]): DidDocument {
  const methods = publicKeys.map((multibase) => ({
    id: verificationMethodId(issuerId, multibase),
    type: 'Multikey' as const,
    controller: issuerId,
    publicKeyMultibase: multibase,
  }));
  return {
    '@context': [CONTEXT.didV1, CONTEXT.multikeyV1],
    id: issuerId,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

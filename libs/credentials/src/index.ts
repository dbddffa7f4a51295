export { bitAt, encodeBitstring, LIST_LENGTH } from './bitstring';
export { BUNDLED_CONTEXTS, CONTEXT } from './contexts';
export {
  addProof,
  verifyProof,
  type DataIntegrityProof,
  type JsonLdDocument,
  type ProofCheck,
  type Secured,
} from './data-integrity';
export { didDocument, type DidDocument, type VerificationMethod } from './did-document';
export { didWebOrigin, verificationMethodId } from './did-web';
export {
  DocumentNotBundledError,
  offlineDocumentLoader,
  type DocumentLoader,
} from './document-loader';
export { privateKeyFromSeed, publicKeyFromMultibase, publicKeyMultibase, seedOf } from './multikey';
export {
  credentialUrl,
  openBadgeCredential,
  type CredentialFacts,
  type Issuer,
} from './open-badge-credential';
export { statusListCredential } from './status-list-credential';
export {
  parseStatusListId,
  STATUS_PURPOSES,
  statusListId,
  statusListUrl,
  type StatusPurpose,
} from './status-purpose';

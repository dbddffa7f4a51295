export { canonicalJson, CanonicalJsonError, isWellFormedUnicode } from './canonical-json';
export type { Json } from './canonical-json';
export {
  bytesEqual,
  EMPTY_ROOT,
  fromBase64,
  HASH_SIZE,
  leafHash,
  leafHashInto,
  nodeHashInto,
  nodeHash,
  sha256,
  toBase64,
  toHex,
} from './hashing';
export { encodeLeaf, LEAF_MEMBERS, leafJson, leafJsonFromText, leafSchemaError } from './leaf';
export { canonicalJsonText } from './canonical-text';
export { parseStrictJson, StrictJsonError } from './strict-json';
export type { StrictJson } from './strict-json';
export type { LeafSource, StoredLeafSource } from './leaf';
export { MissingHashError, TreeRangeError } from './hash-reader';
export type { HashReader } from './hash-reader';
export { consistencyProof, inclusionProof, rangeHash, splitPoint, treeRoot } from './merkle';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
export { MemoryHashStore } from './hash-store';
export type { HashStore } from './hash-store';
export { CompactRange } from './compact-range';
export type { SubtreeHash } from './compact-range';
export {
  ed25519Sign,
  ed25519Verify,
  formatSignerKey,
  formatVerifierKey,
  generateNoteKey,
  hexKeyId,
  isValidKeyName,
  keyFromSeed,
  keyId,
  NoteKeyError,
  parseSignerKey,
  parseVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
} from './note-keys';
export type { Ed25519NoteKey, ParsedVerifierKey, SigType } from './note-keys';
export { openNote, parseNote, signatureLine, signNote, verifySignatures } from './signed-note';
export type {
  NoteResult,
  NoteSignature,
  NoteSigner,
  NoteVerifier,
  OpenedNote,
  ParsedNote,
} from './signed-note';
export { ed25519Signer, ed25519Verifier, ed25519VerifierKey } from './ed25519-note';
export {
  cosign,
  cosignatureKeyId,
  cosignatureTimestamp,
  cosignatureVerifier,
  cosignatureVerifierKey,
  cosignedMessage,
} from './cosignature';
export { formatCheckpoint, parseCheckpoint } from './checkpoint';
export type { Checkpoint } from './checkpoint';
export {
  parseTrustPolicy,
  quorumSatisfied,
  TrustPolicyError,
  verifyCheckpointNote,
} from './trust-policy';
export type {
  PolicyGroup,
  PolicyLog,
  PolicyWitness,
  TrustPolicy,
  VerifiedCheckpoint,
} from './trust-policy';
export {
  MAX_TILE_LEVEL,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileBytes,
  tileForSize,
  TileHashReader,
  tileIndexPath,
  TileNeeded,
  tilePath,
  treeTiles,
  tileWithin,
  withTiles,
} from './tiles';
export type { TileId } from './tiles';

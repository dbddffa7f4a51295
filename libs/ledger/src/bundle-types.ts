// The inr-ledger-bundle/v1 document (docs/ledger-format.md §8.1).

export const BUNDLE_FORMAT = 'inr-ledger-bundle/v1';

/** One logged event in a bundle, with its inclusion proof against the bundle's checkpoint. */
export interface BundleEvent {
  leafIndex: number;
  /** The canonical leaf JSON (RFC 8785), exactly the bytes that were hashed. */
  leaf: string;
  /** RFC 9162 inclusion proof, leaf to root, base64 hashes. */
  proof: string[];
}

/** A signed checkpoint and leaves proven in it: the part of a bundle that needs no domain. */
export interface EventProofs {
  checkpoint: string;
  events: BundleEvent[];
}

/** The bundle's `decision`: which leaf records it, its event id, and that leaf's data verbatim. */
export interface BundleDecision {
  leafIndex: number;
  eventId: string;
  record: Record<string, unknown>;
}

/** What one decision stands on, verifiable offline with a trust policy. */
export interface ProvenanceBundle {
  format: typeof BUNDLE_FORMAT;
  /** The signed checkpoint note, with the witness cosignature lines appended. */
  checkpoint: string;
  /** Ascending leaf index: the decision, the evidence it committed to, the pathway's publication. */
  events: BundleEvent[];
  /** The pathway (policy) document the decision was evaluated against. */
  pathway: unknown;
  decision: BundleDecision;
}

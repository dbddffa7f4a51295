// The proven-leaf parts shared by every bundle format (docs/ledger-format.md §8.1, §15.2).

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

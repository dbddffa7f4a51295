// The inr-ledger-bundle/v1 and /v2 documents (docs/ledger-format.md §8.1, §8.4).
import type { BundleEvent, EventProofs } from './bundle-event';
import type { TraineeBundle } from './trainee-bundle-types';

export type { BundleEvent, EventProofs };

export const BUNDLE_FORMAT = 'inr-ledger-bundle/v1';
/** v1 plus `foreign`: for a decision whose evidence holds recognitions of another ledger's. */
export const BUNDLE_FORMAT_V2 = 'inr-ledger-bundle/v2';

/** The bundle's `decision`: which leaf records it, its event id, and that leaf's data verbatim. */
export interface BundleDecision {
  leafIndex: number;
  eventId: string;
  record: Record<string, unknown>;
}

/** What one decision stands on, verifiable offline with a trust policy. */
export interface ProvenanceBundle {
  format: typeof BUNDLE_FORMAT | typeof BUNDLE_FORMAT_V2;
  /** The signed checkpoint note, with the witness cosignature lines appended. */
  checkpoint: string;
  /** Ascending leaf index: the decision, the evidence it committed to, the pathway's publication. */
  events: BundleEvent[];
  /** The pathway (policy) document the decision was evaluated against. */
  pathway: unknown;
  decision: BundleDecision;
  /**
   * v2 only: the other ledgers' trainee bundles that the evidence's recognitions rest on, each
   * once (§8.4). A v1 bundle has no such member.
   */
  foreign?: TraineeBundle[];
}

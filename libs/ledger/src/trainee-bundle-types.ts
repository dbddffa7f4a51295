import type { BundleEvent } from './bundle-event';

// The inr-ledger-trainee-bundle/v1 document (docs/ledger-format.md §15).

export const TRAINEE_BUNDLE_FORMAT = 'inr-ledger-trainee-bundle/v1';

/** A trainee's whole record, proven in one checkpoint, with the ledger's completeness statement. */
export interface TraineeBundle {
  format: typeof TRAINEE_BUNDLE_FORMAT;
  traineeId: string;
  /** The signed checkpoint note, with the witness cosignature lines appended. */
  checkpoint: string;
  /** Leaf index of the TraineeRecordCommitted event the record is checked against. */
  commitment: number;
  /** Ascending leaf index: the record, the signers' accreditations, the commitment. */
  events: BundleEvent[];
  /** The other ledgers' trainee bundles that the record's recognitions rest on, each once. */
  foreign: TraineeBundle[];
}

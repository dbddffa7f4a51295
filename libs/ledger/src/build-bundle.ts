import { toBase64 } from '@inr/transparency';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_V2,
  type BundleDecision,
  type EventProofs,
  type ProvenanceBundle,
} from './bundle-types';
import type { LedgerLog } from './ledger-log';
import type { StoredCheckpoint } from './sqlite-hash-store';
import type { TraineeBundle } from './trainee-bundle-types';

/** The given leaves, each with its inclusion proof against a stored (cosigned) checkpoint. */
export async function buildEventProofs(
  log: LedgerLog,
  checkpoint: StoredCheckpoint,
  leafIndexes: readonly number[],
): Promise<EventProofs> {
  const events = [];
  for (const index of leafIndexes) {
    const [entry] = await log.entries(index, index + 1);
    if (entry === undefined) throw new RangeError(`no leaf ${index}`);
    events.push({
      leafIndex: index,
      leaf: Buffer.from(entry.leaf).toString('utf8'),
      proof: log.inclusionProof(index, checkpoint.size).map(toBase64),
    });
  }
  return { checkpoint: checkpoint.note + checkpoint.cosignatures.join(''), events };
}

/**
 * A decision's bundle: its leaves (ascending) proven against the checkpoint, pathway, decision.
 * Given `foreign` (the bundles its evidence's recognitions rest on), it is a v2 bundle (§8.4).
 */
export async function buildBundle(
  log: LedgerLog,
  checkpoint: StoredCheckpoint,
  leafIndexes: readonly number[],
  pathway: unknown,
  decision: BundleDecision,
  foreign?: TraineeBundle[],
): Promise<ProvenanceBundle> {
  const sorted = [...new Set(leafIndexes)].sort((a, b) => a - b);
  const proofs = await buildEventProofs(log, checkpoint, sorted);
  return foreign === undefined
    ? { format: BUNDLE_FORMAT, ...proofs, pathway, decision }
    : { format: BUNDLE_FORMAT_V2, ...proofs, pathway, decision, foreign };
}

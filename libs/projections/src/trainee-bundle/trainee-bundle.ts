import {
  buildEventProofs,
  derivedEventId,
  isRecordLeaf,
  RECOGNITION_EVENT_TYPE,
  TRAINEE_BUNDLE_FORMAT,
  TRAINEE_RECORD_COMMITTED,
  traineeRecordCommitment,
  type LedgerLog,
  type StoredCheckpoint,
  type TraineeBundle,
} from '@inr/ledger';
import { canonicalJson } from '@inr/transparency';
import { indexKey } from '../event-index/event-index-projection';
import type { ReadModelContext } from '../read-model-context';

export type TraineeBundleErrorCode =
  'TRAINEE_NOT_FOUND' | 'NOT_CHECKPOINTED' | 'FOREIGN_BUNDLE_MISSING';

export class TraineeBundleError extends Error {
  constructor(
    readonly code: TraineeBundleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TraineeBundleError';
  }
}

export interface TraineeBundleSources {
  context: ReadModelContext;
  log: LedgerLog;
  /** A stored checkpoint whose tree holds leaf `index`, or undefined when none can be had. */
  checkpointCovering(index: number): Promise<StoredCheckpoint | undefined>;
  /** The stored foreign bundle with this content address (a recognition rests on it). */
  foreignBundle(hash: string): Promise<TraineeBundle | undefined>;
  /** Appends the commitment event (idempotent by its id); resolves to its leaf index. */
  commit(event: { id: string; type: string; data: Record<string, unknown> }): Promise<number>;
}

/**
 * A trainee's record as an `inr-ledger-trainee-bundle/v1` (docs/ledger-format.md §15): the
 * record below `upTo` (default: all of it), the accreditations of everyone who signed in it,
 * and a TraineeRecordCommitted event appended now that lists both sets, all proven in one
 * checkpoint covering the commitment; plus the foreign bundles its recognitions rest on.
 * An unchanged record commits the same data, so re-exporting writes no new event.
 */
export async function traineeBundle(
  src: TraineeBundleSources,
  traineeId: string,
  upTo?: number,
): Promise<TraineeBundle> {
  const [head] = await src.context.store.readAll({ direction: 'backwards', maxCount: 1 });
  const below = Math.min(upTo ?? Infinity, head === undefined ? 0 : head.position + 1);
  const keyed = await src.context.index.events(
    [indexKey.trainee(traineeId), indexKey.global],
    below,
  );
  // Leaves hash the payload as stored: read the raw events, not the upcast ones.
  const raw = await src.context.store.readPositions(keyed.map((e) => e.position));
  if (!raw.some((e) => e.type === 'TraineeEnrolled' && isRecordLeaf(e.type, e.data, traineeId)))
    throw new TraineeBundleError('TRAINEE_NOT_FOUND', `no trainee '${traineeId}' is enrolled`);
  const commitment = traineeRecordCommitment(raw, traineeId, below);
  const data = commitment as unknown as Record<string, unknown>;
  const position = await src.commit({
    id: derivedEventId(`${TRAINEE_RECORD_COMMITTED}\n${canonicalJson(data)}`),
    type: TRAINEE_RECORD_COMMITTED,
    data,
  });
  const checkpoint = await src.checkpointCovering(position);
  if (checkpoint === undefined)
    throw new TraineeBundleError(
      'NOT_CHECKPOINTED',
      `no signed checkpoint covers the record's commitment (leaf ${position}) yet`,
    );
  const indexes = [
    ...commitment.record.leafIndexes,
    ...commitment.accreditations.leafIndexes,
    position,
  ].sort((a, b) => a - b);
  const foreign: TraineeBundle[] = [];
  const seen = new Set<string>();
  for (const e of raw) {
    if (e.type !== RECOGNITION_EVENT_TYPE || !commitment.record.leafIndexes.includes(e.position))
      continue;
    const hash = String(e.data['bundleHash']);
    if (seen.has(hash)) continue;
    seen.add(hash);
    const bundle = await src.foreignBundle(hash);
    if (bundle === undefined)
      throw new TraineeBundleError(
        'FOREIGN_BUNDLE_MISSING',
        `foreign bundle ${hash} is not stored here`,
      );
    foreign.push(bundle);
  }
  const proofs = await buildEventProofs(src.log, checkpoint, indexes);
  return {
    format: TRAINEE_BUNDLE_FORMAT,
    traineeId,
    checkpoint: proofs.checkpoint,
    commitment: position,
    events: proofs.events,
    foreign,
  };
}

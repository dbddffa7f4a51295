import type { JsonObject } from '@inr/domain';
import {
  buildBundle,
  isApplicantRecord,
  RECOGNITION_EVENT_TYPE,
  type BundleDecision,
  type LedgerLog,
  type ProvenanceBundle,
  type StoredCheckpoint,
  type TraineeBundle,
} from '@inr/ledger';
import { findPathway } from '@inr/policy';
import type { ReadModelContext } from '../read-model-context';
import { str } from '../events/ledger-event';
import { traineeHistory } from '../trainee-status/trainee-status';
import { decisionProvenance } from './decision-provenance';
import { findDecision } from './find-decision';

export type BundleErrorCode =
  'DECISION_NOT_FOUND' | 'NOT_CHECKPOINTED' | 'PATHWAY_UNAVAILABLE' | 'FOREIGN_BUNDLE_MISSING';

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface BundleSources {
  context: ReadModelContext;
  log: LedgerLog;
  /** A stored checkpoint whose tree holds leaf `index`, or undefined when none can be had. */
  checkpointCovering(index: number): Promise<StoredCheckpoint | undefined>;
  /** The stored foreign bundle with this content address (a recognition rests on it). */
  foreignBundle(hash: string): Promise<TraineeBundle | undefined>;
}

/**
 * Everything one credential decision stood on, as an `inr-ledger-bundle/v1`
 * (docs/ledger-format.md §8): the decision event, exactly the evidence it committed to (the
 * applicant's record below its ledger size: leaves whose data.traineeId is the applicant) and
 * the pathway's publication, each with an inclusion proof against one checkpoint covering it.
 * When that evidence holds recognitions of another ledger's evidence, it is an
 * `inr-ledger-bundle/v2` carrying the foreign bundles they rest on (§8.4).
 */
export async function decisionBundle(
  src: BundleSources,
  decisionId: string,
): Promise<ProvenanceBundle> {
  const found = await findDecision(src.context, decisionId);
  if (found === undefined)
    throw new BundleError('DECISION_NOT_FOUND', `no decision '${decisionId}'`);
  const { decision, event } = found;
  const provenance = await decisionProvenance(src.context, decisionId);
  const history = await traineeHistory(
    src.context,
    decision.traineeId,
    Math.min(decision.ledgerSize, event.position),
  );
  const record = history.filter((e) => isApplicantRecord(e.data, decision.traineeId));
  const positions = new Set(record.map((e) => e.position));
  positions.add(event.position);
  const publication = provenance?.events.find((e) => e.role === 'pathway');
  if (publication !== undefined) positions.add(publication.position);
  const pathway =
    publication === undefined
      ? findPathway(decision.pathwayId, decision.pathwayVersion)
      : await publishedDocument(src.context, publication.position);
  if (pathway === undefined) {
    throw new BundleError(
      'PATHWAY_UNAVAILABLE',
      `pathway ${decision.pathwayId}@${decision.pathwayVersion} is neither published nor shipped`,
    );
  }
  const checkpoint = await src.checkpointCovering(event.position);
  if (checkpoint === undefined) {
    throw new BundleError(
      'NOT_CHECKPOINTED',
      `no signed checkpoint covers the decision (leaf ${event.position}) yet`,
    );
  }
  const indexes = [...positions].sort((a, b) => a - b);
  const [logged] = await src.log.entries(event.position, event.position + 1);
  // The payload exactly as logged (before any upcasting), so a verifier can match it to the leaf.
  const data =
    logged === undefined
      ? {}
      : (JSON.parse(Buffer.from(logged.leaf).toString('utf8')) as { data: JsonObject }).data;
  const bundled: BundleDecision = { leafIndex: event.position, eventId: event.id, record: data };
  const hashes = [
    ...new Set(
      record.filter((e) => e.type === RECOGNITION_EVENT_TYPE).map((e) => str(e.data, 'bundleHash')),
    ),
  ];
  if (hashes.length === 0) return buildBundle(src.log, checkpoint, indexes, pathway, bundled);
  const foreign: TraineeBundle[] = [];
  for (const hash of hashes) {
    const bundle = hash === undefined ? undefined : await src.foreignBundle(hash);
    if (bundle === undefined)
      throw new BundleError('FOREIGN_BUNDLE_MISSING', `foreign bundle ${hash} is not stored here`);
    foreign.push(bundle);
  }
  return buildBundle(src.log, checkpoint, indexes, pathway, bundled, foreign);
}

async function publishedDocument(context: ReadModelContext, position: number): Promise<unknown> {
  const [published] = await context.store.readAll({ fromPosition: position, maxCount: 1 });
  return published?.data['document'];
}
export type { BundleDecision };

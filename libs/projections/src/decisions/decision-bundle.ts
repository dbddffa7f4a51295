import type { JsonObject } from '@inr/domain';
import {
  buildBundle,
  type LedgerLog,
  type ProvenanceBundle,
  type StoredCheckpoint,
} from '@inr/ledger';
import { findPathway } from '@inr/policy';
import type { ReadModelContext } from '../read-model-context';
import { traineeHistory } from '../trainee-status/trainee-status';
import { decisionProvenance } from './decision-provenance';
import { findDecision } from './find-decision';

/** The bundle's `decision`: which leaf records it, and that leaf's payload verbatim. */
export interface BundleDecision {
  leafIndex: number;
  eventId: string;
  record: JsonObject;
}

export type BundleErrorCode = 'DECISION_NOT_FOUND' | 'NOT_CHECKPOINTED' | 'PATHWAY_UNAVAILABLE';

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
}

/**
 * Everything one credential decision stood on, as an `inr-ledger-bundle/v1`: the trainee's
 * history below the decision's ledger size (what the evaluator folded), the pathway's
 * publication and the application, and the decision event, each with an inclusion proof
 * against one checkpoint that covers the decision.
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
  const positions = new Set([
    ...history.map((e) => e.position),
    ...(provenance?.events ?? []).map((e) => e.position),
  ]);
  positions.add(event.position);
  const publication = provenance?.events.find((e) => e.role === 'pathway');
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
  const bundle = await buildBundle(src.log, checkpoint, indexes, pathway, null);
  const leaf = bundle.events.find((e) => e.leafIndex === event.position);
  // The payload exactly as logged (before any upcasting), so a verifier can match it to the leaf.
  const record = leaf === undefined ? {} : (JSON.parse(leaf.leaf) as { data: JsonObject }).data;
  const bundled: BundleDecision = { leafIndex: event.position, eventId: event.id, record };
  return { ...bundle, decision: bundled };
}

async function publishedDocument(context: ReadModelContext, position: number): Promise<unknown> {
  const [published] = await context.store.readAll({ fromPosition: position, maxCount: 1 });
  return published?.data['document'];
}

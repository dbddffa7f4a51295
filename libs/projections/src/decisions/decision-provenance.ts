import type { ExternalEvidenceRecognised } from '@inr/domain';
import { evidenceUnderOlderRules, type Evaluation, type EvidenceUnderOlderRule } from '@inr/policy';
import { indexKey } from '../event-index/event-index-projection';
import { actorOf, str, type RecordedActor, type LedgerEvent } from '../events/ledger-event';
import type { ReadModelContext } from '../read-model-context';
import { findDecision } from './find-decision';
import { laterChanges, type LaterChange } from './later-changes';

export type ProvenanceRole = 'counted' | 'supporting' | 'pathway' | 'application';

export interface ProvenanceEvent {
  eventId: string;
  type: string;
  streamId: string;
  role: ProvenanceRole;
  /** Requirements of the recorded evaluation that counted or relied on this event. */
  requirementIds: string[];
  position: number;
  recordedAt: string;
  /** When it happened in the world, by the user's account (performedOn, signedOn, …). */
  performedOn: string | null;
  actor: RecordedActor | null;
  /** Events recorded after the decision that changed what this one says or who vouched for it. */
  laterChanges: LaterChange[];
  /**
   * Evidence that, as it stood when the decision was recorded, today's rules would refuse: the
   * rules version it was accepted under and the rules it predates. Null when it meets them.
   */
  acceptedUnderOlderRule: Pick<
    EvidenceUnderOlderRule,
    'acceptedUnderRulesVersion' | 'breaches'
  > | null;
}

/**
 * A case the decision counted that was recognised from another ledger: labelled external, with
 * its origin (log, checkpoint, foreign leaf and event id, institution) and the recognition here.
 */
export interface ExternalProvenanceEvent {
  /** The foreign CaseLogged event's id, as the evaluation cites it. */
  eventId: string;
  external: true;
  role: ProvenanceRole;
  requirementIds: string[];
  /** The foreign log's origin and the checkpoint its bundle was proven in. */
  origin: string;
  checkpoint: { size: number; root: string };
  foreignLeafIndex: number;
  foreignTraineeId: string;
  caseId: string;
  institutionId: string;
  performedOn: string;
  supervisorId: string | null;
  /** The ExternalEvidenceRecognised event here, its recognition and the bundle it rests on. */
  recognitionId: string;
  recognitionEventId: string;
  recognitionPosition: number;
  bundleHash: string;
}

export interface DecisionProvenance {
  decision: {
    decisionId: string;
    applicationId: string;
    traineeId: string;
    outcome: string;
    pathwayId: string;
    pathwayVersion: string;
    pathwayHash: string;
    ledgerSize: number;
    decidedOn: string;
    eventId: string;
    position: number;
    recordedAt: string;
    actor: RecordedActor | null;
  };
  events: ProvenanceEvent[];
  /** Cases recognised from other ledgers that the evaluation counted, labelled with their origin. */
  externalEvents: ExternalProvenanceEvent[];
  /** Ids the recorded evaluation cites that are in neither this ledger nor a recognition. */
  missingEventIds: string[];
  /** The pathway version was shipped with the code but never published in the ledger. */
  pathwayFromCatalogue: boolean;
}

const DATE_FIELDS = [
  'performedOn',
  'signedOn',
  'submittedOn',
  'enrolledOn',
  'from',
  'transferredOn',
];

function performedOn(event: LedgerEvent): string | null {
  for (const field of DATE_FIELDS) {
    const value = str(event.data, field);
    if (value !== undefined) return value;
  }
  return null;
}

/** Every event a credential decision stood on, with who did what when, and what changed since. */
export async function decisionProvenance(
  ctx: ReadModelContext,
  decisionId: string,
): Promise<DecisionProvenance | undefined> {
  const found = await findDecision(ctx, decisionId);
  if (!found) return undefined;
  const { decision, event: decisionEvent } = found;
  const head = await ctx.store.count();
  const history = await ctx.index.events(
    [indexKey.trainee(decision.traineeId), indexKey.global],
    head,
  );
  const byId = new Map(history.map((e) => [e.id, e]));

  const cited = new Map<string, { role: ProvenanceRole; requirementIds: string[] }>();
  const cite = (id: string, role: ProvenanceRole, requirementId?: string): void => {
    const entry = cited.get(id) ?? { role, requirementIds: [] };
    // A counted event that also supports another requirement stays 'counted'.
    if (role === 'counted') entry.role = 'counted';
    if (requirementId !== undefined && !entry.requirementIds.includes(requirementId))
      entry.requirementIds.push(requirementId);
    cited.set(id, entry);
  };
  const evaluation = decision.evaluation as unknown as Evaluation;
  for (const requirement of Array.isArray(evaluation.requirements) ? evaluation.requirements : []) {
    for (const id of requirement.countedEventIds ?? []) cite(id, 'counted', requirement.id);
    for (const id of requirement.supportingEventIds ?? []) cite(id, 'supporting', requirement.id);
  }
  const before = history.filter((e) => e.position < decisionEvent.position);
  const publication = before.find(
    (e) =>
      e.type === 'PolicyPublished' &&
      str(e.data, 'pathwayId') === decision.pathwayId &&
      str(e.data, 'version') === decision.pathwayVersion,
  );
  if (publication) cite(publication.id, 'pathway');
  const application = before.find(
    (e) =>
      e.type === 'CredentialApplicationSubmitted' &&
      str(e.data, 'applicationId') === decision.applicationId,
  );
  if (application) cite(application.id, 'application');

  const underOlderRules = new Map(
    evidenceUnderOlderRules(
      decision.traineeId,
      history.filter((e) => e.position < decision.ledgerSize),
    ).map((item) => [item.eventId, item]),
  );
  const events: ProvenanceEvent[] = [];
  const externalEvents: ExternalProvenanceEvent[] = [];
  const missingEventIds: string[] = [];
  const recognised = recognisedCases(history.filter((e) => e.position < decision.ledgerSize));
  for (const [id, { role, requirementIds }] of cited) {
    const event = byId.get(id);
    if (!event) {
      const external = recognised.get(id);
      if (external === undefined) missingEventIds.push(id);
      else externalEvents.push({ ...external, role, requirementIds: requirementIds.sort() });
      continue;
    }
    events.push({
      eventId: id,
      type: event.type,
      streamId: event.streamId,
      role,
      requirementIds: requirementIds.sort(),
      position: event.position,
      recordedAt: event.recordedAt,
      performedOn: performedOn(event),
      actor: actorOf(event),
      laterChanges: laterChanges(event, history, decisionEvent.position),
      acceptedUnderOlderRule: olderRule(underOlderRules.get(id)),
    });
  }
  events.sort((a, b) => a.position - b.position);
  return {
    decision: {
      decisionId: decision.decisionId,
      applicationId: decision.applicationId,
      traineeId: decision.traineeId,
      outcome: decision.outcome,
      pathwayId: decision.pathwayId,
      pathwayVersion: decision.pathwayVersion,
      pathwayHash: decision.pathwayHash,
      ledgerSize: decision.ledgerSize,
      decidedOn: decision.decidedOn,
      eventId: decisionEvent.id,
      position: decisionEvent.position,
      recordedAt: decisionEvent.recordedAt,
      actor: actorOf(decisionEvent),
    },
    events,
    externalEvents: externalEvents.sort(
      (a, b) =>
        a.recognitionPosition - b.recognitionPosition || a.foreignLeafIndex - b.foreignLeafIndex,
    ),
    missingEventIds: missingEventIds.sort(),
    pathwayFromCatalogue: publication === undefined,
  };
}

function olderRule(
  item: EvidenceUnderOlderRule | undefined,
): ProvenanceEvent['acceptedUnderOlderRule'] {
  return item === undefined
    ? null
    : { acceptedUnderRulesVersion: item.acceptedUnderRulesVersion, breaches: item.breaches };
}

/** Each recognised foreign case by its CaseLogged event id, from the recognitions in `history`. */
function recognisedCases(
  history: readonly LedgerEvent[],
): Map<string, Omit<ExternalProvenanceEvent, 'role' | 'requirementIds'>> {
  const cases = new Map<string, Omit<ExternalProvenanceEvent, 'role' | 'requirementIds'>>();
  for (const e of history) {
    if (e.type !== 'ExternalEvidenceRecognised') continue;
    const d = e.data as unknown as ExternalEvidenceRecognised;
    for (const c of d.cases)
      cases.set(c.eventId, {
        eventId: c.eventId,
        external: true,
        origin: d.origin,
        checkpoint: d.checkpoint,
        foreignLeafIndex: c.leafIndex,
        foreignTraineeId: d.foreignTraineeId,
        caseId: c.caseId,
        institutionId: c.institutionId,
        performedOn: c.performedOn,
        supervisorId: c.supervisorId ?? null,
        recognitionId: d.recognitionId,
        recognitionEventId: e.id,
        recognitionPosition: e.position,
        bundleHash: d.bundleHash,
      });
  }
  return cases;
}

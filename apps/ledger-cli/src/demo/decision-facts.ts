import type { EventStore } from '@inr/event-store';
import type { Evaluation } from '@inr/policy';
import { findDecision, type ReadModels } from '@inr/projections';

export interface RequirementFact {
  id: string;
  description: string;
  achieved: number;
  target: number;
  met: boolean;
}

/** What the story says about one credential decision, read back from the ledger's read models. */
export interface DecisionFacts {
  decisionId: string;
  traineeId: string;
  specialty: string;
  stage: string;
  institutionId: string;
  outcome: string;
  reasons: string;
  decidedOn: string;
  panelMemberId: string;
  pathway: string;
  requirements: RequirementFact[];
  /** Distinct people who signed off the evidence (cases, competencies, final sign-off). */
  signers: string[];
  /** Institutions at which the evidence was recorded. */
  evidenceInstitutions: string[];
  evidenceEvents: number;
}

const SIGN_OFFS = new Set(['CaseSignedOff', 'CompetencySignedOff']);

/**
 * Reads each decision as a relying party would through the API: the recorded evaluation
 * (findDecision), the evidence and its signers (provenance), the trainee's enrolment.
 */
export async function decisionFacts(
  store: EventStore,
  readModels: ReadModels,
  decisionIds: readonly string[],
): Promise<DecisionFacts[]> {
  const facts: DecisionFacts[] = [];
  for (const decisionId of decisionIds) {
    const found = await findDecision(readModels.context, decisionId);
    const provenance = await readModels.provenance(decisionId);
    if (found === undefined || provenance === undefined)
      throw new Error(`decision ${decisionId} is not in the read models`);
    const { decision } = found;
    const enrolment =
      (await store.readStream(`trainee-${decision.traineeId}`, { maxCount: 1 }))[0]?.data ?? {};
    const evaluation = decision.evaluation as unknown as Evaluation;
    const signers = new Set<string>();
    const institutions = new Set<string>();
    for (const event of provenance.events) {
      if (event.actor === null) continue;
      if (SIGN_OFFS.has(event.type)) signers.add(event.actor.subject);
      if (event.role === 'counted' && event.actor.institutionId !== null)
        institutions.add(event.actor.institutionId);
    }
    facts.push({
      decisionId,
      traineeId: decision.traineeId,
      specialty: String(enrolment['specialty'] ?? 'unknown specialty'),
      stage: String(enrolment['stage'] ?? ''),
      institutionId: String(enrolment['institutionId'] ?? ''),
      outcome: decision.outcome,
      reasons: decision.reasons,
      decidedOn: decision.decidedOn,
      panelMemberId: decision.panelMemberId,
      pathway: `${decision.pathwayId}@${decision.pathwayVersion}`,
      requirements: evaluation.requirements.map(({ id, description, achieved, target, met }) => ({
        id,
        description,
        achieved,
        target,
        met,
      })),
      signers: [...signers].sort(),
      evidenceInstitutions: [...institutions].sort(),
      evidenceEvents: provenance.events.length,
    });
  }
  return facts;
}

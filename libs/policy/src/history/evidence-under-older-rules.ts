import {
  casePlausibilityFindings,
  olderRuleVerdict,
  trainingTimeFindings,
  type OlderRuleVerdict,
} from '@inr/domain';
import { foldTraineeRecord } from './fold-trainee-record';
import type { HistoryEvent } from './history-event';

/**
 * A piece of a trainee's evidence that today's rules would refuse: it was accepted under an
 * older rules version and keeps counting as it did (docs/domain.md, "Evidence accepted under an
 * older rule"); readers show it so a panel can weigh it.
 */
export type EvidenceUnderOlderRule = {
  /** The CaseLogged or TrainingTimeRecognised event the evaluation cites. */
  eventId: string;
  evidence: 'case' | 'training-time';
  /** The case, for case evidence; null for training time. */
  caseId: string | null;
} & OlderRuleVerdict;

/**
 * Checks the trainee's standing evidence (cases as amended, not retracted; recognised training
 * time) against the current rules, in ledger order. Pure: the same history gives the same list.
 */
export function evidenceUnderOlderRules(
  traineeId: string,
  history: readonly HistoryEvent[],
): EvidenceUnderOlderRule[] {
  const record = foldTraineeRecord(traineeId, history);
  const found: (EvidenceUnderOlderRule & { position: number })[] = [];
  for (const c of record.cases) {
    // A case recognised from another ledger carries no clinical details to check here: its own
    // ledger accepted it under its rules, and the recognition is the judgement on it.
    if (c.retracted || c.external !== undefined) continue;
    const verdict = olderRuleVerdict(casePlausibilityFindings(c));
    if (verdict)
      found.push({
        eventId: c.loggedEventId,
        evidence: 'case',
        caseId: c.caseId,
        position: c.position,
        ...verdict,
      });
  }
  const positions = new Map(history.map((e) => [e.id, e.position]));
  for (const t of record.trainingTime) {
    const verdict = olderRuleVerdict(trainingTimeFindings(t));
    if (verdict)
      found.push({
        eventId: t.eventId,
        evidence: 'training-time',
        caseId: null,
        position: positions.get(t.eventId) ?? 0,
        ...verdict,
      });
  }
  return found.sort((a, b) => a.position - b.position).map(({ position: _p, ...item }) => item);
}

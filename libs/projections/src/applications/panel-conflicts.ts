import type { PanelConflicts } from '@inr/domain';
import type { Evaluation } from '@inr/policy';

/** An event of the trainee's history, as the evaluator and the read models both hold it. */
interface HistoryItem {
  id: string;
  type: string;
  data: unknown;
}

const field = (event: HistoryItem, name: string): unknown =>
  typeof event.data === 'object' && event.data !== null
    ? (event.data as Record<string, unknown>)[name]
    : undefined;

/** Fields naming someone who vouched for an event: supervised, signed, assessed, recorded it. */
const VOUCHERS = ['supervisorId', 'signerId', 'assessorId', 'recordedBy', 'recognisedBy'];
const INSTITUTIONS: Record<string, string> = {
  TraineeEnrolled: 'institutionId',
  TraineeTransferred: 'toInstitutionId',
  RotationDeclared: 'institutionId',
  CaseLogged: 'institutionId',
};

function named(event: HistoryItem, fields: readonly string[]): string[] {
  return fields.flatMap((f) => {
    const value = field(event, f);
    return typeof value === 'string' ? [value] : [];
  });
}

/**
 * Who may not sit on the trainee's application (docs/domain.md, "Panels and quorum"), read from
 * the history the evaluation ran on: the people behind the evidence it counted, everyone who
 * vouched for anything in the trainee's record, and the institutions the trainee trained at.
 */
export function panelConflicts(
  traineeId: string,
  history: readonly HistoryItem[],
  evaluation: Evaluation,
): PanelConflicts {
  const own = history.filter((e) => field(e, 'traineeId') === traineeId);
  const cited = new Set(
    evaluation.requirements.flatMap((r) => [...r.countedEventIds, ...r.supportingEventIds]),
  );
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
  return {
    evidenceSignerIds: sorted(
      own.filter((e) => cited.has(e.id)).flatMap((e) => named(e, VOUCHERS)),
    ),
    supervisorIds: sorted(own.flatMap((e) => named(e, VOUCHERS))),
    institutionIds: sorted(
      own.flatMap((e) => (INSTITUTIONS[e.type] ? named(e, [INSTITUTIONS[e.type]!]) : [])),
    ),
  };
}

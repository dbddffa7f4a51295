import type { CaseLogged } from '../events';

/**
 * The procedure a case belongs to. Co-operators' logs of one procedure quote the same
 * reference; a case logged without one (the first logger, or any event logged before
 * references existed) starts its own, derived from its case id so that the first logger, the
 * API answer and every audit derive the same value without storing a lookup.
 */
export function procedureRefOf(record: Pick<CaseLogged, 'caseId' | 'procedureRef'>): string {
  return record.procedureRef ?? `prc-${record.caseId}`;
}

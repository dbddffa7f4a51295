import type { CaseFilter } from '../pathway/pathway';
import type { CaseEvidence } from '../history/trainee-record';

/**
 * Whether a case counts under a filter (the date window is checked by the caller). A retracted
 * case never counts; a disputed one neither, whatever the filter: the supervisor has said it is
 * wrong. A self-attested case counts only where the filter accepts them, and then stands in for
 * a signed-off one.
 */
export function caseMatches(state: CaseEvidence, filter: Omit<CaseFilter, 'window'>): boolean {
  if (state.retracted || state.signOff === 'disputed') return false;
  // Another ledger's case counts only where the pathway says external evidence does.
  if (state.external !== undefined && filter.externalEvidence !== true) return false;
  const selfAttested = state.signOff === 'self-attested';
  if (selfAttested && filter.includeSelfAttested !== true) return false;
  if (filter.procedures && !filter.procedures.includes(state.procedure)) return false;
  if (filter.operatorRoles && !filter.operatorRoles.includes(state.operatorRole)) return false;
  if (
    filter.minSupervisionLevel !== undefined &&
    state.supervisionLevel < filter.minSupervisionLevel
  )
    return false;
  if (
    filter.signedOff !== undefined &&
    (state.signOff === 'signed-off' || selfAttested) !== filter.signedOff
  )
    return false;
  if (filter.institutionIds && !filter.institutionIds.includes(state.institutionId)) return false;
  if (filter.ruptured !== undefined) {
    if (state.external !== undefined) return false;
    const { details } = state;
    if (details.procedure !== 'aneurysm-coiling' || details.ruptured !== filter.ruptured)
      return false;
  }
  return true;
}

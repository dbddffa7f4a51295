import type { DistinctSignersRequirement } from '../../pathway/pathway';
import {
  resolveNumber,
  sortedUnique,
  type RequirementContext,
  type ResultFields,
} from '../requirement-context';

/** Counts people, not signatures: a signer who signs twice counts once, by their first sign-off. */
export function evaluateDistinctSigners(
  context: RequirementContext,
  requirement: DistinctSignersRequirement,
): ResultFields {
  const target = resolveNumber(context, requirement.count);
  const firstBySigner = new Map<string, string>();
  for (const s of context.record.competencySignOffs) {
    if (s.competencyId !== requirement.competencyId || s.signedOn > context.asOf) continue;
    if (!requirement.signerKinds.includes(s.signerKind) || firstBySigner.has(s.signerId)) continue;
    firstBySigner.set(s.signerId, s.eventId);
  }
  return {
    target,
    achieved: firstBySigner.size,
    met: firstBySigner.size >= target,
    countedEventIds: sortedUnique(firstBySigner.values()),
    supportingEventIds: [],
  };
}

import type { NumberRef, Pathway } from '../pathway/pathway';
import type { TraineeRecord } from '../history/trainee-record';
import type { RequirementResult } from './evaluation';

export interface RequirementContext {
  pathway: Pathway;
  record: TraineeRecord;
  /** The last performed date that counts; rolling windows end here. */
  asOf: string;
  /** Collects the unconfirmed parameters the current requirement reads. */
  unconfirmed: Set<string>;
}

export function resolveNumber(context: RequirementContext, ref: NumberRef): number {
  if (typeof ref !== 'string') return ref.value;
  const parameter = context.pathway.parameters[ref];
  // validatePathway guarantees the name exists; a hand-built pathway that breaks this is a bug.
  if (!parameter) throw new RangeError(`pathway ${context.pathway.id} has no parameter "${ref}"`);
  if (!parameter.confirmed) context.unconfirmed.add(ref);
  return parameter.value;
}

/**
 * UTF-16 code-unit order (the default sort of strings), never localeCompare: the same bytes on
 * every machine and in every locale.
 */
export function sortedUnique(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

export type ResultFields = Omit<
  RequirementResult,
  'id' | 'kind' | 'description' | 'unconfirmedParameters' | 'alternatives'
> &
  Partial<Pick<RequirementResult, 'alternatives'>>;

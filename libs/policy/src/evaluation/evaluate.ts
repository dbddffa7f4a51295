import { isIsoDate } from '../dates/iso-date';
import { foldTraineeRecord } from '../history/fold-trainee-record';
import type { HistoryEvent } from '../history/history-event';
import type { Pathway, Requirement } from '../pathway/pathway';
import type { Evaluation, EvaluationOptions, RequirementResult } from './evaluation';
import { EvaluationInputError } from './evaluation-input-error';
import { sortedUnique, type RequirementContext, type ResultFields } from './requirement-context';
import { evaluateAssessments } from './requirements/evaluate-assessments';
import { evaluateCases } from './requirements/evaluate-cases';
import { evaluateDistinctSigners } from './requirements/evaluate-distinct-signers';
import { evaluateDualSignOff } from './requirements/evaluate-dual-signoff';
import { evaluateMaintenance } from './requirements/evaluate-maintenance';
import { evaluateRota } from './requirements/evaluate-rota';
import { evaluateTrainingTime } from './requirements/evaluate-training-time';

function evaluateRequirement(context: RequirementContext, requirement: Requirement): ResultFields {
  switch (requirement.kind) {
    case 'cases':
      return evaluateCases(context, requirement);
    case 'assessments':
      return evaluateAssessments(context, requirement);
    case 'distinct-signers':
      return evaluateDistinctSigners(context, requirement);
    case 'dual-signoff':
      return evaluateDualSignOff(context, requirement);
    case 'training-time':
      return evaluateTrainingTime(context, requirement);
    case 'rota':
      return evaluateRota(context, requirement);
    case 'maintenance':
      return evaluateMaintenance(context, requirement);
  }
}

/**
 * Evaluates a pathway for one trainee over the ledger history the caller cut at a position.
 * Pure and deterministic: the same input gives byte-identical JSON.stringify output, whatever
 * the order of the input array. Requirements keep the pathway's order.
 */
export function evaluate(
  pathway: Pathway,
  traineeId: string,
  history: readonly HistoryEvent[],
  options: EvaluationOptions,
): Evaluation {
  if (!isIsoDate(options.evaluatedOn)) {
    throw new EvaluationInputError(
      'INVALID_EVALUATED_ON',
      `evaluatedOn is not YYYY-MM-DD: ${options.evaluatedOn}`,
    );
  }
  if (options.performedBy !== undefined && !isIsoDate(options.performedBy)) {
    throw new EvaluationInputError(
      'INVALID_PERFORMED_BY',
      `performedBy is not YYYY-MM-DD: ${options.performedBy}`,
    );
  }
  const asOf = options.performedBy ?? options.evaluatedOn;
  const record = foldTraineeRecord(traineeId, history);
  const requirements = pathway.requirements.map((requirement): RequirementResult => {
    const context: RequirementContext = { pathway, record, asOf, unconfirmed: new Set() };
    const fields = evaluateRequirement(context, requirement);
    // Fixed key order, so the serialised evaluation is the same bytes on every run.
    return {
      id: requirement.id,
      kind: requirement.kind,
      description: requirement.description,
      target: fields.target,
      achieved: fields.achieved,
      met: fields.met,
      countedEventIds: fields.countedEventIds,
      supportingEventIds: fields.supportingEventIds,
      unconfirmedParameters: sortedUnique(context.unconfirmed),
      alternatives: (fields.alternatives ?? []).map((a) => ({
        target: a.target,
        windowMonths: a.windowMonths,
        achieved: a.achieved,
        met: a.met,
      })),
    };
  });
  return {
    pathwayId: pathway.id,
    pathwayVersion: pathway.version,
    traineeId,
    evaluatedOn: options.evaluatedOn,
    performedBy: asOf,
    met: requirements.every((r) => r.met),
    requirements,
  };
}

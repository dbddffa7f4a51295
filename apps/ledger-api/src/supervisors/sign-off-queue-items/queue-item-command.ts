import type { Command, OpenRequest, TraineeState } from '@inr/domain';
import { signOffCaseCommand } from '../../cases/sign-off-case/sign-off-case.controller';
import { deterministicUuid } from '../../commands/event-ids';
import { todayUtc } from '../../shared/validators';
import type { QueueSignOffItemDto } from './sign-off-queue-items.dto';

/** What an item signs: a case, or a trainee's request; two items may not sign the same thing. */
export function itemTarget(item: QueueSignOffItemDto): string {
  return item.kind === 'case'
    ? `case:${item.caseId}`
    : `request:${item.traineeId}/${item.requestId}`;
}

/**
 * The one command an item of the queue stands for, signed by the caller. A request item
 * answers the trainee's open request (from their record); undefined when there is none
 * addressed to the caller, which the caller hears as REQUEST_NOT_OPEN.
 */
export function queueItemCommand(
  item: QueueSignOffItemDto,
  signerId: string,
  trainee: TraineeState | undefined,
  ids: { subject: string; key: string },
): Command | undefined {
  if (item.kind === 'case') return signOffCaseCommand(item.caseId ?? '', signerId, item);
  const request = openRequest(trainee, item.requestId ?? '', signerId);
  if (item.kind === 'competency-request' && request?.kind === 'competency')
    return {
      type: 'SignOffCompetency',
      traineeId: request.traineeId,
      competencyId: request.competencyId,
      signerId,
      institutionId: request.institutionId,
      requestId: request.requestId,
    };
  if (item.kind === 'assessment-request' && request?.kind === 'assessment')
    return {
      type: 'RecordAssessment',
      assessmentId: deterministicUuid(ids.subject, ids.key, 'assessment'),
      traineeId: request.traineeId,
      assessmentType: request.type,
      ...(request.procedure !== undefined && { procedure: request.procedure }),
      outcome: item.outcome ?? 'satisfactory',
      assessorId: signerId,
      performedOn: item.performedOn ?? todayUtc(),
      ...(item.comment !== undefined && { comment: item.comment }),
      requestId: request.requestId,
    };
  return undefined;
}

function openRequest(
  trainee: TraineeState | undefined,
  requestId: string,
  addresseeId: string,
): OpenRequest | undefined {
  if (trainee?.status !== 'enrolled') return undefined;
  const request = trainee.openRequests.find((r) => r.requestId === requestId);
  const addressee = request?.kind === 'assessment' ? request.assessorId : request?.signerId;
  return addressee === addresseeId ? request : undefined;
}

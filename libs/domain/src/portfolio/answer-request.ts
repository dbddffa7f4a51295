import { domainError, type DomainError } from '../shared/domain-error';
import type { OpenRequest, TraineeState } from '../trainee/trainee-state';

type Enrolled = Extract<TraineeState, { status: 'enrolled' }>;

/**
 * An answer that quotes a request (an assessment, a competency signature from the queue) must
 * answer an open request of that kind, addressed to the person answering, about the same thing.
 * No request id: an unrequested answer, as before requests existed.
 */
export function answersRequest<K extends OpenRequest['kind']>(
  state: Enrolled,
  requestId: string | undefined,
  kind: K,
  answererId: string,
  sameSubject: (request: Extract<OpenRequest, { kind: K }>) => string | undefined,
): DomainError | undefined {
  if (requestId === undefined) return undefined;
  if (state.withdrawnRequestIds?.includes(requestId))
    return domainError('REQUEST_WITHDRAWN', `The trainee withdrew request '${requestId}'.`);
  const request = state.openRequests.find((r) => r.requestId === requestId);
  const addressee = request?.kind === 'assessment' ? request.assessorId : request?.signerId;
  if (!request || request.kind !== kind || addressee !== answererId)
    return domainError(
      'REQUEST_NOT_OPEN',
      `No open ${kind} request '${requestId}' addressed to '${answererId}'.`,
    );
  const mismatch = sameSubject(request as Extract<OpenRequest, { kind: K }>);
  return mismatch === undefined
    ? undefined
    : domainError('REQUEST_MISMATCH', `The answer differs from the request: ${mismatch}.`);
}

// Shared set-up for the credential specifications (not a test file itself).
import type { DomainEvent, EventOf } from '../events';
import { initialPathwayState, evolvePathway } from '../pathway/pathway-state';
import { fold } from '../shared/decider';
import { actor, contextFor, pathwayFacts, TODAY, traineeState } from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { RecordCredentialDecision } from './credential-commands';
import { credentialDecider } from './credential-decider';

export const spec = specification(credentialDecider);
export const HASH = 'b'.repeat(64);
export const pathway = fold({ evolve: evolvePathway, initialState: initialPathwayState }, [
  {
    type: 'PolicyPublished',
    data: { pathwayId: 'rcr-mt', version: '1', contentHash: HASH, document: {} },
  },
]);
export const rcrMt = pathwayFacts({ pathwayId: 'rcr-mt', version: '1' });
export const asTrainee = contextFor(actor('trainee', 'trainee-1'), {
  trainee: traineeState(),
  pathway,
  pathways: [rcrMt],
});
export const panel = contextFor(actor('panel', 'panel-1'), { pathway });
export const admin = contextFor(actor('admin', 'admin-1'));

export const submitted: DomainEvent = {
  type: 'CredentialApplicationSubmitted',
  data: {
    applicationId: 'app-1',
    traineeId: 'trainee-1',
    pathwayId: 'rcr-mt',
    pathwayVersion: '1',
    submittedOn: TODAY,
  },
};
export const submit = {
  type: 'SubmitCredentialApplication',
  applicationId: 'app-1',
  traineeId: 'trainee-1',
  pathwayId: 'rcr-mt',
  pathwayVersion: '1',
} as const;

export function decision(
  overrides: Partial<RecordCredentialDecision> = {},
): RecordCredentialDecision {
  return {
    type: 'RecordCredentialDecision',
    applicationId: 'app-1',
    decisionId: 'd-1',
    outcome: 'granted',
    pathwayVersion: '1',
    pathwayHash: HASH,
    ledgerSize: 412,
    evidence: { leafIndexes: [3, 7, 411], digest: 'ab'.repeat(32) },
    evaluation: { met: true, requirements: [] },
    reasons: 'All requirements met.',
    panelMemberId: 'panel-1',
    ...overrides,
  };
}
export function decided(
  overrides: Partial<RecordCredentialDecision> & { concurringMemberIds?: string[] } = {},
): EventOf<'CredentialDecisionRecorded'> {
  const { concurringMemberIds, ...command } = overrides;
  const { type: _t, applicationId, conflicts: _c, ...rest } = decision(command);
  return {
    type: 'CredentialDecisionRecorded',
    data: {
      applicationId,
      traineeId: 'trainee-1',
      pathwayId: 'rcr-mt',
      decidedOn: TODAY,
      ...rest,
      ...(concurringMemberIds && { concurringMemberIds }),
    },
  };
}
export const issued: DomainEvent = {
  type: 'CredentialIssued',
  data: {
    applicationId: 'app-1',
    credentialId: 'cred-1',
    traineeId: 'trainee-1',
    pathwayId: 'rcr-mt',
    issuedOn: TODAY,
  },
};
export const life = (
  type: 'SuspendCredential' | 'ReinstateCredential' | 'RevokeCredential',
  reason = 'panel review',
) => ({ type, applicationId: 'app-1', reason }) as const;
export const suspended: DomainEvent = {
  type: 'CredentialSuspended',
  data: {
    applicationId: 'app-1',
    credentialId: 'cred-1',
    reason: 'panel review',
    suspendedOn: TODAY,
    suspendedByRole: 'panel',
  },
};
export const revoked: DomainEvent = {
  type: 'CredentialRevoked',
  data: {
    applicationId: 'app-1',
    credentialId: 'cred-1',
    reason: 'panel review',
    revokedOn: TODAY,
  },
};

import type { EventOf } from '../events';
import type { FlagCredentialForReview } from './credential-commands';
import { decided, issued, spec, submitted, suspended } from './credential.spec-fixtures';
import { actor, contextFor, TODAY } from '../testing/fixtures';

const accreditor = contextFor(actor('accreditor', 'acc-1'));
const panelMember = (id: string) => contextFor(actor('panel', id));
const flag: FlagCredentialForReview = {
  type: 'FlagCredentialForReview',
  applicationId: 'app-1',
  flagId: 'flag-1',
  decisionId: 'd-1',
  supervisorId: 'inr-1',
  revokedOn: TODAY,
  eventIds: ['case-logged-1', 'signed-off-1'],
  requirementIds: ['mt-cases'],
};
const flagged: EventOf<'CredentialFlaggedForReview'> = {
  type: 'CredentialFlaggedForReview',
  data: {
    flagId: 'flag-1',
    applicationId: 'app-1',
    decisionId: 'd-1',
    traineeId: 'trainee-1',
    cause: 'signer-revoked-for-cause',
    supervisorId: 'inr-1',
    revokedOn: TODAY,
    eventIds: ['case-logged-1', 'signed-off-1'],
    requirementIds: ['mt-cases'],
    flaggedOn: TODAY,
  },
};
const resolve = {
  type: 'ResolveCredentialReview',
  applicationId: 'app-1',
  flagId: 'flag-1',
  resolution: 'credential-stands',
  reason: 'Enough cases remain without the revoked signer.',
  panelMemberId: 'panel-1',
} as const;

describe('flagging a granted credential for review', () => {
  it('a granted decision is flagged; the credential keeps its status', () => {
    const state = spec.given([submitted, decided(), issued]).when(flag, accreditor).then([flagged]);
    expect(state.status).toBe('active');
    const held = spec.given([submitted, decided(), issued, suspended]).when(flag, accreditor);
    expect(held.then([flagged]).status).toBe('suspended');
  });

  it('only a granted decision, the one the flag names, and each flag once', () => {
    spec.given([submitted]).when(flag, accreditor).thenFails('CREDENTIAL_NOT_GRANTED');
    spec
      .given([submitted, decided({ outcome: 'refused', reasons: 'Too few.' })])
      .when(flag, accreditor)
      .thenFails('CREDENTIAL_NOT_GRANTED');
    spec
      .given([submitted, decided()])
      .when({ ...flag, decisionId: 'd-9' }, accreditor)
      .thenFails('REVIEW_FLAG_DECISION_MISMATCH');
    spec
      .given([submitted, decided(), flagged])
      .when(flag, accreditor)
      .thenFails('REVIEW_FLAG_ALREADY_RECORDED');
  });

  it('a panel member cannot flag; flags follow a revocation', () => {
    spec
      .given([submitted, decided()])
      .when(flag, panelMember('panel-1'))
      .thenFails('ROLE_NOT_PERMITTED');
  });
});

describe('resolving a review flag', () => {
  it('a panel member resolves an open flag with a reason', () => {
    const resolved: EventOf<'CredentialReviewResolved'> = {
      type: 'CredentialReviewResolved',
      data: {
        flagId: 'flag-1',
        applicationId: 'app-1',
        decisionId: 'd-1',
        traineeId: 'trainee-1',
        resolution: 'credential-stands',
        reason: resolve.reason,
        panelMemberId: 'panel-1',
        resolvedOn: TODAY,
      },
    };
    const state = spec
      .given([submitted, decided(), issued, flagged])
      .when(resolve, panelMember('panel-1'))
      .then([resolved]);
    expect(state.status).toBe('active');
    spec
      .given([submitted, decided(), issued, flagged, resolved])
      .when(resolve, panelMember('panel-1'))
      .thenFails('REVIEW_ALREADY_RESOLVED');
  });

  it('the flag must exist, the revoked signer may not resolve it, and a reason is needed', () => {
    spec
      .given([submitted, decided()])
      .when(resolve, panelMember('panel-1'))
      .thenFails('REVIEW_FLAG_NOT_FOUND');
    spec
      .given([submitted, decided(), flagged])
      .when({ ...resolve, panelMemberId: 'inr-1' }, panelMember('inr-1'))
      .thenFails('PANEL_MEMBER_SIGNED_EVIDENCE');
    spec
      .given([submitted, decided(), flagged])
      .when({ ...resolve, reason: ' ' }, panelMember('panel-1'))
      .thenFails('REASON_REQUIRED');
  });
});

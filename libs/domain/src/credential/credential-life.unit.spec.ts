import type { DomainEvent } from '../events';
import { actor, contextFor, TODAY } from '../testing/fixtures';
import {
  admin,
  asTrainee,
  decided,
  issued,
  life,
  panel,
  revoked,
  spec,
  submitted,
  suspended,
} from './credential.spec-fixtures';

describe("a credential's life", () => {
  const issue = {
    type: 'IssueCredential',
    applicationId: 'app-1',
    credentialId: 'cred-1',
  } as const;

  it('a credential is issued only after a granted decision, and once', () => {
    spec.given([submitted, decided()]).when(issue, admin).then([issued]);
    spec.given([submitted]).when(issue, admin).thenFails('CREDENTIAL_NOT_GRANTED');
    spec
      .given([submitted, decided({ outcome: 'refused' })])
      .when(issue, admin)
      .thenFails('CREDENTIAL_NOT_GRANTED');
    spec
      .given([submitted, decided(), issued])
      .when(issue, admin)
      .thenFails('CREDENTIAL_ALREADY_ISSUED');
  });

  it('an issued credential is suspended, then reinstated, each with a reason', () => {
    spec
      .given([submitted, decided(), issued])
      .when(life('SuspendCredential'), panel)
      .then([suspended]);
    spec
      .given([submitted, decided(), issued])
      .when(life('SuspendCredential', ''), panel)
      .thenFails('REASON_REQUIRED');
    spec
      .given([submitted, decided(), issued, suspended])
      .when(life('ReinstateCredential'), panel)
      .then([
        {
          type: 'CredentialReinstated',
          data: {
            applicationId: 'app-1',
            credentialId: 'cred-1',
            reason: 'panel review',
            reinstatedOn: TODAY,
          },
        },
      ]);
    spec
      .given([submitted, decided(), issued])
      .when(life('ReinstateCredential'), panel)
      .thenFails('CREDENTIAL_NOT_SUSPENDED');
  });

  it('a suspended or active credential may be revoked, with a reason', () => {
    spec
      .given([submitted, decided(), issued, suspended])
      .when(life('RevokeCredential'), panel)
      .then([revoked]);
    spec
      .given([submitted, decided(), issued])
      .when(life('RevokeCredential'), panel)
      .then([revoked]);
    spec
      .given([submitted, decided(), issued])
      .when(life('RevokeCredential', ''), panel)
      .thenFails('REASON_REQUIRED');
  });

  it('revocation is final', () => {
    const gone = [submitted, decided(), issued, revoked];
    spec.given(gone).when(life('ReinstateCredential'), panel).thenFails('CREDENTIAL_REVOKED');
    spec.given(gone).when(life('SuspendCredential'), panel).thenFails('CREDENTIAL_REVOKED');
    spec.given(gone).when(life('RevokeCredential'), panel).thenFails('CREDENTIAL_REVOKED');
  });

  it('a credential not yet issued cannot be suspended or revoked', () => {
    spec
      .given([submitted, decided()])
      .when(life('SuspendCredential'), panel)
      .thenFails('CREDENTIAL_NOT_ACTIVE');
    spec
      .given([submitted, decided()])
      .when(life('RevokeCredential'), panel)
      .thenFails('CREDENTIAL_NOT_ACTIVE');
  });

  it('a trainee cannot suspend or issue credentials', () => {
    spec
      .given([submitted, decided(), issued])
      .when(life('SuspendCredential'), asTrainee)
      .thenFails('ROLE_NOT_PERMITTED');
  });
});

describe("finding 5: a regulator's suspension", () => {
  const byRegulator: DomainEvent = {
    type: 'CredentialSuspended',
    data: {
      applicationId: 'app-1',
      credentialId: 'cred-1',
      reason: 'panel review',
      suspendedOn: TODAY,
      suspendedByRole: 'regulator',
    },
  };

  it('is recorded with the role that suspended the credential', () => {
    spec
      .given([submitted, decided(), issued])
      .when(life('SuspendCredential'), contextFor(actor('regulator', 'reg-1')))
      .then([byRegulator]);
  });

  it('is lifted by a regulator only, not by the panel or an admin', () => {
    for (const who of [actor('panel', 'pnl-1'), actor('admin', 'adm-1')])
      spec
        .given([submitted, decided(), issued, byRegulator])
        .when(life('ReinstateCredential'), contextFor(who))
        .thenFails('REGULATOR_SUSPENSION');
    spec
      .given([submitted, decided(), issued, byRegulator])
      .when(life('ReinstateCredential'), contextFor(actor('regulator', 'reg-2')))
      .then([
        {
          type: 'CredentialReinstated',
          data: {
            applicationId: 'app-1',
            credentialId: 'cred-1',
            reason: 'panel review',
            reinstatedOn: TODAY,
          },
        },
      ]);
  });
});

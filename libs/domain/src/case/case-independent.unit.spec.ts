import type { DomainEvent } from '../events';
import type { HeldCredential } from '../credential/held-credential';
import { heldCredentials } from '../credential/held-credential';
import { actor, caseLogged, contextFor, supervisorState, traineeState } from '../testing/fixtures';
import { logCase, signOff, spec, trainee } from './case.spec-fixtures';

// Independent operators (docs/domain.md, "Independent operators"): after credentialing, an
// operator logs their own cases without naming a supervisor; nobody signs such a case.
const credential = (overrides: Partial<HeldCredential> = {}): HeldCredential => ({
  credentialId: 'cred-1',
  pathwayId: 'rcr-gmc-mt-credential',
  issuedOn: '2026-01-05',
  status: 'active',
  ...overrides,
});
const asOperator = (credentials: HeldCredential[] = [credential()]) =>
  contextFor(trainee, { trainee: traineeState(), credentials });
const { supervisorId: _s, ...supervised } = logCase({
  operatorRole: 'primary-independent',
  supervisionLevel: 4,
});
const independent = { ...supervised, selfAttested: true as const };
const selfAttested: DomainEvent = {
  type: 'CaseLogged',
  data: (() => {
    const { supervisorId: _n, ...data } = caseLogged({
      operatorRole: 'primary-independent',
      supervisionLevel: 4,
      selfAttested: true,
    }).data;
    return data;
  })(),
};

describe('independent operators log cases without a supervisor', () => {
  it('a credentialed operator logs a case with no supervisor; the event says it is self-attested', () => {
    spec.given().when(independent, asOperator()).then([selfAttested]);
  });

  it('without a credential, a case without a supervisor is refused with a code naming the rule', () => {
    spec.given().when(independent, asOperator([])).thenFails('NOT_AN_INDEPENDENT_OPERATOR');
  });

  it('the credential must be active and issued by the day of the case', () => {
    for (const held of [
      credential({ status: 'suspended' }),
      credential({ status: 'revoked' }),
      credential({ issuedOn: '2026-02-15' }), // the case was performed on 2026-02-14
    ]) {
      spec
        .given()
        .when(independent, asOperator([held]))
        .thenFails('NOT_AN_INDEPENDENT_OPERATOR');
    }
  });

  it('only an independent primary operator attests their own case', () => {
    spec
      .given()
      .when(
        { ...independent, operatorRole: 'primary-supervised', supervisionLevel: 3 },
        asOperator(),
      )
      .thenFails('SELF_ATTESTED_CASE_NOT_INDEPENDENT');
  });

  it('a self-attested case names no supervisor', () => {
    spec
      .given()
      .when({ ...independent, supervisorId: 'inr-1' }, asOperator())
      .thenFails('SELF_ATTESTED_CASE_NAMES_SUPERVISOR');
  });

  it('a case that is neither self-attested nor names a supervisor is refused', () => {
    spec.given().when(supervised, asOperator()).thenFails('SUPERVISOR_REQUIRED');
  });

  it('an operator may still name themselves nowhere: naming oneself as supervisor stays refused', () => {
    spec
      .given()
      .when({ ...supervised, supervisorId: 'trainee-1' }, asOperator())
      .thenFails('INVALID_VALUE');
  });

  it('nobody signs off or disputes a self-attested case', () => {
    const asInr = contextFor(actor('supervisor', 'inr-1'), { supervisor: supervisorState() });
    spec.given([selfAttested]).when(signOff, asInr).thenFails('CASE_SELF_ATTESTED');
    spec
      .given([selfAttested])
      .when(
        { type: 'DisputeCaseSignOff', caseId: 'case-1', supervisorId: 'inr-1', reason: 'r' },
        asInr,
      )
      .thenFails('CASE_SELF_ATTESTED');
  });

  it('an amendment cannot add a supervisor to a self-attested case', () => {
    spec
      .given([selfAttested])
      .when(
        { type: 'AmendCase', caseId: 'case-1', changes: { supervisorId: 'inr-1' }, reason: 'r' },
        asOperator(),
      )
      .thenFails('SELF_ATTESTED_CASE_NAMES_SUPERVISOR');
  });
});

describe('the credentials a trainee holds', () => {
  it('follow issue, suspension, reinstatement and revocation', () => {
    const ids = { applicationId: 'app-1', credentialId: 'cred-1' };
    const issued: DomainEvent = {
      type: 'CredentialIssued',
      data: { ...ids, traineeId: 'trainee-1', pathwayId: 'p', issuedOn: '2026-01-05' },
    };
    const suspended: DomainEvent = {
      type: 'CredentialSuspended',
      data: { ...ids, reason: 'r', suspendedOn: '2026-02-01' },
    };
    const reinstated: DomainEvent = {
      type: 'CredentialReinstated',
      data: { ...ids, reason: 'r', reinstatedOn: '2026-02-10' },
    };
    const revoked: DomainEvent = {
      type: 'CredentialRevoked',
      data: { ...ids, reason: 'r', revokedOn: '2026-03-01' },
    };
    const status = (events: DomainEvent[]) => heldCredentials(events).map((c) => c.status);
    expect(status([issued])).toEqual(['active']);
    expect(status([issued, suspended])).toEqual(['suspended']);
    expect(status([issued, suspended, reinstated])).toEqual(['active']);
    expect(status([issued, suspended, reinstated, revoked])).toEqual(['revoked']);
    expect(status([issued, revoked, reinstated])).toEqual(['revoked']);
  });
});

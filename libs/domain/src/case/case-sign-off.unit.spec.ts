import type { DomainEvent } from '../events';
import { actor, contextFor, supervisorAccredited, supervisorState } from '../testing/fixtures';
import { asSupervisor, inr, logged, signOff, signedOff, spec } from './case.spec-fixtures';

describe('signing off a case', () => {
  it('an accredited supervisor signs off a case, dated today', () => {
    spec.given([logged]).when(signOff, asSupervisor).then([signedOff]);
  });

  it('a trainee cannot sign off their own case, even one who is also an accredited supervisor', () => {
    const self = contextFor(actor('supervisor', 'trainee-1'), {
      supervisor: supervisorState([supervisorAccredited({ supervisorId: 'trainee-1' })]),
    });
    spec
      .given([logged])
      .when({ ...signOff, supervisorId: 'trainee-1' }, self)
      .thenFails('CANNOT_SIGN_OWN_CASE');
  });

  it('nobody signs in another supervisor’s name', () => {
    spec
      .given([logged])
      .when(signOff, contextFor(actor('supervisor', 'inr-2'), { supervisor: supervisorState() }))
      .thenFails('ACTOR_MISMATCH');
  });

  it('a supervisor never accredited cannot sign', () => {
    spec
      .given([logged])
      .when(signOff, contextFor(inr))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('the accreditation must hold on the day the case was performed', () => {
    const lateAccreditation = supervisorState([supervisorAccredited({ validFrom: '2026-02-15' })]);
    spec
      .given([logged])
      .when(signOff, contextFor(inr, { supervisor: lateAccreditation }))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
    const expired = supervisorState([supervisorAccredited({ validUntil: '2026-02-13' })]);
    spec
      .given([logged])
      .when(signOff, contextFor(inr, { supervisor: expired }))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('a revoked supervisor signs nothing afterwards, not even earlier cases', () => {
    const revoked = supervisorState([
      supervisorAccredited(),
      {
        type: 'SupervisorAccreditationRevoked',
        data: { supervisorId: 'inr-1', revokedOn: '2026-03-01', reason: 'r' },
      },
    ]);
    spec
      .given([logged])
      .when(signOff, contextFor(inr, { supervisor: revoked }))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('the accreditation must cover the procedure', () => {
    const coilingOnly = supervisorState([
      supervisorAccredited({ procedures: ['aneurysm-coiling'] }),
    ]);
    spec
      .given([logged])
      .when(signOff, contextFor(inr, { supervisor: coilingOnly }))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_FOR_PROCEDURE');
  });

  it('supervisors sign cases only at institutions where they are accredited', () => {
    const elsewhere = supervisorState([supervisorAccredited({ institutionIds: ['inst-south'] })]);
    spec
      .given([logged])
      .when(signOff, contextFor(inr, { supervisor: elsewhere }))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_AT_INSTITUTION');
  });

  it('a case is signed off once', () => {
    spec
      .given([logged, signedOff])
      .when(signOff, asSupervisor)
      .thenFails('CASE_ALREADY_SIGNED_OFF');
  });

  it('a case never logged cannot be signed', () => {
    spec.given().when(signOff, asSupervisor).thenFails('CASE_NOT_FOUND');
  });

  it('a sign-off comment is kept, and checked for patient identifiers', () => {
    spec
      .given([logged])
      .when({ ...signOff, comment: 'well done' }, asSupervisor)
      .then([{ ...signedOff, data: { ...signedOff.data, comment: 'well done' } } as DomainEvent]);
    spec
      .given([logged])
      .when({ ...signOff, comment: 'MRN 12345678' }, asSupervisor)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
  });
});

import type { CaseLogged, DomainEvent } from '../events';
import {
  actor,
  caseLogged,
  contextFor,
  supervisorAccredited,
  supervisorState,
  TODAY,
  traineeEnrolled,
  traineeState,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { LogCase } from './case-commands';
import { caseDecider } from './case-decider';
import { caseCounts } from './case-state';

const spec = specification(caseDecider);
const trainee = actor('trainee', 'trainee-1');
const inr = actor('supervisor', 'inr-1');
const logged = caseLogged();
const asTrainee = contextFor(trainee, { trainee: traineeState() });
const asSupervisor = contextFor(inr, { supervisor: supervisorState() });

function logCase(overrides: Partial<CaseLogged> = {}): LogCase {
  return { type: 'LogCase', ...caseLogged(overrides).data };
}
const signedOff: DomainEvent = {
  type: 'CaseSignedOff',
  data: { caseId: 'case-1', traineeId: 'trainee-1', supervisorId: 'inr-1', signedOn: TODAY },
};
const signOff = { type: 'SignOffCase', caseId: 'case-1', supervisorId: 'inr-1' } as const;

describe('logging a case', () => {
  it('a trainee logs a case they performed', () => {
    spec.given().when(logCase(), asTrainee).then([logged]);
  });

  it('a case is logged once', () => {
    spec.given([logged]).when(logCase(), asTrainee).thenFails('CASE_ALREADY_LOGGED');
  });

  it('only the trainee themself logs their cases', () => {
    spec.given().when(logCase(), contextFor(actor('trainee', 'trainee-2'), { trainee: traineeState() })).thenFails('NOT_CASE_OWNER');
    spec.given().when(logCase(), contextFor(inr, { trainee: traineeState() })).thenFails('ROLE_NOT_PERMITTED');
  });

  it('a trainee who is not enrolled cannot log a case', () => {
    spec.given().when(logCase(), contextFor(trainee)).thenFails('TRAINEE_NOT_ENROLLED');
  });

  it("a case's performed date is not in the future", () => {
    spec.given().when(logCase({ performedOn: '2026-03-11' }), asTrainee).thenFails('PERFORMED_DATE_IN_FUTURE');
    spec.given().when(logCase({ performedOn: TODAY }), asTrainee).then([caseLogged({ performedOn: TODAY })]);
  });

  it("a case's performed date is not before enrolment", () => {
    spec.given().when(logCase({ performedOn: '2025-08-31' }), asTrainee).thenFails('PERFORMED_BEFORE_ENROLMENT');
  });

  it('a performed date must be a real calendar date', () => {
    spec.given().when(logCase({ performedOn: '2026-02-30' }), asTrainee).thenFails('INVALID_DATE');
  });

  it("the details must describe the case's procedure", () => {
    spec.given().when(logCase({ procedure: 'aneurysm-coiling' }), asTrainee).thenFails('CASE_DETAILS_MISMATCH');
  });

  it('an observer at supervision level 1 is a consistent record', () => {
    const observed = { operatorRole: 'observer', supervisionLevel: 1 } as const;
    spec.given().when(logCase(observed), asTrainee).then([caseLogged(observed)]);
  });

  it('an independent primary operator must have been unsupervised (level 4 or above)', () => {
    spec
      .given()
      .when(logCase({ operatorRole: 'primary-independent', supervisionLevel: 3 }), asTrainee)
      .thenFails('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
    const independent = { operatorRole: 'primary-independent', supervisionLevel: 4 } as const;
    spec.given().when(logCase(independent), asTrainee).then([caseLogged(independent)]);
  });

  it('a case carrying an NHS number in its notes is rejected', () => {
    const error = spec
      .given()
      .when(logCase({ notes: 'pt 943 476 5919 transferred in' }), asTrainee)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
    expect(error.message).toContain("'notes'");
  });

  it('a ten-digit local reference with a bad check digit is allowed', () => {
    spec.given().when(logCase({ localRef: '9434765918' }), asTrainee).then([caseLogged({ localRef: '9434765918' })]);
  });
});

describe('signing off a case', () => {
  it('an accredited supervisor signs off a case, dated today', () => {
    spec.given([logged]).when(signOff, asSupervisor).then([signedOff]);
  });

  it('a trainee cannot sign off their own case, even one who is also an accredited supervisor', () => {
    const self = contextFor(actor('supervisor', 'trainee-1'), {
      supervisor: supervisorState([supervisorAccredited({ supervisorId: 'trainee-1' })]),
    });
    spec.given([logged]).when({ ...signOff, supervisorId: 'trainee-1' }, self).thenFails('CANNOT_SIGN_OWN_CASE');
  });

  it('nobody signs in another supervisor’s name', () => {
    spec.given([logged]).when(signOff, contextFor(actor('supervisor', 'inr-2'), { supervisor: supervisorState() })).thenFails('ACTOR_MISMATCH');
  });

  it('a supervisor never accredited cannot sign', () => {
    spec.given([logged]).when(signOff, contextFor(inr)).thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('the accreditation must hold on the day the case was performed', () => {
    const lateAccreditation = supervisorState([supervisorAccredited({ validFrom: '2026-02-15' })]);
    spec.given([logged]).when(signOff, contextFor(inr, { supervisor: lateAccreditation })).thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
    const expired = supervisorState([supervisorAccredited({ validUntil: '2026-02-13' })]);
    spec.given([logged]).when(signOff, contextFor(inr, { supervisor: expired })).thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('a revoked supervisor signs nothing afterwards, not even earlier cases', () => {
    const revoked = supervisorState([
      supervisorAccredited(),
      { type: 'SupervisorAccreditationRevoked', data: { supervisorId: 'inr-1', revokedOn: '2026-03-01', reason: 'r' } },
    ]);
    spec.given([logged]).when(signOff, contextFor(inr, { supervisor: revoked })).thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('the accreditation must cover the procedure', () => {
    const coilingOnly = supervisorState([supervisorAccredited({ procedures: ['aneurysm-coiling'] })]);
    spec.given([logged]).when(signOff, contextFor(inr, { supervisor: coilingOnly })).thenFails('SUPERVISOR_NOT_ACCREDITED_FOR_PROCEDURE');
  });

  it('supervisors sign cases only at institutions where they are accredited', () => {
    const elsewhere = supervisorState([supervisorAccredited({ institutionIds: ['inst-south'] })]);
    spec.given([logged]).when(signOff, contextFor(inr, { supervisor: elsewhere })).thenFails('SUPERVISOR_NOT_ACCREDITED_AT_INSTITUTION');
  });

  it('a case is signed off once', () => {
    spec.given([logged, signedOff]).when(signOff, asSupervisor).thenFails('CASE_ALREADY_SIGNED_OFF');
  });

  it('a case never logged cannot be signed', () => {
    spec.given().when(signOff, asSupervisor).thenFails('CASE_NOT_FOUND');
  });

  it('a sign-off comment is kept, and checked for patient identifiers', () => {
    spec
      .given([logged])
      .when({ ...signOff, comment: 'well done' }, asSupervisor)
      .then([{ ...signedOff, data: { ...signedOff.data, comment: 'well done' } } as DomainEvent]);
    spec.given([logged]).when({ ...signOff, comment: 'MRN 12345678' }, asSupervisor).thenFails('PATIENT_IDENTIFIER_REJECTED');
  });
});

describe('retracting, amending and disputing a case', () => {
  const retracted: DomainEvent = { type: 'CaseRetracted', data: { caseId: 'case-1', traineeId: 'trainee-1', reason: 'duplicate' } };
  const amend = { type: 'AmendCase', caseId: 'case-1', changes: { supervisionLevel: 3 }, reason: 'level misrecorded' } as const;

  it('a trainee retracts their case with a reason', () => {
    spec.given([logged]).when({ type: 'RetractCase', caseId: 'case-1', reason: 'duplicate' }, asTrainee).then([retracted]);
    spec.given([logged]).when({ type: 'RetractCase', caseId: 'case-1', reason: ' ' }, asTrainee).thenFails('REASON_REQUIRED');
  });

  it('a retracted case cannot be signed off, amended, retracted again or counted', () => {
    spec.given([logged, retracted]).when(signOff, asSupervisor).thenFails('CASE_RETRACTED');
    spec.given([logged, retracted]).when(amend, asTrainee).thenFails('CASE_RETRACTED');
    spec.given([logged, retracted]).when({ type: 'RetractCase', caseId: 'case-1', reason: 'again' }, asTrainee).thenFails('CASE_RETRACTED');
    const state = spec.given([logged]).when({ type: 'RetractCase', caseId: 'case-1', reason: 'duplicate' }, asTrainee).then([retracted]);
    expect(caseCounts(state)).toBe(false);
  });

  it('amending a waiting case does not claim to withdraw a sign-off', () => {
    spec.given([logged]).when(amend, asTrainee).then([
      { type: 'CaseAmended', data: { caseId: 'case-1', traineeId: 'trainee-1', changes: { supervisionLevel: 3 }, reason: 'level misrecorded', signOffWithdrawn: false } },
    ]);
  });

  it('amending a signed-off case withdraws the sign-off until it is signed again', () => {
    const amended: DomainEvent = {
      type: 'CaseAmended',
      data: { caseId: 'case-1', traineeId: 'trainee-1', changes: { supervisionLevel: 3 }, reason: 'level misrecorded', signOffWithdrawn: true },
    };
    const state = spec.given([logged, signedOff]).when(amend, asTrainee).then([amended]);
    expect(state.status === 'logged' && state.signOff.status).toBe('awaiting');
    spec.given([logged, signedOff, amended]).when(signOff, asSupervisor).then([signedOff]);
  });

  it('an amendment needs a reason, must change something and keeps the record consistent', () => {
    spec.given([logged]).when({ ...amend, reason: '' }, asTrainee).thenFails('REASON_REQUIRED');
    spec.given([logged]).when({ ...amend, changes: { supervisionLevel: 2 } }, asTrainee).thenFails('NOTHING_TO_AMEND');
    spec.given([logged]).when({ ...amend, changes: { performedOn: '2027-01-01' } }, asTrainee).thenFails('PERFORMED_DATE_IN_FUTURE');
    spec.given([logged]).when({ ...amend, changes: { operatorRole: 'primary-independent' } }, asTrainee).thenFails('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
  });

  it('only the trainee who logged it amends a case', () => {
    spec.given([logged]).when(amend, contextFor(actor('trainee', 'trainee-2'), { trainee: traineeState() })).thenFails('NOT_CASE_OWNER');
  });

  it('disputing a sign-off needs a reason', () => {
    const dispute = { type: 'DisputeCaseSignOff', caseId: 'case-1', supervisorId: 'inr-1', reason: '' } as const;
    spec.given([logged]).when(dispute, asSupervisor).thenFails('REASON_REQUIRED');
    spec.given([logged]).when({ ...dispute, reason: 'I was not in the room' }, contextFor(inr)).then([
      { type: 'CaseSignOffDisputed', data: { caseId: 'case-1', traineeId: 'trainee-1', supervisorId: 'inr-1', reason: 'I was not in the room' } },
    ]);
  });

  it('another supervisor may dispute only if they could have signed it', () => {
    const dispute = { type: 'DisputeCaseSignOff', caseId: 'case-1', supervisorId: 'inr-2', reason: 'passes misrecorded' } as const;
    spec.given([logged]).when(dispute, contextFor(actor('supervisor', 'inr-2'))).thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('a disputed case, once amended, can be signed off', () => {
    const disputed: DomainEvent = { type: 'CaseSignOffDisputed', data: { caseId: 'case-1', traineeId: 'trainee-1', supervisorId: 'inr-1', reason: 'level wrong' } };
    const amended: DomainEvent = { type: 'CaseAmended', data: { caseId: 'case-1', traineeId: 'trainee-1', changes: { supervisionLevel: 3 }, reason: 'fixed', signOffWithdrawn: false } };
    spec.given([logged, disputed]).when(amend, asTrainee).then([{ ...amended, data: { ...amended.data, reason: 'level misrecorded' } } as DomainEvent]);
    spec.given([logged, disputed, amended]).when(signOff, asSupervisor).then([signedOff]);
  });

  it('a signed-off case is corrected by amendment, not disputed', () => {
    spec.given([logged, signedOff]).when({ type: 'DisputeCaseSignOff', caseId: 'case-1', supervisorId: 'inr-1', reason: 'x' }, asSupervisor).thenFails('CASE_ALREADY_SIGNED_OFF');
  });

  it('a trainee enrolled later than an amended date cannot move the case before enrolment', () => {
    const lateTrainee = contextFor(trainee, { trainee: traineeState([traineeEnrolled({ enrolledOn: '2026-02-01' })]) });
    spec.given([logged]).when({ ...amend, changes: { performedOn: '2026-01-15' } }, lateTrainee).thenFails('PERFORMED_BEFORE_ENROLMENT');
  });
});

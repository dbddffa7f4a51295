import type { DomainEvent } from '../events';
import {
  actor,
  caseLogged,
  contextFor,
  TODAY,
  traineeEnrolled,
  traineeState,
} from '../testing/fixtures';
import {
  asSupervisor,
  asTrainee,
  inr,
  logCase,
  logged,
  signOff,
  signedOff,
  spec,
  trainee,
} from './case.spec-fixtures';
import { caseCounts } from './case-state';

describe('logging a case', () => {
  it('a trainee logs a case they performed', () => {
    spec.given().when(logCase(), asTrainee).then([logged]);
  });

  it('a case is logged once', () => {
    spec.given([logged]).when(logCase(), asTrainee).thenFails('CASE_ALREADY_LOGGED');
  });

  it('only the trainee themself logs their cases', () => {
    spec
      .given()
      .when(logCase(), contextFor(actor('trainee', 'trainee-2'), { trainee: traineeState() }))
      .thenFails('NOT_CASE_OWNER');
    spec
      .given()
      .when(logCase(), contextFor(inr, { trainee: traineeState() }))
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('a trainee who is not enrolled cannot log a case', () => {
    spec.given().when(logCase(), contextFor(trainee)).thenFails('TRAINEE_NOT_ENROLLED');
  });

  it("a case's performed date is not in the future", () => {
    spec
      .given()
      .when(logCase({ performedOn: '2026-03-11' }), asTrainee)
      .thenFails('PERFORMED_DATE_IN_FUTURE');
    const today = {
      performedOn: TODAY,
      details: { ...logged.data.details, times: { arrival: `${TODAY}T08:00` } },
    } as const;
    spec
      .given()
      .when(logCase(today), asTrainee)
      .then([caseLogged(today)]);
  });

  it("a case's performed date is not before enrolment", () => {
    spec
      .given()
      .when(logCase({ performedOn: '2025-08-31' }), asTrainee)
      .thenFails('PERFORMED_BEFORE_ENROLMENT');
  });

  it('a performed date must be a real calendar date', () => {
    spec
      .given()
      .when(logCase({ performedOn: '2026-02-30' }), asTrainee)
      .thenFails('INVALID_DATE');
  });

  it("the details must describe the case's procedure", () => {
    spec
      .given()
      .when(logCase({ procedure: 'aneurysm-coiling' }), asTrainee)
      .thenFails('CASE_DETAILS_MISMATCH');
  });

  it('an observer at supervision level 1 is a consistent record', () => {
    const observed = { operatorRole: 'observer', supervisionLevel: 1 } as const;
    spec
      .given()
      .when(logCase(observed), asTrainee)
      .then([caseLogged(observed)]);
  });

  it('an independent primary operator must have been unsupervised (level 4 or above)', () => {
    spec
      .given()
      .when(logCase({ operatorRole: 'primary-independent', supervisionLevel: 3 }), asTrainee)
      .thenFails('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
    const independent = { operatorRole: 'primary-independent', supervisionLevel: 4 } as const;
    spec
      .given()
      .when(logCase(independent), asTrainee)
      .then([caseLogged(independent)]);
  });

  it('a case carrying an NHS number in its notes is rejected', () => {
    const error = spec
      .given()
      .when(logCase({ notes: 'pt 943 476 5919 transferred in' }), asTrainee)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
    expect(error.message).toContain("'notes'");
  });

  it('a ten-digit local reference with a bad check digit is allowed', () => {
    spec
      .given()
      .when(logCase({ localRef: '9434765918' }), asTrainee)
      .then([caseLogged({ localRef: '9434765918' })]);
  });
});

describe('retracting, amending and disputing a case', () => {
  const retracted: DomainEvent = {
    type: 'CaseRetracted',
    data: { caseId: 'case-1', traineeId: 'trainee-1', reason: 'duplicate' },
  };
  const amend = {
    type: 'AmendCase',
    caseId: 'case-1',
    changes: { supervisionLevel: 3 },
    reason: 'level misrecorded',
  } as const;

  it('a trainee retracts their case with a reason', () => {
    spec
      .given([logged])
      .when({ type: 'RetractCase', caseId: 'case-1', reason: 'duplicate' }, asTrainee)
      .then([retracted]);
    spec
      .given([logged])
      .when({ type: 'RetractCase', caseId: 'case-1', reason: ' ' }, asTrainee)
      .thenFails('REASON_REQUIRED');
  });

  it('a retracted case cannot be signed off, amended, retracted again or counted', () => {
    spec.given([logged, retracted]).when(signOff, asSupervisor).thenFails('CASE_RETRACTED');
    spec.given([logged, retracted]).when(amend, asTrainee).thenFails('CASE_RETRACTED');
    spec
      .given([logged, retracted])
      .when({ type: 'RetractCase', caseId: 'case-1', reason: 'again' }, asTrainee)
      .thenFails('CASE_RETRACTED');
    const state = spec
      .given([logged])
      .when({ type: 'RetractCase', caseId: 'case-1', reason: 'duplicate' }, asTrainee)
      .then([retracted]);
    expect(caseCounts(state)).toBe(false);
  });

  it('amending a waiting case does not claim to withdraw a sign-off', () => {
    spec
      .given([logged])
      .when(amend, asTrainee)
      .then([
        {
          type: 'CaseAmended',
          data: {
            caseId: 'case-1',
            traineeId: 'trainee-1',
            changes: { supervisionLevel: 3 },
            reason: 'level misrecorded',
            signOffWithdrawn: false,
          },
        },
      ]);
  });

  it('amending a signed-off case withdraws the sign-off until it is signed again', () => {
    const amended: DomainEvent = {
      type: 'CaseAmended',
      data: {
        caseId: 'case-1',
        traineeId: 'trainee-1',
        changes: { supervisionLevel: 3 },
        reason: 'level misrecorded',
        signOffWithdrawn: true,
      },
    };
    const state = spec.given([logged, signedOff]).when(amend, asTrainee).then([amended]);
    expect(state.status === 'logged' && state.signOff.status).toBe('awaiting');
    spec.given([logged, signedOff, amended]).when(signOff, asSupervisor).then([signedOff]);
  });

  it('an amendment needs a reason, must change something and keeps the record consistent', () => {
    spec
      .given([logged])
      .when({ ...amend, reason: '' }, asTrainee)
      .thenFails('REASON_REQUIRED');
    spec
      .given([logged])
      .when({ ...amend, changes: { supervisionLevel: 2 } }, asTrainee)
      .thenFails('NOTHING_TO_AMEND');
    spec
      .given([logged])
      .when({ ...amend, changes: { performedOn: '2027-01-01' } }, asTrainee)
      .thenFails('PERFORMED_DATE_IN_FUTURE');
    spec
      .given([logged])
      .when({ ...amend, changes: { operatorRole: 'primary-independent' } }, asTrainee)
      .thenFails('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
  });

  it('only the trainee who logged it amends a case', () => {
    spec
      .given([logged])
      .when(amend, contextFor(actor('trainee', 'trainee-2'), { trainee: traineeState() }))
      .thenFails('NOT_CASE_OWNER');
  });

  it('disputing a sign-off needs a reason', () => {
    const dispute = {
      type: 'DisputeCaseSignOff',
      caseId: 'case-1',
      supervisorId: 'inr-1',
      reason: '',
    } as const;
    spec.given([logged]).when(dispute, asSupervisor).thenFails('REASON_REQUIRED');
    spec
      .given([logged])
      .when({ ...dispute, reason: 'I was not in the room' }, contextFor(inr))
      .then([
        {
          type: 'CaseSignOffDisputed',
          data: {
            caseId: 'case-1',
            traineeId: 'trainee-1',
            supervisorId: 'inr-1',
            reason: 'I was not in the room',
          },
        },
      ]);
  });

  it('another supervisor may dispute only if they could have signed it', () => {
    const dispute = {
      type: 'DisputeCaseSignOff',
      caseId: 'case-1',
      supervisorId: 'inr-2',
      reason: 'passes misrecorded',
    } as const;
    spec
      .given([logged])
      .when(dispute, contextFor(actor('supervisor', 'inr-2')))
      .thenFails('SUPERVISOR_NOT_ACCREDITED_ON_DATE');
  });

  it('a disputed case, once amended, can be signed off', () => {
    const disputed: DomainEvent = {
      type: 'CaseSignOffDisputed',
      data: {
        caseId: 'case-1',
        traineeId: 'trainee-1',
        supervisorId: 'inr-1',
        reason: 'level wrong',
      },
    };
    const amended: DomainEvent = {
      type: 'CaseAmended',
      data: {
        caseId: 'case-1',
        traineeId: 'trainee-1',
        changes: { supervisionLevel: 3 },
        reason: 'fixed',
        signOffWithdrawn: false,
      },
    };
    spec
      .given([logged, disputed])
      .when(amend, asTrainee)
      .then([
        { ...amended, data: { ...amended.data, reason: 'level misrecorded' } } as DomainEvent,
      ]);
    spec.given([logged, disputed, amended]).when(signOff, asSupervisor).then([signedOff]);
  });

  it('a signed-off case is corrected by amendment, not disputed', () => {
    spec
      .given([logged, signedOff])
      .when(
        { type: 'DisputeCaseSignOff', caseId: 'case-1', supervisorId: 'inr-1', reason: 'x' },
        asSupervisor,
      )
      .thenFails('CASE_ALREADY_SIGNED_OFF');
  });

  it('a trainee enrolled later than an amended date cannot move the case before enrolment', () => {
    const lateTrainee = contextFor(trainee, {
      trainee: traineeState([traineeEnrolled({ enrolledOn: '2026-02-01' })]),
    });
    spec
      .given([logged])
      .when({ ...amend, changes: { performedOn: '2026-01-15' } }, lateTrainee)
      .thenFails('PERFORMED_BEFORE_ENROLMENT');
  });
});

import type { DomainEvent } from '../events';
import {
  actor,
  contextFor,
  pathwayFacts,
  supervisorState,
  traineeEnrolled,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { RecordAssessment } from './trainee-commands';
import { traineeDecider } from './trainee-decider';

const spec = specification(traineeDecider);
const admin = contextFor(actor('admin', 'admin-1'), { pathways: [pathwayFacts()] });
const enrolled = traineeEnrolled();
const enrol = { type: 'EnrolTrainee', ...enrolled.data } as const;

describe('enrolling and transferring a trainee', () => {
  it('an administrator enrols a trainee', () => {
    spec.given().when(enrol, admin).then([enrolled]);
  });

  it('enrolment on a pathway that is not published (nor shipped) is refused', () => {
    spec
      .given()
      .when({ ...enrol, pathwayIds: ['rcr-mt-credential', 'no-such-pathway'] }, admin)
      .thenFails('PATHWAY_NOT_PUBLISHED');
    spec
      .given()
      .when(enrol, contextFor(actor('admin', 'admin-1')))
      .thenFails('PATHWAY_NOT_PUBLISHED');
  });

  it("a trainee outside a pathway's eligibility is refused with the rule that excludes them", () => {
    const consultantIr = contextFor(actor('admin', 'admin-1'), {
      pathways: [
        pathwayFacts({
          eligibility: {
            specialties: ['interventional-radiology', 'radiology'],
            stages: ['consultant', 'post-CCT'],
          },
        }),
      ],
    });
    spec
      .given()
      .when({ ...enrol, specialty: 'neurology', stage: 'ST6' }, consultantIr)
      .thenFails('NOT_ELIGIBLE_SPECIALTY');
    spec
      .given()
      .when({ ...enrol, stage: 'ST4' }, consultantIr)
      .thenFails('NOT_ELIGIBLE_STAGE');
    spec
      .given()
      .when({ ...enrol, stage: 'Post-CCT' }, consultantIr)
      .then([traineeEnrolled({ stage: 'Post-CCT' })]);
  });

  it('a trainee is enrolled once', () => {
    spec.given([enrolled]).when(enrol, admin).thenFails('TRAINEE_ALREADY_ENROLLED');
  });

  it('a trainee cannot enrol themselves', () => {
    spec
      .given()
      .when(enrol, contextFor(actor('trainee', 'trainee-1')))
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('enrolment is not dated in the future and uses the known specialties', () => {
    spec
      .given()
      .when({ ...enrol, enrolledOn: '2026-04-01' }, admin)
      .thenFails('DATE_IN_FUTURE');
    spec
      .given()
      .when({ ...enrol, specialty: 'stroke' as never }, admin)
      .thenFails('INVALID_VALUE');
  });

  it('a trainee transfers to another institution', () => {
    const transfer = {
      type: 'TransferTrainee',
      traineeId: 'trainee-1',
      toInstitutionId: 'inst-south',
      transferredOn: '2026-01-05',
    } as const;
    spec
      .given([enrolled])
      .when(transfer, admin)
      .then([
        {
          type: 'TraineeTransferred',
          data: {
            traineeId: 'trainee-1',
            fromInstitutionId: 'inst-north',
            toInstitutionId: 'inst-south',
            transferredOn: '2026-01-05',
          },
        },
      ]);
    spec
      .given([enrolled])
      .when({ ...transfer, toInstitutionId: 'inst-north' }, admin)
      .thenFails('TRANSFER_TO_SAME_INSTITUTION');
    spec
      .given([enrolled])
      .when({ ...transfer, transferredOn: '2025-01-01' }, admin)
      .thenFails('DATE_BEFORE_ENROLMENT');
    spec.given().when(transfer, admin).thenFails('TRAINEE_NOT_ENROLLED');
  });
});

describe('assessments, rota and training time', () => {
  const assessor = contextFor(actor('supervisor', 'inr-1'), { supervisor: supervisorState() });
  const record: RecordAssessment = {
    type: 'RecordAssessment',
    assessmentId: 'a-1',
    traineeId: 'trainee-1',
    assessmentType: 'Rad-DOPS',
    procedure: 'mechanical-thrombectomy',
    outcome: 'satisfactory',
    assessorId: 'inr-1',
    performedOn: '2026-02-20',
  };
  const recorded: DomainEvent = {
    type: 'AssessmentRecorded',
    data: {
      assessmentId: 'a-1',
      traineeId: 'trainee-1',
      type: 'Rad-DOPS',
      procedure: 'mechanical-thrombectomy',
      outcome: 'satisfactory',
      assessorId: 'inr-1',
      performedOn: '2026-02-20',
    },
  };

  it('a supervisor records a workplace-based assessment', () => {
    spec.given([enrolled]).when(record, assessor).then([recorded]);
  });

  it('an assessment is recorded once, by the assessor named, never by the trainee on themselves', () => {
    spec
      .given([enrolled, recorded])
      .when(record, assessor)
      .thenFails('ASSESSMENT_ALREADY_RECORDED');
    spec
      .given([enrolled])
      .when(record, contextFor(actor('supervisor', 'inr-2')))
      .thenFails('ACTOR_MISMATCH');
    spec
      .given([enrolled])
      .when({ ...record, assessorId: 'trainee-1' }, contextFor(actor('supervisor', 'trainee-1')))
      .thenFails('SELF_ASSESSMENT_NOT_ALLOWED');
  });

  it('an assessment is not dated in the future or before enrolment', () => {
    spec
      .given([enrolled])
      .when({ ...record, performedOn: '2026-03-11' }, assessor)
      .thenFails('DATE_IN_FUTURE');
    spec
      .given([enrolled])
      .when({ ...record, performedOn: '2025-08-01' }, assessor)
      .thenFails('DATE_BEFORE_ENROLMENT');
  });

  it('rota participation covers a past period with at least one shift', () => {
    const rota = {
      type: 'RecordRotaParticipation',
      traineeId: 'trainee-1',
      institutionId: 'inst-north',
      from: '2026-01-01',
      to: '2026-01-31',
      shifts: 6,
      recordedBy: 'admin-1',
    } as const;
    const { type: _t, recordedBy: _r, ...data } = rota;
    spec
      .given([enrolled])
      .when(rota, admin)
      .then([{ type: 'RotaParticipationRecorded', data }]);
    spec
      .given([enrolled])
      .when({ ...rota, shifts: 0 }, admin)
      .thenFails('INVALID_VALUE');
    spec
      .given([enrolled])
      .when({ ...rota, from: '2026-02-01' }, admin)
      .thenFails('INVALID_PERIOD');
    spec
      .given([enrolled])
      .when({ ...rota, to: '2026-03-31' }, admin)
      .thenFails('DATE_IN_FUTURE');
  });

  const time = {
    type: 'RecogniseTrainingTime',
    traineeId: 'trainee-1',
    setting: 'diagnostic-neuroradiology',
    months: 6,
    from: '2024-01-01',
    to: '2024-06-30',
    recognisedBy: 'md-1',
    sourceInstitution: 'Leeds General Infirmary',
    programme: 'RCR clinical radiology (Yorkshire)',
    evidenceRef: 'ARCP outcome letter 2024-07',
  } as const;
  const { type: _t, ...data } = time;
  const md = contextFor(actor('medical-director', 'md-1'));
  it('training time from before enrolment (another college, another site) can be recognised', () => {
    spec
      .given([enrolled])
      .when(time, md)
      .then([{ type: 'TrainingTimeRecognised', data }]);
    spec
      .given([enrolled])
      .when({ ...time, months: 0 }, md)
      .thenFails('INVALID_VALUE');
    spec
      .given([enrolled])
      .when({ ...time, recognisedBy: 'md-2' }, md)
      .thenFails('ACTOR_MISMATCH');
  });

  it('recognised months cannot exceed the period: 24 months for two days is refused', () => {
    const twoDays = { ...time, months: 24, from: '2024-03-01', to: '2024-03-02' };
    spec.given([enrolled]).when(twoDays, md).thenFails('MONTHS_EXCEED_PERIOD');
    spec
      .given([enrolled])
      .when({ ...time, months: 6.5 }, md)
      .thenFails('MONTHS_EXCEED_PERIOD');
    const half = { ...time, months: 3 };
    const { type: _h, ...halfData } = half;
    spec
      .given([enrolled])
      .when(half, md)
      .then([{ type: 'TrainingTimeRecognised', data: halfData }]);
  });

  it('a recognition records where, under which college or programme, and on what evidence', () => {
    for (const field of ['sourceInstitution', 'programme', 'evidenceRef'] as const) {
      spec
        .given([enrolled])
        .when({ ...time, [field]: ' ' }, md)
        .thenFails('TRAINING_TIME_SOURCE_REQUIRED');
    }
  });

  it("time resting on a standing recognition of another ledger's bundle records which bundle", () => {
    const recognition = {
      recognitionId: 'rec-1',
      origin: 'trust-a.example/inr-ledger',
      bundleHash: 'ab'.repeat(32),
    };
    const recognised = {
      type: 'ExternalEvidenceRecognised' as const,
      data: {
        traineeId: 'trainee-1',
        ...recognition,
        checkpoint: { size: 40, root: 'cm9vdA==' },
        foreignTraineeId: 'tr-1',
        scope: { kind: 'all' as const },
        leaves: [],
        cases: [],
        sourceInstitutions: [],
        recognisedBy: 'pnl-1',
        recognisedOn: '2025-06-01',
        reason: 'Moved from trust A',
      },
    };
    const withdrawn = {
      type: 'ExternalEvidenceRecognitionWithdrawn' as const,
      data: {
        traineeId: 'trainee-1',
        recognitionId: 'rec-1',
        withdrawnBy: 'pnl-1',
        withdrawnOn: '2025-06-02',
        reason: 'Under review',
      },
    };
    spec
      .given([enrolled, recognised])
      .when({ ...time, recognitionId: 'rec-1' }, md)
      .then([{ type: 'TrainingTimeRecognised', data: { ...data, restsOn: recognition } }]);
    spec
      .given([enrolled])
      .when({ ...time, recognitionId: 'rec-1' }, md)
      .thenFails('RECOGNITION_NOT_FOUND');
    spec
      .given([enrolled, recognised, withdrawn])
      .when({ ...time, recognitionId: 'rec-1' }, md)
      .thenFails('RECOGNITION_NOT_FOUND');
  });

  it('assessment comments are checked for patient identifiers', () => {
    spec
      .given([enrolled])
      .when({ ...record, comment: 'date of birth 01/02/1960' }, assessor)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
  });
});

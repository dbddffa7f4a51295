import type { DomainEvent } from '../events';
import {
  actor,
  contextFor,
  pathwayFacts,
  supervisorAccredited,
  supervisorState,
  TODAY,
  traineeEnrolled,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import { traineeDecider } from '../trainee/trainee-decider';
import type {
  RequestAssessment,
  RequestCompetencySignOff,
  ShareReflection,
  WriteReflection,
} from './portfolio-commands';
import { portfolioDecider } from './portfolio-decider';

const spec = specification(portfolioDecider);
const traineeSpec = specification(traineeDecider);
const enrolled = traineeEnrolled();
const trainee = actor('trainee', 'trainee-1');
const inr = actor('supervisor', 'inr-1');
const withAssessor = contextFor(trainee, { supervisor: supervisorState() });

const request: RequestAssessment = {
  type: 'RequestAssessment',
  traineeId: 'trainee-1',
  requestId: 'req-1',
  assessorId: 'inr-1',
  assessmentType: 'Rad-DOPS',
  procedure: 'mechanical-thrombectomy',
  note: 'The M2 case on Tuesday',
};
const requested: DomainEvent = {
  type: 'AssessmentRequested',
  data: {
    requestId: 'req-1',
    traineeId: 'trainee-1',
    assessorId: 'inr-1',
    institutionId: 'inst-north',
    type: 'Rad-DOPS',
    procedure: 'mechanical-thrombectomy',
    requestedOn: TODAY,
    note: 'The M2 case on Tuesday',
  },
};

describe('a trainee requests an assessment from a named assessor', () => {
  it('records the request, dated today; it is open until the assessor answers it', () => {
    const state = spec.given([enrolled]).when(request, withAssessor).then([requested]);
    expect(state.status === 'enrolled' && state.openRequests.map((r) => r.requestId)).toEqual([
      'req-1',
    ]);
  });

  it('only the trainee asks, for themself', () => {
    spec
      .given([enrolled])
      .when(request, contextFor(actor('trainee', 'trainee-2'), { supervisor: supervisorState() }))
      .thenFails('ACTOR_MISMATCH');
    spec.given([enrolled]).when(request, contextFor(inr)).thenFails('ROLE_NOT_PERMITTED');
  });

  it('refuses an assessor not accredited where the trainee trains, and a reused request id', () => {
    const elsewhere = supervisorState([supervisorAccredited({ institutionIds: ['inst-south'] })]);
    spec
      .given([enrolled])
      .when(request, contextFor(trainee, { supervisor: elsewhere }))
      .thenFails('ASSESSOR_NOT_ACCREDITED');
    spec.given([enrolled, requested]).when(request, withAssessor).thenFails('REQUEST_ALREADY_MADE');
  });

  it('refuses a patient identifier in the note', () => {
    spec
      .given([enrolled])
      .when({ ...request, note: 'NHS 943 476 5919' }, withAssessor)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
  });

  it('the named assessor completes it from their queue: the assessment quotes the request and closes it', () => {
    const record = {
      type: 'RecordAssessment',
      assessmentId: 'asm-1',
      traineeId: 'trainee-1',
      assessmentType: 'Rad-DOPS',
      outcome: 'satisfactory',
      assessorId: 'inr-1',
      performedOn: '2026-03-09',
      requestId: 'req-1',
    } as const;
    const asAssessor = contextFor(inr, { supervisor: supervisorState() });
    const state = traineeSpec
      .given([enrolled, requested])
      .when(record, asAssessor)
      .then([
        {
          type: 'AssessmentRecorded',
          data: {
            assessmentId: 'asm-1',
            traineeId: 'trainee-1',
            type: 'Rad-DOPS',
            outcome: 'satisfactory',
            assessorId: 'inr-1',
            performedOn: '2026-03-09',
            requestId: 'req-1',
          },
        },
      ]);
    expect(state.status === 'enrolled' && state.openRequests).toEqual([]);
    // Answered once: the request is closed.
    traineeSpec
      .given([
        enrolled,
        requested,
        { type: 'AssessmentRecorded', data: { ...record, type: 'Rad-DOPS' } } as DomainEvent,
      ])
      .when({ ...record, assessmentId: 'asm-2' }, asAssessor)
      .thenFails('REQUEST_NOT_OPEN');
    // Another kind of assessment does not answer it.
    traineeSpec
      .given([enrolled, requested])
      .when({ ...record, assessmentType: 'CbD' }, asAssessor)
      .thenFails('REQUEST_MISMATCH');
  });

  it('another assessor cannot answer a request addressed to someone else', () => {
    const other = supervisorState([
      supervisorAccredited({ supervisorId: 'inr-2', gmcNumber: '7099999' }),
    ]);
    traineeSpec
      .given([enrolled, requested])
      .when(
        {
          type: 'RecordAssessment',
          assessmentId: 'asm-1',
          traineeId: 'trainee-1',
          assessmentType: 'Rad-DOPS',
          outcome: 'satisfactory',
          assessorId: 'inr-2',
          performedOn: '2026-03-09',
          requestId: 'req-1',
        },
        contextFor(actor('supervisor', 'inr-2'), { supervisor: other }),
      )
      .thenFails('REQUEST_NOT_OPEN');
  });
});

describe('a trainee requests a competency sign-off', () => {
  const ask: RequestCompetencySignOff = {
    type: 'RequestCompetencySignOff',
    traineeId: 'trainee-1',
    requestId: 'req-c',
    competencyId: 'mt-core-skills',
    signerId: 'inr-1',
    institutionId: 'inst-north',
  };
  const context = contextFor(trainee, {
    supervisor: supervisorState(),
    pathways: [pathwayFacts()],
  });
  const asked: DomainEvent = {
    type: 'CompetencySignOffRequested',
    data: {
      requestId: 'req-c',
      traineeId: 'trainee-1',
      competencyId: 'mt-core-skills',
      signerId: 'inr-1',
      institutionId: 'inst-north',
      requestedOn: TODAY,
    },
  };

  it('records the request; the signer answers it by signing', () => {
    spec.given([enrolled]).when(ask, context).then([asked]);
    const state = traineeSpec
      .given([enrolled, asked])
      .when(
        {
          type: 'SignOffCompetency',
          traineeId: 'trainee-1',
          competencyId: 'mt-core-skills',
          signerId: 'inr-1',
          institutionId: 'inst-north',
          requestId: 'req-c',
        },
        contextFor(inr, { supervisor: supervisorState(), pathways: [pathwayFacts()] }),
      )
      .then([
        {
          type: 'CompetencySignedOff',
          data: {
            traineeId: 'trainee-1',
            competencyId: 'mt-core-skills',
            signerId: 'inr-1',
            signerKind: 'INR',
            institutionId: 'inst-north',
            signedOn: TODAY,
            requestId: 'req-c',
          },
        },
      ]);
    expect(state.status === 'enrolled' && state.openRequests).toEqual([]);
  });

  it('refuses a competency no pathway of the trainee has, and a signer not accredited there', () => {
    spec
      .given([enrolled])
      .when({ ...ask, competencyId: 'juggling' }, context)
      .thenFails('COMPETENCY_NOT_IN_PATHWAY');
    spec
      .given([enrolled])
      .when(ask, { ...context, supervisor: undefined })
      .thenFails('SIGNER_NOT_ACCREDITED_AT_INSTITUTION');
  });
});

describe('reflections', () => {
  const write: WriteReflection = {
    type: 'WriteReflection',
    traineeId: 'trainee-1',
    reflectionId: 'ref-1',
    title: 'A failed first pass',
    text: 'I chose the aspiration catheter too small; next time I will size it to the vessel.',
    sharedWith: { supervisorIds: ['inr-2', 'inr-1', 'inr-1'], panel: false },
  };
  const written: DomainEvent = {
    type: 'ReflectionWritten',
    data: {
      reflectionId: 'ref-1',
      authorId: 'trainee-1',
      writtenOn: TODAY,
      title: write.title,
      text: write.text,
      sharedWith: { supervisorIds: ['inr-1', 'inr-2'], panel: false },
    },
  };
  const asTrainee = contextFor(trainee);

  it('a trainee writes a reflection, shared with the supervisors they name (each once)', () => {
    spec.given([enrolled]).when(write, asTrainee).then([written]);
  });

  it('sharing changes who may read it; the same sharing again changes nothing', () => {
    const share: ShareReflection = {
      type: 'ShareReflection',
      traineeId: 'trainee-1',
      reflectionId: 'ref-1',
      sharedWith: { supervisorIds: [], panel: true },
    };
    const state = spec
      .given([enrolled, written])
      .when(share, asTrainee)
      .then([
        {
          type: 'ReflectionSharingChanged',
          data: {
            reflectionId: 'ref-1',
            authorId: 'trainee-1',
            changedOn: TODAY,
            sharedWith: { supervisorIds: [], panel: true },
          },
        },
      ]);
    expect(state.status === 'enrolled' && state.reflections['ref-1']).toEqual({
      supervisorIds: [],
      panel: true,
    });
    spec
      .given([enrolled, written])
      .when(
        { ...share, sharedWith: { supervisorIds: ['inr-2', 'inr-1'], panel: false } },
        asTrainee,
      )
      .thenFails('SHARING_UNCHANGED');
    spec.given([enrolled]).when(share, asTrainee).thenFails('REFLECTION_NOT_FOUND');
  });

  it('refuses an empty text, a reused id, sharing with oneself and a patient identifier', () => {
    spec
      .given([enrolled])
      .when({ ...write, text: '  ' }, asTrainee)
      .thenFails('INVALID_VALUE');
    spec.given([enrolled, written]).when(write, asTrainee).thenFails('REFLECTION_ALREADY_WRITTEN');
    spec
      .given([enrolled])
      .when({ ...write, sharedWith: { supervisorIds: ['trainee-1'], panel: false } }, asTrainee)
      .thenFails('INVALID_VALUE');
    spec
      .given([enrolled])
      .when({ ...write, text: 'Patient DOB 01/02/1950 had a hard ICA' }, asTrainee)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
  });
});

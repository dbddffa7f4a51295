import type { DomainEvent } from '../events';
import {
  actor,
  contextFor,
  pathwayFacts,
  supervisorState,
  TODAY,
  traineeEnrolled,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import { traineeDecider } from '../trainee/trainee-decider';
import type { WithdrawRequest } from './portfolio-commands';
import { portfolioDecider } from './portfolio-decider';

const spec = specification(portfolioDecider);
const traineeSpec = specification(traineeDecider);
const enrolled = traineeEnrolled();
const trainee = contextFor(actor('trainee', 'trainee-1'));
const inr = contextFor(actor('supervisor', 'inr-1'), {
  supervisor: supervisorState(),
  pathways: [pathwayFacts()],
});

const requested: DomainEvent = {
  type: 'AssessmentRequested',
  data: {
    requestId: 'req-1',
    traineeId: 'trainee-1',
    assessorId: 'inr-1',
    institutionId: 'inst-north',
    type: 'Rad-DOPS',
    requestedOn: TODAY,
  },
};
const askedToSign: DomainEvent = {
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
const withdraw: WithdrawRequest = {
  type: 'WithdrawRequest',
  traineeId: 'trainee-1',
  requestId: 'req-1',
  reason: 'Asked the wrong assessor',
};
const withdrawn: DomainEvent = {
  type: 'RequestWithdrawn',
  data: {
    requestId: 'req-1',
    traineeId: 'trainee-1',
    kind: 'assessment',
    addresseeId: 'inr-1',
    withdrawnOn: TODAY,
    reason: 'Asked the wrong assessor',
  },
};
const assessment = {
  type: 'RecordAssessment',
  assessmentId: 'asm-1',
  traineeId: 'trainee-1',
  assessmentType: 'Rad-DOPS',
  outcome: 'satisfactory',
  assessorId: 'inr-1',
  performedOn: '2026-03-09',
  requestId: 'req-1',
} as const;

describe('a trainee withdraws a request still waiting in a queue', () => {
  it('records the withdrawal, naming the kind and the person asked; the request is no longer open', () => {
    const state = spec.given([enrolled, requested]).when(withdraw, trainee).then([withdrawn]);
    expect(state.status === 'enrolled' && state.openRequests).toEqual([]);
    const { reason: _reason, ...bare } = withdraw;
    const { reason: _r, ...data } = withdrawn.data as unknown as Record<string, unknown>;
    spec
      .given([enrolled, requested])
      .when(bare, trainee)
      .then([{ type: 'RequestWithdrawn', data } as unknown as DomainEvent]);
  });

  it('withdraws a competency sign-off request too', () => {
    spec
      .given([enrolled, askedToSign])
      .when({ type: 'WithdrawRequest', traineeId: 'trainee-1', requestId: 'req-c' }, trainee)
      .then([
        {
          type: 'RequestWithdrawn',
          data: {
            requestId: 'req-c',
            traineeId: 'trainee-1',
            kind: 'competency',
            addresseeId: 'inr-1',
            withdrawnOn: TODAY,
          },
        },
      ]);
  });

  it('only the trainee who asked withdraws it', () => {
    spec
      .given([enrolled, requested])
      .when(withdraw, contextFor(actor('trainee', 'trainee-2')))
      .thenFails('ACTOR_MISMATCH');
    spec.given([enrolled, requested]).when(withdraw, inr).thenFails('ROLE_NOT_PERMITTED');
  });

  it('refuses an unknown, an answered and an already withdrawn request, and an empty reason', () => {
    spec.given([enrolled]).when(withdraw, trainee).thenFails('REQUEST_NOT_FOUND');
    const answered: DomainEvent = {
      type: 'AssessmentRecorded',
      data: { ...assessment, type: 'Rad-DOPS' },
    } as DomainEvent;
    spec
      .given([enrolled, requested, answered])
      .when(withdraw, trainee)
      .thenFails('REQUEST_NOT_OPEN');
    spec
      .given([enrolled, requested, withdrawn])
      .when(withdraw, trainee)
      .thenFails('REQUEST_WITHDRAWN');
    spec
      .given([enrolled, requested])
      .when({ ...withdraw, reason: ' ' }, trainee)
      .thenFails('REASON_REQUIRED');
  });

  it('refuses a patient identifier in the reason', () => {
    spec
      .given([enrolled, requested])
      .when({ ...withdraw, reason: 'NHS 943 476 5919' }, trainee)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
  });

  it('the person asked can no longer answer it: REQUEST_WITHDRAWN', () => {
    traineeSpec
      .given([enrolled, requested, withdrawn])
      .when(assessment, inr)
      .thenFails('REQUEST_WITHDRAWN');
    traineeSpec
      .given([
        enrolled,
        askedToSign,
        {
          type: 'RequestWithdrawn',
          data: { ...(withdrawn.data as object), requestId: 'req-c', kind: 'competency' },
        } as DomainEvent,
      ])
      .when(
        {
          type: 'SignOffCompetency',
          traineeId: 'trainee-1',
          competencyId: 'mt-core-skills',
          signerId: 'inr-1',
          institutionId: 'inst-north',
          requestId: 'req-c',
        },
        inr,
      )
      .thenFails('REQUEST_WITHDRAWN');
  });
});

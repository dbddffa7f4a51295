import {
  actor,
  contextFor,
  pathwayFacts,
  traineeEnrolled,
  traineeState,
} from '../testing/fixtures';
import {
  asTrainee,
  decided,
  decision,
  panel,
  pathway,
  spec,
  submit,
  submitted,
} from './credential.spec-fixtures';

describe('applying for a credential', () => {
  it('an enrolled trainee applies against a published pathway version', () => {
    spec.given().when(submit, asTrainee).then([submitted]);
  });

  it("an application outside the pathway's eligibility is refused with the rule's code", () => {
    const consultantIrOnly = pathwayFacts({
      pathwayId: 'rcr-mt',
      eligibility: { specialties: ['interventional-radiology'], stages: ['consultant'] },
    });
    const neurologyST6 = contextFor(actor('trainee', 'trainee-1'), {
      trainee: traineeState([traineeEnrolled({ specialty: 'neurology', stage: 'ST6' })]),
      pathway,
      pathways: [consultantIrOnly],
    });
    spec.given().when(submit, neurologyST6).thenFails('NOT_ELIGIBLE_SPECIALTY');
    const irST6 = contextFor(actor('trainee', 'trainee-1'), {
      trainee: traineeState([traineeEnrolled({ stage: 'ST6' })]),
      pathway,
      pathways: [consultantIrOnly],
    });
    spec.given().when(submit, irST6).thenFails('NOT_ELIGIBLE_STAGE');
  });

  it('the pathway version must be published', () => {
    spec
      .given()
      .when({ ...submit, pathwayVersion: '2' }, asTrainee)
      .thenFails('PATHWAY_VERSION_NOT_PUBLISHED');
  });

  it('a trainee applies only for themself, once, and only when enrolled', () => {
    spec
      .given()
      .when({ ...submit, traineeId: 'trainee-2' }, asTrainee)
      .thenFails('ACTOR_MISMATCH');
    spec.given([submitted]).when(submit, asTrainee).thenFails('APPLICATION_ALREADY_SUBMITTED');
    spec
      .given()
      .when(submit, contextFor(actor('trainee', 'trainee-1'), { pathway }))
      .thenFails('TRAINEE_NOT_ENROLLED');
  });
});

describe('recording a credential decision', () => {
  it('a panel member records a decision citing the pathway version, hash, ledger size and evaluation', () => {
    spec.given([submitted]).when(decision(), panel).then([decided()]);
  });

  it('only an actor with the panel role records a decision', () => {
    spec
      .given([submitted])
      .when(decision(), contextFor(actor('medical-director', 'panel-1'), { pathway }))
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('granting against an unmet evaluation needs an override reason, which is recorded', () => {
    const unmet = { evaluation: { met: false } };
    spec.given([submitted]).when(decision(unmet), panel).thenFails('OVERRIDE_REASON_REQUIRED');
    spec
      .given([submitted])
      .when(decision({ ...unmet, overrideReason: '  ' }), panel)
      .thenFails('OVERRIDE_REASON_REQUIRED');
    const override = {
      ...unmet,
      overrideReason: 'Equivalent experience abroad, verified by the panel.',
    };
    spec
      .given([submitted])
      .when(decision(override), panel)
      .then([decided(override)]);
  });

  it('an override reason on any other decision is refused rather than silently kept', () => {
    spec
      .given([submitted])
      .when(decision({ overrideReason: 'x' }), panel)
      .thenFails('OVERRIDE_NOT_APPLICABLE');
  });

  it('refusing against an unmet evaluation needs no override', () => {
    const refusal = {
      outcome: 'refused',
      evaluation: { met: false },
      reasons: 'Too few cases.',
    } as const;
    spec
      .given([submitted])
      .when(decision(refusal), panel)
      .then([decided(refusal)]);
  });

  it('one decision per application; a deferral may be followed by another decision', () => {
    spec
      .given([submitted, decided()])
      .when(decision({ decisionId: 'd-2' }), panel)
      .thenFails('DECISION_ALREADY_RECORDED');
    const deferred = decided({ outcome: 'deferred', reasons: 'Await two more sign-offs.' });
    spec
      .given([submitted, deferred])
      .when(decision({ decisionId: 'd-2' }), panel)
      .then([decided({ decisionId: 'd-2' })]);
  });

  it('the decision cites the version applied for, with its published hash', () => {
    spec
      .given([submitted])
      .when(decision({ pathwayVersion: '2' }), panel)
      .thenFails('DECISION_PATHWAY_MISMATCH');
    spec
      .given([submitted])
      .when(decision({ pathwayHash: 'c'.repeat(64) }), panel)
      .thenFails('PATHWAY_HASH_MISMATCH');
    spec
      .given([submitted])
      .when(decision(), contextFor(actor('panel', 'panel-1')))
      .thenFails('PATHWAY_VERSION_NOT_PUBLISHED');
  });

  it('the ledger size, evaluation and reasons must be present', () => {
    spec
      .given([submitted])
      .when(decision({ ledgerSize: 0 }), panel)
      .thenFails('INVALID_LEDGER_SIZE');
    spec
      .given([submitted])
      .when(decision({ evaluation: { requirements: [] } }), panel)
      .thenFails('EVALUATION_MALFORMED');
    spec
      .given([submitted])
      .when(decision({ reasons: '' }), panel)
      .thenFails('REASON_REQUIRED');
  });

  it('nobody decides their own application, or signs as another panel member', () => {
    const selfPanel = contextFor(actor('panel', 'trainee-1'), { pathway });
    spec
      .given([submitted])
      .when(decision({ panelMemberId: 'trainee-1' }), selfPanel)
      .thenFails('CANNOT_DECIDE_OWN_APPLICATION');
    spec
      .given([submitted])
      .when(decision({ panelMemberId: 'panel-2' }), panel)
      .thenFails('ACTOR_MISMATCH');
  });

  it('a decision needs an application', () => {
    spec.given().when(decision(), panel).thenFails('APPLICATION_NOT_FOUND');
  });
});

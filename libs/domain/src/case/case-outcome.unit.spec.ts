import type { DomainEvent, ProcedureOutcome } from '../events';
import { actor, caseLogged, contextFor } from '../testing/fixtures';
import { asSupervisor, asTrainee, logged, signOff, signedOff, spec } from './case.spec-fixtures';

const auditor = contextFor(actor('trust-auditor', 'aud-1'));
const record = (outcome: ProcedureOutcome) =>
  ({ type: 'RecordCaseOutcome', caseId: 'case-1', outcome }) as const;
const recorded = (outcome: ProcedureOutcome): DomainEvent => ({
  type: 'CaseOutcomeRecorded',
  data: { caseId: 'case-1', traineeId: 'trainee-1', procedureRef: 'prc-case-1', outcome },
});
const sich = { sichOn24hScan: true, sichDefinition: 'SITS-MOST' } as const;

describe('a procedure reference', () => {
  it('the first logger gets one derived from the case; a co-operator quotes it', () => {
    const { procedureRef: _none, ...unreferenced } = caseLogged().data;
    spec
      .given()
      .when({ type: 'LogCase', ...unreferenced }, asTrainee)
      .then([caseLogged({ procedureRef: 'prc-case-1' })]);
    spec
      .given()
      .when({ type: 'LogCase', ...caseLogged({ procedureRef: 'prc-other' }).data }, asTrainee)
      .then([caseLogged({ procedureRef: 'prc-other' })]);
  });
});

describe('recording a follow-up outcome', () => {
  it('the audit role records a 24 h sICH, and the sign-off stays in place', () => {
    const state = spec
      .given([logged, signedOff])
      .when(record(sich), auditor)
      .then([recorded(sich)]);
    expect(state.status === 'logged' && state.signOff.status).toBe('signed-off');
    // ...and the signed case is not reopened: it cannot be signed again.
    spec
      .given([logged, signedOff, recorded(sich)])
      .when(signOff, asSupervisor)
      .thenFails('CASE_ALREADY_SIGNED_OFF');
  });

  it('the operating trainee records what they know; an observer cannot', () => {
    spec
      .given([logged])
      .when(record({ ivThrombolysis: true }), asTrainee)
      .then([recorded({ ivThrombolysis: true })]);
    const observed = caseLogged({ operatorRole: 'observer', supervisionLevel: 1 });
    spec
      .given([observed])
      .when(record({ ivThrombolysis: true }), asTrainee)
      .thenFails('OBSERVER_CANNOT_RECORD_OUTCOME');
  });

  it('a supervisor is not a role that records outcomes', () => {
    spec
      .given([logged])
      .when(record({ mrsAt90Days: 2 }), asSupervisor)
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('an sICH result names its definition, and may be given in two follow-ups', () => {
    spec
      .given([logged])
      .when(record({ sichOn24hScan: false }), auditor)
      .thenFails('INVALID_OUTCOME');
    spec
      .given([logged, recorded({ sichOn24hScan: false, sichDefinition: 'ECASS-II' })])
      .when(record({ sichOn24hScan: true }), auditor)
      .then([recorded({ sichOn24hScan: true })]);
  });

  it('values are in range and consistent with what is already known', () => {
    spec
      .given([logged])
      .when(record({ nihssOnArrival: 43 }), auditor)
      .thenFails('INVALID_OUTCOME');
    spec
      .given([logged])
      .when(record({ mrsAt90Days: 2.5 }), auditor)
      .thenFails('INVALID_OUTCOME');
    spec
      .given([logged, recorded({ mrsAt90Days: 6 })])
      .when(record({ diedWithin90Days: false }), auditor)
      .thenFails('INVALID_OUTCOME');
    spec
      .given([logged])
      .when(record({ doorInDoorOutMinutes: 80 }), auditor)
      .thenFails('INVALID_OUTCOME');
    spec
      .given([logged])
      .when(record({ transferredIn: true, doorInDoorOutMinutes: 80 }), auditor)
      .then([recorded({ transferredIn: true, doorInDoorOutMinutes: 80 })]);
    spec.given([logged]).when(record({}), auditor).thenFails('INVALID_OUTCOME');
  });

  it('outcomes are for thrombectomies, on cases that stand', () => {
    const angio = caseLogged({
      procedure: 'diagnostic-angiography',
      details: {
        procedure: 'diagnostic-angiography',
        indication: 'aneurysm follow-up',
        consentObtained: true,
        diagnosticSuccess: true,
        neurologicalComplication: 'none',
        accessSiteComplications: [],
      },
    });
    spec
      .given([angio])
      .when(record({ mrsAt90Days: 1 }), auditor)
      .thenFails('OUTCOME_NOT_APPLICABLE');
    const retracted: DomainEvent = {
      type: 'CaseRetracted',
      data: { caseId: 'case-1', traineeId: 'trainee-1', reason: 'duplicate' },
    };
    spec
      .given([logged, retracted])
      .when(record({ mrsAt90Days: 1 }), auditor)
      .thenFails('CASE_RETRACTED');
  });
});

import type { DomainEvent } from '../events';
import { TODAY } from '../testing/fixtures';
import { asSupervisor, logged, signOff, signedOff, spec } from './case.spec-fixtures';

describe('entrustment and supervision-level correction at sign-off', () => {
  const corrected: DomainEvent = {
    type: 'CaseSupervisionLevelCorrected',
    data: {
      caseId: 'case-1',
      traineeId: 'trainee-1',
      supervisorId: 'inr-1',
      from: 2,
      to: 3,
      correctedOn: TODAY,
    },
  };

  it('records the entrustment rating on the sign-off itself', () => {
    spec
      .given([logged])
      .when({ ...signOff, entrustment: 4 }, asSupervisor)
      .then([
        { type: 'CaseSignedOff', data: { ...signedOff.data, entrustment: 4 } } as DomainEvent,
      ]);
  });

  it('a correction is its own event, before the sign-off, and the case keeps it signed', () => {
    const state = spec
      .given([logged])
      .when({ ...signOff, supervisionLevel: 3 }, asSupervisor)
      .then([corrected, signedOff]);
    expect(state).toMatchObject({
      status: 'logged',
      record: { supervisionLevel: 3 },
      signOff: { status: 'signed-off', supervisorId: 'inr-1' },
    });
  });

  it('refuses a "correction" to the level already recorded', () => {
    spec
      .given([logged])
      .when({ ...signOff, supervisionLevel: 2 }, asSupervisor)
      .thenFails('SUPERVISION_LEVEL_UNCHANGED');
  });

  it('refuses a level the operator role cannot have had', () => {
    // A supervised primary operator was at level 2 or 3, never unsupervised.
    spec
      .given([logged])
      .when({ ...signOff, supervisionLevel: 4 }, asSupervisor)
      .thenFails('OPERATOR_ROLE_INCONSISTENT_WITH_SUPERVISION');
  });

  it('refuses ratings and levels off the scale', () => {
    spec
      .given([logged])
      .when({ ...signOff, entrustment: 6 as never }, asSupervisor)
      .thenFails('INVALID_VALUE');
    spec
      .given([logged])
      .when({ ...signOff, supervisionLevel: 0 as never }, asSupervisor)
      .thenFails('INVALID_VALUE');
  });
});

import { caseDecider } from '../case/case-decider';
import type { EventOf } from '../events';
import { actor, caseLogged, contextFor, traineeEnrolled, traineeState } from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { DeclareRotation } from './trainee-commands';
import { traineeDecider } from './trainee-decider';

const spec = specification(traineeDecider);
const enrolled = traineeEnrolled(); // at inst-north from 2025-09-01
const director = contextFor(actor('medical-director', 'md-north'));
const declare: DeclareRotation = {
  type: 'DeclareRotation',
  traineeId: 'trainee-1',
  institutionId: 'inst-south',
  from: '2026-02-01',
  to: '2026-04-30',
  declaredBy: 'md-north',
};
const declared = (
  overrides: Partial<EventOf<'RotationDeclared'>['data']> = {},
): EventOf<'RotationDeclared'> => {
  const { type: _type, ...data } = declare;
  return { type: 'RotationDeclared', data: { ...data, ...overrides } };
};

describe('declaring a rotation (a placement at another trust)', () => {
  it("the trainee's trust declares a placement at a known host, future end dates included", () => {
    spec.given([enrolled]).when(declare, director).then([declared()]);
  });

  it('only a director or an admin declares, as themselves', () => {
    spec
      .given([enrolled])
      .when(declare, contextFor(actor('supervisor', 'md-north')))
      .thenFails('ROLE_NOT_PERMITTED');
    spec
      .given([enrolled])
      .when(declare, contextFor(actor('trainee', 'trainee-1')))
      .thenFails('ROLE_NOT_PERMITTED');
    spec
      .given([enrolled])
      .when(declare, contextFor(actor('medical-director', 'md-other')))
      .thenFails('ACTOR_MISMATCH');
  });

  it('the host is a known institution other than where the trainee already trains', () => {
    spec
      .given([enrolled])
      .when({ ...declare, institutionId: 'inst-nowhere' }, director)
      .thenFails('UNKNOWN_INSTITUTION');
    spec
      .given([enrolled])
      .when({ ...declare, institutionId: 'inst-north' }, director)
      .thenFails('ROTATION_AT_OWN_INSTITUTION');
  });

  it('the period is real, after enrolment, at most a year, and not declared twice at one host', () => {
    spec
      .given([enrolled])
      .when({ ...declare, to: '2026-01-31' }, director)
      .thenFails('INVALID_PERIOD');
    spec
      .given([enrolled])
      .when({ ...declare, from: '2025-08-01' }, director)
      .thenFails('DATE_BEFORE_ENROLMENT');
    spec
      .given([enrolled])
      .when({ ...declare, to: '2027-02-01' }, director)
      .thenFails('ROTATION_TOO_LONG');
    spec
      .given([enrolled])
      .when({ ...declare, to: '2027-01-31' }, director)
      .then([declared({ to: '2027-01-31' })]);
    spec
      .given([enrolled, declared()])
      .when({ ...declare, from: '2026-04-30', to: '2026-05-31' }, director)
      .thenFails('ROTATION_OVERLAPS');
    spec
      .given([enrolled, declared()])
      .when({ ...declare, from: '2026-05-01', to: '2026-05-31' }, director)
      .then([declared({ from: '2026-05-01', to: '2026-05-31' })]);
  });
});

describe("a case's institution during a rotation", () => {
  // The fixture case is performed on 2026-02-14 at inst-south, the host.
  const cases = specification(caseDecider);
  const atHost = caseLogged({ institutionId: 'inst-south' });
  const logAtHost = { type: 'LogCase' as const, ...atHost.data };
  const asTrainee = (rotations: EventOf<'RotationDeclared'>[]) =>
    contextFor(actor('trainee', 'trainee-1'), { trainee: traineeState([enrolled, ...rotations]) });

  it('is accepted at the host during the placement, first and last day included', () => {
    for (const rotation of [
      declared({ from: '2026-02-14', to: '2026-03-31' }),
      declared({ from: '2026-01-01', to: '2026-02-14' }),
    ])
      cases
        .given()
        .when(logAtHost, asTrainee([rotation]))
        .then([atHost]);
  });

  it('is refused at the host before or after the placement, and without one', () => {
    for (const rotations of [
      [declared({ from: '2026-01-01', to: '2026-02-13' })],
      [declared({ from: '2026-02-15', to: '2026-03-01' })],
      [],
    ])
      cases.given().when(logAtHost, asTrainee(rotations)).thenFails('NOT_TRAINEES_INSTITUTION');
  });
});

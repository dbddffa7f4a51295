import type { DomainEvent } from '../events';
import {
  actor,
  contextFor,
  supervisorAccredited,
  supervisorState,
  TODAY,
  traineeEnrolled,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import { MT_FINAL_SIGNOFF } from './sign-off-competency';
import type { SignOffCompetency } from './trainee-commands';
import { traineeDecider } from './trainee-decider';

const spec = specification(traineeDecider);
const enrolled = traineeEnrolled();

function signer(id: string, accreditation: Parameters<typeof supervisorAccredited>[0] = {}) {
  const role = accreditation.kind === 'medical-director' ? 'medical-director' : 'supervisor';
  return contextFor(actor(role, id), {
    supervisor: supervisorState([supervisorAccredited({ supervisorId: id, ...accreditation })]),
  });
}
function signOff(signerId: string, competencyId = 'mt-core-skills'): SignOffCompetency {
  return {
    type: 'SignOffCompetency',
    traineeId: 'trainee-1',
    competencyId,
    signerId,
    institutionId: 'inst-north',
  };
}
function signed(
  signerId: string,
  signerKind: 'INR' | 'medical-director',
  competencyId = 'mt-core-skills',
): DomainEvent {
  return {
    type: 'CompetencySignedOff',
    data: {
      traineeId: 'trainee-1',
      competencyId,
      signerId,
      signerKind,
      institutionId: 'inst-north',
      signedOn: TODAY,
    },
  };
}
const principalDirector = { kind: 'medical-director', principalTrainingHospital: true } as const;

describe('competency sign-off', () => {
  it('an accredited, GMC-registered INR signs off a competency', () => {
    spec
      .given([enrolled])
      .when(signOff('inr-1'), signer('inr-1'))
      .then([signed('inr-1', 'INR')]);
  });

  it('a medical director may sign off a competency', () => {
    spec
      .given([enrolled])
      .when(signOff('md-1'), signer('md-1', { kind: 'medical-director' }))
      .then([signed('md-1', 'medical-director')]);
  });

  it('an interventional radiologist who is not an INR cannot sign', () => {
    spec
      .given([enrolled])
      .when(signOff('ir-1'), signer('ir-1', { kind: 'IR' }))
      .thenFails('SIGNER_NOT_ELIGIBLE');
  });

  it('a signer with no accreditation, or a lapsed one, cannot sign', () => {
    spec
      .given([enrolled])
      .when(signOff('inr-1'), contextFor(actor('supervisor', 'inr-1')))
      .thenFails('SIGNER_NOT_ELIGIBLE');
    spec
      .given([enrolled])
      .when(signOff('inr-1'), signer('inr-1', { validUntil: '2026-03-09' }))
      .thenFails('SIGNER_NOT_ELIGIBLE');
  });

  it('a signer must be accredited at the institution where they sign', () => {
    spec
      .given([enrolled])
      .when(signOff('inr-1'), signer('inr-1', { institutionIds: ['inst-south'] }))
      .thenFails('SIGNER_NOT_ACCREDITED_AT_INSTITUTION');
  });

  it('the same signer cannot sign the same competency twice', () => {
    spec
      .given([enrolled, signed('inr-1', 'INR')])
      .when(signOff('inr-1'), signer('inr-1'))
      .thenFails('COMPETENCY_ALREADY_SIGNED_BY_SIGNER');
  });

  it('a second, distinct INR may sign the same competency', () => {
    spec
      .given([enrolled, signed('inr-1', 'INR')])
      .when(signOff('inr-2'), signer('inr-2'))
      .then([signed('inr-2', 'INR')]);
  });

  it('a trainee cannot sign off their own competency', () => {
    spec
      .given([enrolled])
      .when(signOff('trainee-1'), signer('trainee-1'))
      .thenFails('CANNOT_SIGN_OWN_COMPETENCY');
  });

  it('nobody signs in another person’s name', () => {
    spec.given([enrolled]).when(signOff('inr-2'), signer('inr-1')).thenFails('ACTOR_MISMATCH');
  });

  it('a competency of a trainee not enrolled cannot be signed', () => {
    spec.given().when(signOff('inr-1'), signer('inr-1')).thenFails('TRAINEE_NOT_ENROLLED');
  });
});

describe('final MT sign-off for a consultant IR (one INR plus the principal medical director)', () => {
  const inrSigned = signed('inr-1', 'INR', MT_FINAL_SIGNOFF);
  const mdSigned = signed('md-1', 'medical-director', MT_FINAL_SIGNOFF);

  it('one INR and the medical director of the principal training hospital sign, in either order', () => {
    spec
      .given([enrolled])
      .when(signOff('inr-1', MT_FINAL_SIGNOFF), signer('inr-1'))
      .then([inrSigned]);
    spec
      .given([enrolled, inrSigned])
      .when(signOff('md-1', MT_FINAL_SIGNOFF), signer('md-1', principalDirector))
      .then([mdSigned]);
    spec
      .given([enrolled, mdSigned])
      .when(signOff('inr-1', MT_FINAL_SIGNOFF), signer('inr-1'))
      .then([inrSigned]);
  });

  it('a second INR is refused while the medical director is still missing', () => {
    spec
      .given([enrolled, inrSigned])
      .when(signOff('inr-2', MT_FINAL_SIGNOFF), signer('inr-2'))
      .thenFails('MT_FINAL_SIGNOFF_INR_ALREADY_SIGNED');
  });

  it('a medical director of another hospital, or not of a principal training hospital, cannot co-sign', () => {
    spec
      .given([enrolled, inrSigned])
      .when(signOff('md-2', MT_FINAL_SIGNOFF), signer('md-2', { kind: 'medical-director' }))
      .thenFails('MT_FINAL_SIGNOFF_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR');
    const transferred: DomainEvent = {
      type: 'TraineeTransferred',
      data: {
        traineeId: 'trainee-1',
        fromInstitutionId: 'inst-north',
        toInstitutionId: 'inst-south',
        transferredOn: '2026-01-01',
      },
    };
    spec
      .given([enrolled, transferred, inrSigned])
      .when(signOff('md-1', MT_FINAL_SIGNOFF), signer('md-1', principalDirector))
      .thenFails('MT_FINAL_SIGNOFF_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR');
  });

  it('the medical director signs the final sign-off once', () => {
    spec
      .given([enrolled, mdSigned])
      .when(signOff('md-2', MT_FINAL_SIGNOFF), signer('md-2', principalDirector))
      .thenFails('MT_FINAL_SIGNOFF_MEDICAL_DIRECTOR_ALREADY_SIGNED');
  });

  it('an INR who is also the principal medical director fills the free place', () => {
    const both = contextFor(actor('medical-director', 'dual-1'), {
      supervisor: supervisorState([
        supervisorAccredited({ supervisorId: 'dual-1' }),
        supervisorAccredited({ supervisorId: 'dual-1', ...principalDirector }),
      ]),
    });
    spec
      .given([enrolled, inrSigned])
      .when(signOff('dual-1', MT_FINAL_SIGNOFF), both)
      .then([signed('dual-1', 'medical-director', MT_FINAL_SIGNOFF)]);
  });
});

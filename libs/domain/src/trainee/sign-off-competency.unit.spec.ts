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
import type { SignOffCompetency } from './trainee-commands';
import { traineeDecider } from './trainee-decider';

const spec = specification(traineeDecider);
const enrolled = traineeEnrolled();
const MT_FINAL_SIGNOFF = 'mt-final-sign-off';

function signer(
  id: string,
  accreditation: Parameters<typeof supervisorAccredited>[0] = {},
  pathways = [pathwayFacts()],
) {
  const role = accreditation.kind === 'medical-director' ? 'medical-director' : 'supervisor';
  return contextFor(actor(role, id), {
    supervisor: supervisorState([supervisorAccredited({ supervisorId: id, ...accreditation })]),
    pathways,
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

  it('a competency no pathway of the trainee catalogues is refused, so a typo starts nothing', () => {
    spec
      .given([enrolled])
      .when(signOff('inr-1', 'mt-final-signoff'), signer('inr-1'))
      .thenFails('COMPETENCY_NOT_IN_PATHWAY');
    spec
      .given([enrolled])
      .when(signOff('inr-1'), signer('inr-1', {}, []))
      .thenFails('COMPETENCY_NOT_IN_PATHWAY');
  });

  it('a pathway the trainee is not enrolled on does not lend its competencies', () => {
    const other = pathwayFacts({ pathwayId: 'other-pathway' });
    spec
      .given([enrolled])
      .when(signOff('inr-1'), signer('inr-1', {}, [other]))
      .thenFails('COMPETENCY_NOT_IN_PATHWAY');
  });

  it('who may sign is the competency’s own rule: a pathway may accept an IR', () => {
    const withIr = pathwayFacts({
      competencies: [{ id: 'angio-skills', title: 'Angiography', signerKinds: ['IR', 'INR'] }],
    });
    spec
      .given([enrolled])
      .when(signOff('ir-1', 'angio-skills'), signer('ir-1', { kind: 'IR' }, [withIr]))
      .then([
        {
          ...signed('ir-1', 'INR', 'angio-skills'),
          data: { ...signed('ir-1', 'INR', 'angio-skills').data, signerKind: 'IR' },
        } as DomainEvent,
      ]);
    spec
      .given([enrolled])
      .when(signOff('md-1', 'angio-skills'), signer('md-1', { kind: 'medical-director' }, [withIr]))
      .thenFails('SIGNER_NOT_ELIGIBLE');
  });

  it('a signer with no accreditation, or a lapsed one, cannot sign', () => {
    spec
      .given([enrolled])
      .when(
        signOff('inr-1'),
        contextFor(actor('supervisor', 'inr-1'), { pathways: [pathwayFacts()] }),
      )
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

describe('a sign-off with places: one INR plus the principal medical director (RCR 2020)', () => {
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
      .thenFails('SIGNATURE_SLOT_ALREADY_FILLED');
  });

  it('a medical director of another hospital, or not of a principal training hospital, cannot co-sign', () => {
    spec
      .given([enrolled, inrSigned])
      .when(signOff('md-2', MT_FINAL_SIGNOFF), signer('md-2', { kind: 'medical-director' }))
      .thenFails('SIGNATURE_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR');
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
      .thenFails('NOT_TRAINEES_INSTITUTION');
  });

  it('the medical director signs the final sign-off once', () => {
    spec
      .given([enrolled, mdSigned])
      .when(signOff('md-2', MT_FINAL_SIGNOFF), signer('md-2', principalDirector))
      .thenFails('SIGNATURE_SLOT_ALREADY_FILLED');
  });

  it('an INR who is also the principal medical director fills the free place', () => {
    const both = contextFor(actor('medical-director', 'dual-1'), {
      supervisor: supervisorState([
        supervisorAccredited({ supervisorId: 'dual-1' }),
        supervisorAccredited({ supervisorId: 'dual-1', ...principalDirector }),
      ]),
      pathways: [pathwayFacts()],
    });
    spec
      .given([enrolled, inrSigned])
      .when(signOff('dual-1', MT_FINAL_SIGNOFF), both)
      .then([signed('dual-1', 'medical-director', MT_FINAL_SIGNOFF)]);
  });
});

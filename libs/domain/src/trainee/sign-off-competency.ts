// Competency sign-off (RCR/BSIR/BSNR/UKNG statement, Sept 2020): competencies are approved by
// more than one GMC-registered INR, and the final MT sign-off of a consultant IR by one INR plus
// the medical director of the principal training hospital. The decider checks each signature;
// whether enough distinct signers have signed is the policy evaluator's question.
import type { DomainEvent } from '../events';
import type { DecisionContext } from '../shared/context';
import { domainError, type DomainError } from '../shared/domain-error';
import { requireActorIs, requireNonEmpty } from '../shared/guards';
import type { AccreditationPeriod } from '../supervisor/supervisor-state';
import {
  initialSupervisorState,
  isGmcNumber,
  periodsHolding,
} from '../supervisor/supervisor-state';
import type { SupervisorKind } from '../vocabulary/vocabulary';
import type { SignOffCompetency } from './trainee-commands';
import { signaturesFor, type TraineeState } from './trainee-state';

/** The consultant-IR route's final MT sign-off: exactly one INR and one principal medical director. */
export const MT_FINAL_SIGNOFF = 'mt-final-signoff';

type Enrolled = Extract<TraineeState, { status: 'enrolled' }>;

export function decideSignOffCompetency(
  command: SignOffCompetency,
  state: Enrolled,
  context: DecisionContext,
): DomainEvent[] | DomainError {
  const { traineeId, competencyId, signerId, institutionId } = command;
  const refusal =
    requireActorIs(context.actor, signerId, 'signerId') ??
    requireNonEmpty(competencyId, 'competencyId') ??
    (signerId === traineeId
      ? domainError('CANNOT_SIGN_OWN_COMPETENCY', 'A trainee cannot sign off their own competency.')
      : undefined);
  if (refusal) return refusal;

  const signer = context.supervisor ?? initialSupervisorState();
  const eligible =
    signer.status === 'known' && signer.supervisorId === signerId && isGmcNumber(signer.gmcNumber)
      ? periodsHolding(signer, context.today, context.today).filter(
          (p) => p.kind === 'INR' || p.kind === 'medical-director',
        )
      : [];
  if (eligible.length === 0) {
    return domainError(
      'SIGNER_NOT_ELIGIBLE',
      'Competencies are signed off only by a currently accredited, GMC-registered INR or medical director.',
    );
  }
  const here = eligible.filter((p) => p.institutionIds.includes(institutionId));
  if (here.length === 0) {
    return domainError(
      'SIGNER_NOT_ACCREDITED_AT_INSTITUTION',
      `The signer is not accredited at institution '${institutionId}'.`,
    );
  }
  const previous = signaturesFor(state, competencyId);
  if (previous.some((s) => s.signerId === signerId)) {
    return domainError(
      'COMPETENCY_ALREADY_SIGNED_BY_SIGNER',
      `This signer has already signed off '${competencyId}'; each signature must come from a different person.`,
    );
  }
  const signerKind =
    competencyId === MT_FINAL_SIGNOFF
      ? finalSignOffSlot(
          here,
          previous.map((s) => s.signerKind),
          state.institutionId,
        )
      : here.some((p) => p.kind === 'INR')
        ? 'INR'
        : 'medical-director';
  if (typeof signerKind !== 'string') return signerKind;

  return [
    {
      type: 'CompetencySignedOff',
      data: {
        traineeId,
        competencyId,
        signerId,
        signerKind,
        institutionId,
        signedOn: context.today,
      },
    },
  ];
}

/**
 * Which of the two final sign-off places this signer fills. A second INR is refused even while
 * the medical director is missing: it could never complete the sign-off, and accepting it
 * would record a signature that looks like progress but is not.
 */
function finalSignOffSlot(
  periods: AccreditationPeriod[],
  signedKinds: SupervisorKind[],
  traineeInstitutionId: string,
): SupervisorKind | DomainError {
  const isInr = periods.some((p) => p.kind === 'INR');
  const isPrincipalDirector = periods.some(
    (p) =>
      p.kind === 'medical-director' &&
      p.principalTrainingHospital &&
      p.institutionIds.includes(traineeInstitutionId),
  );
  const inrSigned = signedKinds.includes('INR');
  const directorSigned = signedKinds.includes('medical-director');
  if (isInr && !inrSigned) return 'INR';
  if (isPrincipalDirector && !directorSigned) return 'medical-director';
  if (isPrincipalDirector) {
    return domainError(
      'MT_FINAL_SIGNOFF_MEDICAL_DIRECTOR_ALREADY_SIGNED',
      'The medical director has already signed the final MT sign-off.',
    );
  }
  if (isInr) {
    return domainError(
      'MT_FINAL_SIGNOFF_INR_ALREADY_SIGNED',
      'An INR has already signed the final MT sign-off; it now needs the medical director of the principal training hospital.',
    );
  }
  return domainError(
    'MT_FINAL_SIGNOFF_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR',
    "Only the medical director of the trainee's principal training hospital may co-sign the final MT sign-off.",
  );
}

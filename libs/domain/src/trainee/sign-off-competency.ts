// Competency sign-off. Which competencies exist, who may sign each and which places a
// signature fills are data in the trainee's pathways (docs/domain.md, "Competencies"): e.g. the
// RCR/BSIR/BSNR/UKNG 2020 final MT sign-off of a consultant IR is one INR plus the medical
// director of the principal training hospital. The decider checks each signature against that
// catalogue; whether enough distinct signers have signed is the policy evaluator's question.
import type { DomainEvent } from '../events';
import { competencyIn, type SignatureSlot } from '../pathway/pathway-facts';
import { answersRequest } from '../portfolio/answer-request';
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
import { signaturesFor, trainsAt, type TraineeState } from './trainee-state';

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
      : undefined) ??
    answersRequest(state, command.requestId, 'competency', signerId, (request) =>
      request.competencyId !== competencyId
        ? `the trainee asked for '${request.competencyId}'`
        : request.institutionId !== institutionId
          ? `the trainee asked for a sign-off at '${request.institutionId}'`
          : undefined,
    ) ??
    // Signed today, at an institution where the trainee trains today.
    (trainsAt(state, institutionId, context.today)
      ? undefined
      : domainError(
          'NOT_TRAINEES_INSTITUTION',
          `The trainee does not train at '${institutionId}' today.`,
        ));
  if (refusal) return refusal;

  const definition = competencyIn(context.pathways, state.enrolment.pathwayIds, competencyId);
  if (!definition) {
    return domainError(
      'COMPETENCY_NOT_IN_PATHWAY',
      `None of the trainee's pathways catalogues a competency '${competencyId}'.`,
    );
  }

  const signer = context.supervisor ?? initialSupervisorState();
  // Competencies are signed by GMC-registered doctors (RCR/BSIR/BSNR/UKNG 2020), of a kind
  // the competency accepts.
  const eligible =
    signer.status === 'known' && signer.supervisorId === signerId && isGmcNumber(signer.gmcNumber)
      ? periodsHolding(signer, context.today, context.today).filter((p) =>
          definition.signerKinds.includes(p.kind),
        )
      : [];
  if (eligible.length === 0) {
    return domainError(
      'SIGNER_NOT_ELIGIBLE',
      `'${competencyId}' is signed off only by a currently accredited, GMC-registered ${definition.signerKinds.join(' or ')}.`,
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
  const signerKind = definition.slots
    ? slotFor(
        definition.slots,
        here,
        previous.map((s) => s.signerKind),
        state.institutionId,
      )
    : (definition.signerKinds.find((kind) => here.some((p) => p.kind === kind)) as SupervisorKind);
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
        ...(command.requestId !== undefined && { requestId: command.requestId }),
      },
    },
  ];
}

/**
 * Which open place this signer fills. A signer who fits only places already signed is refused
 * even while others are open: their signature could never complete the sign-off, and
 * accepting it would record something that looks like progress but is not.
 */
function slotFor(
  slots: readonly SignatureSlot[],
  periods: AccreditationPeriod[],
  signedKinds: SupervisorKind[],
  traineeInstitutionId: string,
): SupervisorKind | DomainError {
  const open = [...slots];
  for (const kind of signedKinds) {
    const index = open.findIndex((slot) => slot.kind === kind);
    if (index >= 0) open.splice(index, 1);
  }
  const fits = (slot: SignatureSlot) =>
    periods.some(
      (p) =>
        p.kind === slot.kind &&
        (!slot.principalTrainingHospital ||
          (p.principalTrainingHospital && p.institutionIds.includes(traineeInstitutionId))),
    );
  const place = open.find(fits);
  if (place) return place.kind;
  if (slots.some(fits)) {
    return domainError(
      'SIGNATURE_SLOT_ALREADY_FILLED',
      `Every place this signer could fill is already signed; still open: ${describeSlots(open)}.`,
    );
  }
  if (
    open.some((slot) => slot.principalTrainingHospital && periods.some((p) => p.kind === slot.kind))
  ) {
    return domainError(
      'SIGNATURE_NEEDS_PRINCIPAL_MEDICAL_DIRECTOR',
      "Only the medical director of the trainee's principal training hospital may fill this place.",
    );
  }
  return domainError(
    'SIGNER_FITS_NO_SIGNATURE_SLOT',
    `The signer fits none of the places on this sign-off; still open: ${describeSlots(open)}.`,
  );
}

function describeSlots(slots: readonly SignatureSlot[]): string {
  if (slots.length === 0) return 'none';
  return slots
    .map((s) =>
      s.principalTrainingHospital ? `${s.kind} of the principal training hospital` : s.kind,
    )
    .join(', ');
}

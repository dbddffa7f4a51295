import type { DomainEvent, TraineeEnrolled } from '../events';
import type { SupervisorKind } from '../vocabulary/vocabulary';

export interface CompetencySignature {
  competencyId: string;
  signerId: string;
  signerKind: SupervisorKind;
  signedOn: string;
}

export type TraineeState =
  | { status: 'not-enrolled' }
  | {
      status: 'enrolled';
      enrolment: Omit<TraineeEnrolled, 'institutionId'>;
      /** Where the trainee is now (changes on transfer). */
      institutionId: string;
      assessmentIds: string[];
      competencySignatures: CompetencySignature[];
    };

export function initialTraineeState(): TraineeState {
  return { status: 'not-enrolled' };
}

export function evolveTrainee(state: TraineeState, event: DomainEvent): TraineeState {
  if (event.type === 'TraineeEnrolled') {
    const { institutionId, ...enrolment } = event.data;
    return {
      status: 'enrolled',
      enrolment,
      institutionId,
      assessmentIds: [],
      competencySignatures: [],
    };
  }
  if (state.status !== 'enrolled') return state;
  switch (event.type) {
    case 'TraineeTransferred':
      return { ...state, institutionId: event.data.toInstitutionId };
    case 'AssessmentRecorded':
      return { ...state, assessmentIds: [...state.assessmentIds, event.data.assessmentId] };
    case 'CompetencySignedOff': {
      const { competencyId, signerId, signerKind, signedOn } = event.data;
      const signature = { competencyId, signerId, signerKind, signedOn };
      return { ...state, competencySignatures: [...state.competencySignatures, signature] };
    }
    default:
      return state;
  }
}

export function signaturesFor(state: TraineeState, competencyId: string): CompetencySignature[] {
  return state.status === 'enrolled'
    ? state.competencySignatures.filter((s) => s.competencyId === competencyId)
    : [];
}

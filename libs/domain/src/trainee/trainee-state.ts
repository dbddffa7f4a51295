import type {
  AssessmentRequested,
  CompetencySignOffRequested,
  DomainEvent,
  ReflectionAudience,
  TraineeEnrolled,
  TrainingTimeEvidence,
} from '../events';
import type { SupervisorKind } from '../vocabulary/vocabulary';

/** A trainee's request still waiting in the named person's queue. */
export type OpenRequest =
  | ({ kind: 'assessment' } & AssessmentRequested)
  | ({ kind: 'competency' } & CompetencySignOffRequested);

export interface CompetencySignature {
  competencyId: string;
  signerId: string;
  signerKind: SupervisorKind;
  signedOn: string;
}

/** Where the trainee trains from `from` until the day before `until` (open while current). */
export interface Placement {
  institutionId: string;
  from: string;
  until?: string;
}

/** A declared placement at another trust, `from` to `to` inclusive. */
export interface Rotation {
  institutionId: string;
  from: string;
  to: string;
}

export type TraineeState =
  | { status: 'not-enrolled' }
  | {
      status: 'enrolled';
      enrolment: Omit<TraineeEnrolled, 'institutionId'>;
      /** Where the trainee is now (changes on transfer). */
      institutionId: string;
      /** Every institution the trainee has trained at, with dates: enrolment, then transfers. */
      placements: Placement[];
      /** Declared rotations: where else the trainee trains, and when. */
      rotations: Rotation[];
      assessmentIds: string[];
      competencySignatures: CompetencySignature[];
      /** Recognitions of other ledgers' evidence still standing, by recognitionId. */
      recognitions?: Record<string, TrainingTimeEvidence>;
      /** Every request id ever made (a request id is never reused). */
      requestIds: string[];
      /** Requests not yet answered, oldest first. */
      openRequests: OpenRequest[];
      /** Requests the trainee withdrew before an answer: answering one is refused. */
      withdrawnRequestIds?: string[];
      /** Who may read each reflection (its text is not needed to decide anything). */
      reflections: Record<string, ReflectionAudience>;
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
      placements: [{ institutionId, from: enrolment.enrolledOn }],
      rotations: [],
      assessmentIds: [],
      competencySignatures: [],
      requestIds: [],
      openRequests: [],
      reflections: {},
    };
  }
  if (state.status !== 'enrolled') return state;
  switch (event.type) {
    case 'TraineeTransferred': {
      const { toInstitutionId, transferredOn } = event.data;
      const placements = state.placements.map((p) =>
        p.until === undefined ? { ...p, until: transferredOn } : p,
      );
      placements.push({ institutionId: toInstitutionId, from: transferredOn });
      return { ...state, institutionId: toInstitutionId, placements };
    }
    case 'RotationDeclared': {
      const { institutionId, from, to } = event.data;
      return { ...state, rotations: [...state.rotations, { institutionId, from, to }] };
    }
    case 'AssessmentRecorded':
      return {
        ...answered(state, event.data.requestId),
        assessmentIds: [...state.assessmentIds, event.data.assessmentId],
      };
    case 'CompetencySignedOff': {
      const { competencyId, signerId, signerKind, signedOn } = event.data;
      const signature = { competencyId, signerId, signerKind, signedOn };
      return {
        ...answered(state, event.data.requestId),
        competencySignatures: [...state.competencySignatures, signature],
      };
    }
    case 'ExternalEvidenceRecognised': {
      const { recognitionId, origin, bundleHash } = event.data;
      const recognitions = {
        ...state.recognitions,
        [recognitionId]: { recognitionId, origin, bundleHash },
      };
      return { ...state, recognitions };
    }
    case 'ExternalEvidenceRecognitionWithdrawn': {
      const { [event.data.recognitionId]: _withdrawn, ...recognitions } = state.recognitions ?? {};
      return { ...state, recognitions };
    }
    case 'AssessmentRequested':
      return requested(state, { kind: 'assessment', ...event.data });
    case 'CompetencySignOffRequested':
      return requested(state, { kind: 'competency', ...event.data });
    case 'RequestWithdrawn':
      return {
        ...answered(state, event.data.requestId),
        withdrawnRequestIds: [...(state.withdrawnRequestIds ?? []), event.data.requestId],
      };
    case 'ReflectionWritten':
    case 'ReflectionSharingChanged':
      return {
        ...state,
        reflections: { ...state.reflections, [event.data.reflectionId]: event.data.sharedWith },
      };
    default:
      return state;
  }
}

type Enrolled = Extract<TraineeState, { status: 'enrolled' }>;

function requested(state: Enrolled, request: OpenRequest): Enrolled {
  return {
    ...state,
    requestIds: [...state.requestIds, request.requestId],
    openRequests: [...state.openRequests, request],
  };
}

function answered(state: Enrolled, requestId: string | undefined): Enrolled {
  return requestId === undefined
    ? state
    : { ...state, openRequests: state.openRequests.filter((r) => r.requestId !== requestId) };
}

export function signaturesFor(state: TraineeState, competencyId: string): CompetencySignature[] {
  return state.status === 'enrolled'
    ? state.competencySignatures.filter((s) => s.competencyId === competencyId)
    : [];
}

/**
 * Whether the trainee trains at `institutionId` on `day`: their enrolment or a transfer put them
 * there, or a declared rotation covers the day.
 */
export function trainsAt(state: TraineeState, institutionId: string, day: string): boolean {
  return institutionsOn(state, day).includes(institutionId);
}

/** The institutions the trainee trains at on `day`: their home trust, and any rotation's host. */
export function institutionsOn(state: TraineeState, day: string): string[] {
  if (state.status !== 'enrolled') return [];
  const hosts = state.rotations
    .filter((r) => r.from <= day && day <= r.to)
    .map((r) => r.institutionId);
  return [...new Set([...homeInstitutionsOn(state, day), ...hosts])];
}

/** The institutions enrolment and transfers put the trainee at on `day` (rotations aside). */
export function homeInstitutionsOn(state: TraineeState, day: string): string[] {
  if (state.status !== 'enrolled') return [];
  return state.placements
    .filter((p) => p.from <= day && (p.until === undefined || day < p.until))
    .map((p) => p.institutionId);
}

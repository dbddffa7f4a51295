import type {
  AssessmentRequested,
  AssessmentType,
  CompetencySignOffRequested,
  Procedure,
} from '@inr/domain';
import { str, type LedgerEvent } from '../events/ledger-event';
import type { KeyedFold } from '../runner/keyed-fold';

/** A trainee's request (assessment, competency sign-off) as the addressee's queue shows it. */
export interface RequestRecord {
  kind: 'assessment' | 'competency';
  requestId: string;
  traineeId: string;
  /** The assessor or signer the trainee named. */
  addresseeId: string;
  institutionId: string;
  assessmentType?: AssessmentType;
  procedure?: Procedure;
  caseId?: string;
  competencyId?: string;
  requestedOn: string;
  /** The trainee's note to the addressee (personal: the queue shows it to the addressee only). */
  note?: string;
  /** Withdrawn: the trainee took it back before an answer (it left the queue). */
  status: 'open' | 'answered' | 'withdrawn';
  requestedAt: string;
  requestedPosition: number;
  /** The assessment or signature that answered it, or the trainee's withdrawal. */
  answerEventId?: string;
}

const REQUESTS = new Set(['AssessmentRequested', 'CompetencySignOffRequested']);
const ANSWERS = new Set(['AssessmentRecorded', 'CompetencySignedOff', 'RequestWithdrawn']);

/** Request ids are the trainee's own: unique per trainee, so the key names both. */
function keyOf(event: LedgerEvent): string | undefined {
  if (!REQUESTS.has(event.type) && !ANSWERS.has(event.type)) return undefined;
  const traineeId = str(event.data, 'traineeId');
  const requestId = str(event.data, 'requestId');
  return traineeId === undefined || requestId === undefined
    ? undefined
    : `${traineeId}/${requestId}`;
}

function opened(event: LedgerEvent): RequestRecord {
  const common = { status: 'open' as const, requestedAt: event.recordedAt };
  if (event.type === 'AssessmentRequested') {
    const d = event.data as unknown as AssessmentRequested;
    return {
      kind: 'assessment',
      requestId: d.requestId,
      traineeId: d.traineeId,
      addresseeId: d.assessorId,
      institutionId: d.institutionId,
      assessmentType: d.type,
      procedure: d.procedure,
      caseId: d.caseId,
      requestedOn: d.requestedOn,
      note: d.note,
      ...common,
      requestedPosition: event.position,
    };
  }
  const d = event.data as unknown as CompetencySignOffRequested;
  return {
    kind: 'competency',
    requestId: d.requestId,
    traineeId: d.traineeId,
    addresseeId: d.signerId,
    institutionId: d.institutionId,
    competencyId: d.competencyId,
    requestedOn: d.requestedOn,
    note: d.note,
    ...common,
    requestedPosition: event.position,
  };
}

export const requestFold: KeyedFold<RequestRecord> = {
  keyOf,
  evolve(record, event) {
    if (REQUESTS.has(event.type)) return record ?? opened(event);
    // An answer to a request the fold never saw (malformed history) is ignored.
    if (record === undefined || record.status !== 'open') return record;
    const status = event.type === 'RequestWithdrawn' ? 'withdrawn' : 'answered';
    return { ...record, status, answerEventId: event.id };
  },
};

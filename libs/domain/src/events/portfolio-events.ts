import type { AssessmentType, Procedure } from '../vocabulary/vocabulary';

// What a trainee starts: requests that land in a named person's queue, and reflections.
// Free text (notes, a reflection's title and text) is personal data and lives in the
// `note`, `title` and `text` fields only, so it is classified in one place per event.

/** A trainee asks a named assessor for a workplace-based assessment; it waits in their queue. */
export interface AssessmentRequested {
  requestId: string;
  traineeId: string;
  assessorId: string;
  /** Where the trainee trained when asking: the institution whose readers see the request. */
  institutionId: string;
  type: AssessmentType;
  procedure?: Procedure;
  /** The case the assessment is about, if any (a DOPS of one procedure). */
  caseId?: string;
  requestedOn: string;
  note?: string;
}

/** A trainee asks a named signer to sign off a competency at an institution. */
export interface CompetencySignOffRequested {
  requestId: string;
  traineeId: string;
  competencyId: string;
  signerId: string;
  institutionId: string;
  requestedOn: string;
  note?: string;
}

/**
 * The trainee takes back a request still waiting (asked the wrong person, no longer needed): it
 * leaves the addressee's queue, and answering it is refused (REQUEST_WITHDRAWN).
 */
export interface RequestWithdrawn {
  requestId: string;
  traineeId: string;
  kind: 'assessment' | 'competency';
  /** The assessor or signer the request was addressed to. */
  addresseeId: string;
  withdrawnOn: string;
  /** Why, if the trainee says (free text: personal, sealed). */
  reason?: string;
}

/** Who besides the trainee may read a reflection: named supervisors, and/or the panel. */
export interface ReflectionAudience {
  supervisorIds: string[];
  panel: boolean;
}

/**
 * A reflection names its author as `authorId`, never `traineeId`: evidence sets, decision and
 * trainee bundles take every leaf whose data names the trainee as `traineeId` (docs/ledger-format.md
 * §8.2, §15.1), and a reflection is personal writing, not evidence. It stays on the trainee's
 * stream, read only through the reflection policy.
 */
export interface ReflectionWritten {
  reflectionId: string;
  authorId: string;
  writtenOn: string;
  title: string;
  text: string;
  /** The case reflected on, if any. */
  caseId?: string;
  sharedWith: ReflectionAudience;
}

/** The trainee changes who may read a reflection (sharing, or taking it back). */
export interface ReflectionSharingChanged {
  reflectionId: string;
  authorId: string;
  changedOn: string;
  sharedWith: ReflectionAudience;
}

/** Events only their author (and whom they shared with) may read, wherever events are shown. */
export const PRIVATE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ReflectionWritten',
  'ReflectionSharingChanged',
]);

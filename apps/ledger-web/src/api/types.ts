// The shapes of the API answers the views read (see openapi.json for the full documents).

export interface Requirement {
  id: string;
  kind: string;
  description: string;
  target: number;
  achieved: number;
  met: boolean;
  countedEventIds?: string[];
  unconfirmedParameters?: string[];
}

export interface Evaluation {
  pathwayId: string;
  pathwayVersion: string;
  met: boolean;
  evaluatedOn: string;
  performedBy?: string;
  requirements: Requirement[];
}

export type PathwayProgress =
  | { pathwayId: string; pathwayVersion: string; source: string; evaluation: Evaluation }
  | { pathwayId: string; pathwayVersion: null; source: null; error: string };

export interface TraineeStatus {
  traineeId: string;
  ledgerSize: number;
  evaluatedOn: string;
  pathways: PathwayProgress[];
}

export interface CaseRecord {
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: string;
  performedOn: string;
  operatorRole: string;
  supervisorId: string;
  supervisionLevel: number;
  localRef: string;
  details: Record<string, unknown>;
  notes?: string;
  signOff: 'awaiting' | 'signed-off' | 'disputed' | 'withdrawn';
  signedOffBy?: string;
  disputeReason?: string;
  loggedEventId: string;
  loggedPosition: number;
  retracted: boolean;
  amendments: number;
  /** The signer's entrustment rating for next time, given with the standing sign-off. */
  entrustment?: number;
  /** The signer corrected the supervision level the trainee recorded (from → supervisionLevel). */
  supervisionCorrection?: { from: number; by: string; on: string };
}

export interface CasePage {
  ledgerSize: number;
  total: number;
  cases: CaseRecord[];
}

/** A case waiting in a supervisor's queue. */
export interface CaseQueueItem {
  kind: 'case';
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: string;
  performedOn: string;
  signOff: string;
  waitingSince: string;
}

/** A trainee's request addressed to the supervisor (the note only for the person asked). */
export interface RequestQueueItem {
  kind: 'assessment-request' | 'competency-request';
  requestId: string;
  traineeId: string;
  institutionId: string;
  assessmentType?: string;
  procedure?: string;
  caseId?: string;
  competencyId?: string;
  requestedOn: string;
  note?: string;
  waitingSince: string;
}

/** GET /v1/supervisors/{id}/queue: every kind of item, oldest first. */
export type QueueItem = CaseQueueItem | RequestQueueItem;

/** A request still open on the trainee's own record (GET /v1/trainees/{id}, the author's view). */
export interface OpenRequest {
  kind: 'assessment' | 'competency';
  requestId: string;
  assessorId?: string;
  signerId?: string;
  type?: string;
  competencyId?: string;
  requestedOn: string;
  note?: string;
}

/** GET /v1/trainees/{id}: the parts of the trainee's own record the trainee's page reads. */
export interface TraineeRecord {
  traineeId: string;
  state: {
    /** Where the trainee trains now (home trust). */
    institutionId?: string;
    enrolment?: { pathwayIds: string[] };
    /** Placements at another trust, `from` to `to` inclusive. */
    rotations?: { institutionId: string; from: string; to: string }[];
    openRequests?: OpenRequest[];
  };
}

/** GET /v1/pathways/{id}/versions: every version with its document, the current one last. */
export interface PathwayVersions {
  pathwayId: string;
  versions: { version: string; document: { competencies?: { id: string; title: string }[] } }[];
}

/** GET /v1/reviews: open review flags, oldest first. */
export interface ReviewQueue {
  ledgerSize: number;
  flags: {
    flagId: string;
    applicationId: string;
    decisionId: string;
    traineeId: string;
    pathwayId: string;
    supervisorId: string;
    revokedOn: string;
    flaggedOn: string;
    requirementIds: string[];
    eventIds: string[];
  }[];
}

export interface CommandResult {
  id?: string;
  streamId: string;
  revision: number;
  position: number;
}

/** GET /v1/applications: applications awaiting a decision, oldest first. */
export interface ApplicationPage {
  total: number;
  applications: {
    applicationId: string;
    traineeId: string;
    institutionId: string | null;
    pathwayId: string;
    pathwayVersion: string;
    ageDays: number;
    votes: { panelMemberId: string; outcome: string }[];
  }[];
}

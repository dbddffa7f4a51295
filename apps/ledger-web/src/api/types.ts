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
}

export interface CasePage {
  ledgerSize: number;
  total: number;
  cases: CaseRecord[];
}

/** A case item of a supervisor's queue (request items are listed by the API too; not shown here yet). */
export interface QueueItem {
  kind: 'case' | 'assessment-request' | 'competency-request';
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: string;
  performedOn: string;
  signOff: string;
  waitingSince: string;
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

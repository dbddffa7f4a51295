import type {
  CredentialApplicationSubmitted,
  CredentialDecisionRecorded,
  CredentialFlaggedForReview,
  CredentialReviewResolved,
  PanelVoteCast,
} from '@inr/domain';
import { str, type LedgerEvent } from '../events/ledger-event';
import type { KeyedFold } from '../runner/keyed-fold';

export type ApplicationStatus =
  'awaiting-decision' | 'granted' | 'refused' | 'active' | 'suspended' | 'revoked';

export interface ApplicationVote {
  panelMemberId: string;
  outcome: string;
  round: number;
  votedOn: string;
  eventId: string;
  position: number;
}

export interface ApplicationDecisionRef {
  decisionId: string;
  outcome: string;
  decidedOn: string;
  eventId: string;
  position: number;
}

/** A review flag on the granted decision, with its resolution once the panel gave one. */
export interface ApplicationFlag extends Omit<
  CredentialFlaggedForReview,
  'applicationId' | 'traineeId'
> {
  eventId: string;
  position: number;
  resolution: {
    resolution: string;
    panelMemberId: string;
    resolvedOn: string;
    eventId: string;
  } | null;
}

/**
 * One credential application as the panel sees it: where it stands, the votes of the current
 * round, every decision (deferrals included) and the review flags. Reasons stay in the events.
 */
export interface ApplicationDoc {
  applicationId: string;
  traineeId: string;
  pathwayId: string;
  pathwayVersion: string;
  submittedOn: string;
  submittedPosition: number;
  status: ApplicationStatus;
  deferrals: number;
  votes: ApplicationVote[];
  decisions: ApplicationDecisionRef[];
  credentialId: string | null;
  flags: ApplicationFlag[];
}

const LIFE: Record<string, { to: ApplicationStatus; from: readonly ApplicationStatus[] }> = {
  CredentialIssued: { to: 'active', from: ['granted'] },
  CredentialSuspended: { to: 'suspended', from: ['active'] },
  CredentialReinstated: { to: 'active', from: ['suspended'] },
  CredentialRevoked: { to: 'revoked', from: ['active', 'suspended'] },
};

function evolve(doc: ApplicationDoc | undefined, event: LedgerEvent): ApplicationDoc | undefined {
  if (event.type === 'CredentialApplicationSubmitted') {
    const e = event.data as unknown as CredentialApplicationSubmitted;
    return {
      applicationId: e.applicationId,
      traineeId: e.traineeId,
      pathwayId: e.pathwayId,
      pathwayVersion: e.pathwayVersion,
      submittedOn: e.submittedOn,
      submittedPosition: event.position,
      status: 'awaiting-decision',
      deferrals: 0,
      votes: [],
      decisions: [],
      credentialId: null,
      flags: [],
    };
  }
  if (!doc) return doc;
  const at = { eventId: event.id, position: event.position };
  switch (event.type) {
    case 'PanelVoteCast': {
      const e = event.data as unknown as PanelVoteCast;
      const vote = { panelMemberId: e.panelMemberId, outcome: e.outcome, round: e.round };
      return { ...doc, votes: [...doc.votes, { ...vote, votedOn: e.votedOn, ...at }] };
    }
    case 'CredentialDecisionRecorded': {
      const e = event.data as unknown as CredentialDecisionRecorded;
      const decision = { decisionId: e.decisionId, outcome: e.outcome, decidedOn: e.decidedOn };
      const decisions = [...doc.decisions, { ...decision, ...at }];
      return e.outcome === 'deferred'
        ? { ...doc, decisions, deferrals: doc.deferrals + 1, votes: [] }
        : { ...doc, decisions, status: e.outcome, votes: [] };
    }
    case 'CredentialFlaggedForReview': {
      const {
        applicationId: _a,
        traineeId: _t,
        ...flag
      } = event.data as unknown as CredentialFlaggedForReview;
      return { ...doc, flags: [...doc.flags, { ...flag, ...at, resolution: null }] };
    }
    case 'CredentialReviewResolved': {
      const e = event.data as unknown as CredentialReviewResolved;
      const resolution = {
        resolution: e.resolution,
        panelMemberId: e.panelMemberId,
        resolvedOn: e.resolvedOn,
        eventId: event.id,
      };
      return {
        ...doc,
        flags: doc.flags.map((f) => (f.flagId === e.flagId ? { ...f, resolution } : f)),
      };
    }
    default: {
      const life = LIFE[event.type];
      if (!life || !life.from.includes(doc.status)) return doc;
      const credentialId = str(event.data, 'credentialId') ?? doc.credentialId;
      return { ...doc, status: life.to, credentialId };
    }
  }
}

const TYPES = new Set([
  'CredentialApplicationSubmitted',
  'PanelVoteCast',
  'CredentialDecisionRecorded',
  'CredentialFlaggedForReview',
  'CredentialReviewResolved',
  ...Object.keys(LIFE),
]);

export const applicationFold: KeyedFold<ApplicationDoc> = {
  keyOf: (event) => (TYPES.has(event.type) ? str(event.data, 'applicationId') : undefined),
  evolve,
};

/** Flags the panel has not resolved yet. */
export function openFlags(doc: ApplicationDoc): ApplicationFlag[] {
  return doc.flags.filter((f) => f.resolution === null);
}

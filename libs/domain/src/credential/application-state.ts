import type { CredentialApplicationSubmitted, DomainEvent, PanelVoteCast } from '../events';
import { compact } from '../shared/guards';
import type { Role } from '../vocabulary/vocabulary';
import type { CredentialStatus } from './held-credential';

export type { CredentialStatus } from './held-credential';

export type Application = CredentialApplicationSubmitted;

/** A review flag on the granted decision; `open` until the panel resolves it. */
export interface ReviewFlag {
  flagId: string;
  supervisorId: string;
  open: boolean;
}

/** What every decided state carries besides its status. */
interface Decided {
  application: Application;
  decisionId: string;
  flags: ReviewFlag[];
}

export type ApplicationState =
  | { status: 'not-submitted' }
  /**
   * Submitted, or deferred by the panel (`deferrals` counts those): a decision is still due.
   * `votes` are this round's (since the last deferral).
   */
  | {
      status: 'awaiting-decision';
      application: Application;
      deferrals: number;
      votes: PanelVoteCast[];
    }
  | ({ status: 'refused' } & Decided)
  | ({ status: 'granted' } & Decided)
  | ({
      status: CredentialStatus;
      credentialId: string;
      /** While suspended: the role that suspended it. */
      suspendedByRole?: Role;
    } & Decided);

export function initialApplicationState(): ApplicationState {
  return { status: 'not-submitted' };
}

export function evolveApplication(state: ApplicationState, event: DomainEvent): ApplicationState {
  if (event.type === 'CredentialApplicationSubmitted') {
    return { status: 'awaiting-decision', application: event.data, deferrals: 0, votes: [] };
  }
  if (state.status === 'not-submitted') return state;
  switch (event.type) {
    case 'PanelVoteCast':
      return state.status === 'awaiting-decision'
        ? { ...state, votes: [...state.votes, event.data] }
        : state;
    case 'CredentialDecisionRecorded': {
      const { outcome, decisionId } = event.data;
      if (outcome === 'deferred') {
        const deferrals = state.status === 'awaiting-decision' ? state.deferrals + 1 : 1;
        return {
          status: 'awaiting-decision',
          application: state.application,
          deferrals,
          votes: [],
        };
      }
      return { status: outcome, application: state.application, decisionId, flags: [] };
    }
    case 'CredentialFlaggedForReview':
    case 'CredentialReviewResolved':
      return state.status === 'awaiting-decision'
        ? state
        : { ...state, flags: flagsAfter(state.flags, event) };
    case 'CredentialIssued':
      return state.status === 'granted'
        ? { ...state, status: 'active', credentialId: event.data.credentialId }
        : state;
    case 'CredentialSuspended':
      return state.status === 'active'
        ? {
            ...state,
            status: 'suspended',
            ...compact({ suspendedByRole: event.data.suspendedByRole }),
          }
        : state;
    case 'CredentialReinstated':
      if (state.status !== 'suspended') return state;
      return {
        status: 'active',
        application: state.application,
        decisionId: state.decisionId,
        credentialId: state.credentialId,
        flags: state.flags,
      };
    case 'CredentialRevoked':
      return state.status === 'active' || state.status === 'suspended'
        ? { ...state, status: 'revoked' }
        : state;
    default:
      return state;
  }
}

function flagsAfter(
  flags: readonly ReviewFlag[],
  event: Extract<DomainEvent, { type: 'CredentialFlaggedForReview' | 'CredentialReviewResolved' }>,
): ReviewFlag[] {
  if (event.type === 'CredentialFlaggedForReview') {
    const { flagId, supervisorId } = event.data;
    return [...flags, { flagId, supervisorId, open: true }];
  }
  return flags.map((f) => (f.flagId === event.data.flagId ? { ...f, open: false } : f));
}

import type { CredentialApplicationSubmitted, DomainEvent } from '../events';
import { compact } from '../shared/guards';
import type { Role } from '../vocabulary/vocabulary';
import type { CredentialStatus } from './held-credential';

export type { CredentialStatus } from './held-credential';

export type Application = CredentialApplicationSubmitted;

export type ApplicationState =
  | { status: 'not-submitted' }
  /** Submitted, or deferred by the panel (`deferrals` counts those): a decision is still due. */
  | { status: 'awaiting-decision'; application: Application; deferrals: number }
  | { status: 'refused'; application: Application; decisionId: string }
  | { status: 'granted'; application: Application; decisionId: string }
  | {
      status: CredentialStatus;
      application: Application;
      decisionId: string;
      credentialId: string;
      /** While suspended: the role that suspended it. */
      suspendedByRole?: Role;
    };

export function initialApplicationState(): ApplicationState {
  return { status: 'not-submitted' };
}

export function evolveApplication(state: ApplicationState, event: DomainEvent): ApplicationState {
  if (event.type === 'CredentialApplicationSubmitted') {
    return { status: 'awaiting-decision', application: event.data, deferrals: 0 };
  }
  if (state.status === 'not-submitted') return state;
  switch (event.type) {
    case 'CredentialDecisionRecorded': {
      const { outcome, decisionId } = event.data;
      if (outcome === 'deferred') {
        const deferrals = state.status === 'awaiting-decision' ? state.deferrals + 1 : 1;
        return { status: 'awaiting-decision', application: state.application, deferrals };
      }
      return { status: outcome, application: state.application, decisionId };
    }
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
      };
    case 'CredentialRevoked':
      return state.status === 'active' || state.status === 'suspended'
        ? { ...state, status: 'revoked' }
        : state;
    default:
      return state;
  }
}

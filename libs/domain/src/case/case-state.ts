import type { CaseLogged, DomainEvent, ProcedureOutcome } from '../events';
import { mergeOutcome } from './case-outcome';

/** The standing sign-off, as the case decider needs it (no 'withdrawn': that is awaiting here). */
export type CaseSignOff =
  | { status: 'awaiting' }
  | { status: 'signed-off'; supervisorId: string; signedOn: string }
  | { status: 'disputed'; supervisorId: string; reason: string };

export type CaseState =
  | { status: 'not-logged' }
  | {
      status: 'logged';
      record: CaseLogged;
      signOff: CaseSignOff;
      /** Follow-up outcomes so far (absent until the first). */
      outcome?: ProcedureOutcome;
    }
  | { status: 'retracted'; record: CaseLogged; reason: string };

export function initialCaseState(): CaseState {
  return { status: 'not-logged' };
}

/**
 * The case decider's fold. It mirrors the sign-off rule of docs/domain.md ("Sign-off of a
 * case"), as do the policy's trainee-record fold and the case registry's; each keeps only
 * what its readers need.
 */
export function evolveCase(state: CaseState, event: DomainEvent): CaseState {
  if (event.type === 'CaseLogged') {
    return { status: 'logged', record: event.data, signOff: { status: 'awaiting' } };
  }
  if (state.status !== 'logged') return state;
  switch (event.type) {
    case 'CaseAmended':
      // Any amendment (of a signed, disputed or waiting case) sends it back for signing.
      return {
        ...state,
        record: { ...state.record, ...event.data.changes },
        signOff: { status: 'awaiting' },
      };
    case 'CaseOutcomeRecorded':
      // A follow-up adds what was learnt later; the sign-off stands.
      return { ...state, outcome: mergeOutcome(state.outcome, event.data.outcome) };
    case 'CaseRetracted':
      return { status: 'retracted', record: state.record, reason: event.data.reason };
    case 'CaseSignedOff':
      return {
        ...state,
        signOff: {
          status: 'signed-off',
          supervisorId: event.data.supervisorId,
          signedOn: event.data.signedOn,
        },
      };
    case 'CaseSupervisionLevelCorrected':
      // The signer's correction: the record changes, the sign-off that follows stands.
      return { ...state, record: { ...state.record, supervisionLevel: event.data.to } };
    case 'CaseSignOffDisputed':
      return {
        ...state,
        signOff: {
          status: 'disputed',
          supervisorId: event.data.supervisorId,
          reason: event.data.reason,
        },
      };
    default:
      return state;
  }
}

/** A retracted case never counts as evidence; a logged one counts (signed or not: filters decide). */
export function caseCounts(state: CaseState): boolean {
  return state.status === 'logged';
}

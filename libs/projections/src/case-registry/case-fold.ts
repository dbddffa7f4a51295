import type {
  CaseAmended,
  CaseDetails,
  CaseLogged,
  CaseRetracted,
  CaseSignedOff,
  CaseSignOffDisputed,
  OperatorRole,
  Procedure,
  SupervisionLevel,
} from '@inr/domain';
import { str, type LedgerEvent } from '../events/ledger-event';
import type { KeyedFold } from '../runner/keyed-fold';

/**
 * 'awaiting' a first sign-off, 'signed-off', 'disputed' by the supervisor, or 'withdrawn':
 * amended after sign-off, so the sign-off no longer stands until the case is signed again.
 */
export type SignOffState = 'awaiting' | 'signed-off' | 'disputed' | 'withdrawn';
export const SIGN_OFF_STATES: readonly SignOffState[] = [
  'awaiting',
  'signed-off',
  'disputed',
  'withdrawn',
];

/** A case as the registry shows it: the logged record with amendments applied. */
export interface CaseRecord {
  caseId: string;
  traineeId: string;
  institutionId: string;
  procedure: Procedure;
  performedOn: string;
  operatorRole: OperatorRole;
  supervisorId: string;
  supervisionLevel: SupervisionLevel;
  localRef: string;
  details: CaseDetails;
  notes?: string;
  signOff: SignOffState;
  signedOffBy?: string;
  signedOn?: string;
  /** Recorded time of the standing sign-off. */
  signedAt?: string;
  disputeReason?: string;
  /** Recorded time since when the case has waited for its supervisor (set while awaiting or withdrawn). */
  awaitingSince?: string;
  loggedAt: string;
  loggedPosition: number;
  loggedEventId: string;
  amendments: number;
  retracted: boolean;
  retractionReason?: string;
  /** Position of the last event that changed this record. */
  lastPosition: number;
}

const CASE_EVENTS = new Set([
  'CaseLogged',
  'CaseAmended',
  'CaseRetracted',
  'CaseSignedOff',
  'CaseSignOffDisputed',
]);

export function evolveCase(
  record: CaseRecord | undefined,
  event: LedgerEvent,
): CaseRecord | undefined {
  const at = { lastPosition: event.position };
  if (event.type === 'CaseLogged') {
    const logged = event.data as unknown as CaseLogged;
    return {
      caseId: logged.caseId,
      traineeId: logged.traineeId,
      institutionId: logged.institutionId,
      procedure: logged.procedure,
      performedOn: logged.performedOn,
      operatorRole: logged.operatorRole,
      supervisorId: logged.supervisorId,
      supervisionLevel: logged.supervisionLevel,
      localRef: logged.localRef,
      details: logged.details,
      ...(logged.notes !== undefined ? { notes: logged.notes } : {}),
      signOff: 'awaiting',
      awaitingSince: event.recordedAt,
      loggedAt: event.recordedAt,
      loggedPosition: event.position,
      loggedEventId: event.id,
      amendments: 0,
      retracted: false,
      ...at,
    };
  }
  // Events for a case the registry never saw logged (e.g. erased or malformed history) are ignored.
  if (record === undefined) return undefined;
  switch (event.type) {
    case 'CaseAmended': {
      const amended = event.data as unknown as CaseAmended;
      const withdrawn = amended.signOffWithdrawn || record.signOff === 'signed-off';
      const reopened = withdrawn || record.signOff === 'disputed';
      const {
        signedOffBy: _by,
        signedOn: _on,
        signedAt: _at,
        disputeReason: _reason,
        ...rest
      } = record;
      return {
        ...(reopened ? rest : record),
        ...amended.changes,
        signOff: withdrawn ? 'withdrawn' : reopened ? 'awaiting' : record.signOff,
        ...(reopened ? { awaitingSince: event.recordedAt } : {}),
        amendments: record.amendments + 1,
        ...at,
      };
    }
    case 'CaseRetracted': {
      const retracted = event.data as unknown as CaseRetracted;
      return { ...record, retracted: true, retractionReason: retracted.reason, ...at };
    }
    case 'CaseSignedOff': {
      const signed = event.data as unknown as CaseSignedOff;
      const { disputeReason: _reason, awaitingSince: _since, ...rest } = record;
      return {
        ...rest,
        signOff: 'signed-off',
        signedOffBy: signed.supervisorId,
        signedOn: signed.signedOn,
        signedAt: event.recordedAt,
        ...at,
      };
    }
    case 'CaseSignOffDisputed': {
      const disputed = event.data as unknown as CaseSignOffDisputed;
      const { awaitingSince: _since, ...rest } = record;
      return { ...rest, signOff: 'disputed', disputeReason: disputed.reason, ...at };
    }
    default:
      return record;
  }
}

export const caseFold: KeyedFold<CaseRecord> = {
  keyOf: (event) => (CASE_EVENTS.has(event.type) ? str(event.data, 'caseId') : undefined),
  evolve: evolveCase,
};

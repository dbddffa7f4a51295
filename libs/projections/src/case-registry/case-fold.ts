import {
  procedureRefOf,
  type SignOffStatus,
  type CaseAmended,
  type CaseLogged,
  type CaseOutcomeRecorded,
  type ProcedureOutcome,
  type CaseRetracted,
  type CaseSignedOff,
  type CaseSignOffDisputed,
  type CaseSupervisionLevelCorrected,
  type EntrustmentRating,
} from '@inr/domain';
import { str, type LedgerEvent } from '../events/ledger-event';
import type { KeyedFold } from '../runner/keyed-fold';

/** One follow-up, at its ledger position (outcomes of co-operators' cases merge in ledger order). */
export interface RecordedOutcome {
  position: number;
  outcome: ProcedureOutcome;
}

/** A case as the registry shows it: the logged record with amendments applied. */
export interface CaseRecord extends CaseLogged {
  /** Always set: the logged reference, or the one derived for a case logged without it. */
  procedureRef: string;
  /** Follow-up outcomes recorded against this case; they never change the sign-off. */
  outcomes: RecordedOutcome[];
  signOff: SignOffStatus;
  signedOffBy?: string;
  signedOn?: string;
  /** Recorded time of the standing sign-off. */
  signedAt?: string;
  /** The entrustment rating given with the standing sign-off, if any. */
  entrustment?: EntrustmentRating;
  /** The last supervision-level correction by a signer: the level as the trainee logged it, and who corrected it. */
  supervisionCorrection?: { from: number; by: string; on: string };
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

/** The events the registry folds (the rebuild reads only their data). */
export const CASE_EVENTS: ReadonlySet<string> = new Set([
  'CaseLogged',
  'CaseOutcomeRecorded',
  'CaseAmended',
  'CaseRetracted',
  'CaseSignedOff',
  'CaseSignOffDisputed',
  'CaseSupervisionLevelCorrected',
]);

/**
 * The case registry's fold: it mirrors the sign-off rule of docs/domain.md ("Sign-off of a
 * case") with all four statuses, since the registry shows a withdrawn sign-off as such.
 */
export function evolveCaseRecord(
  record: CaseRecord | undefined,
  event: LedgerEvent,
): CaseRecord | undefined {
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
      notes: logged.notes,
      procedureRef: procedureRefOf(logged),
      selfAttested: logged.selfAttested,
      outcomes: [],
      signOff: logged.selfAttested === true ? 'self-attested' : 'awaiting',
      signedOffBy: undefined,
      signedOn: undefined,
      signedAt: undefined,
      entrustment: undefined,
      supervisionCorrection: undefined,
      disputeReason: undefined,
      awaitingSince: logged.selfAttested === true ? undefined : event.recordedAt,
      loggedAt: event.recordedAt,
      loggedPosition: event.position,
      loggedEventId: event.id,
      amendments: 0,
      retracted: false,
      retractionReason: undefined,
      lastPosition: event.position,
    };
  }
  // Events for a case the registry never saw logged (e.g. erased or malformed history) are ignored.
  if (record === undefined || !CASE_EVENTS.has(event.type)) return record;
  // `next` is a fresh copy with every field, absent ones as undefined (JSON.stringify drops
  // them), in the logged order also for a record parsed back from JSON: updating it in place
  // keeps the fold pure, and every record shares one V8 shape, cheap to copy and serialise.
  const next = reshape(record);
  next.lastPosition = event.position;
  switch (event.type) {
    case 'CaseAmended': {
      const amended = event.data as unknown as CaseAmended;
      const withdrawn = amended.signOffWithdrawn || record.signOff === 'signed-off';
      const reopened = withdrawn || record.signOff === 'disputed';
      const changed = reshape({ ...next, ...amended.changes });
      changed.amendments = record.amendments + 1;
      // The trainee re-recorded the level: a signer's earlier correction no longer describes it.
      if (amended.changes.supervisionLevel !== undefined) changed.supervisionCorrection = undefined;
      if (reopened) {
        changed.signOff = withdrawn ? 'withdrawn' : 'awaiting';
        changed.signedOffBy = changed.signedOn = changed.signedAt = undefined;
        changed.entrustment = changed.disputeReason = undefined;
        changed.awaitingSince = event.recordedAt;
      }
      return changed;
    }
    case 'CaseRetracted':
      next.retracted = true;
      next.retractionReason = (event.data as unknown as CaseRetracted).reason;
      return next;
    case 'CaseSignedOff': {
      const signed = event.data as unknown as CaseSignedOff;
      next.signOff = 'signed-off';
      next.signedOffBy = signed.supervisorId;
      next.signedOn = signed.signedOn;
      next.signedAt = event.recordedAt;
      next.entrustment = signed.entrustment;
      next.disputeReason = next.awaitingSince = undefined;
      return next;
    }
    case 'CaseSupervisionLevelCorrected': {
      const corrected = event.data as unknown as CaseSupervisionLevelCorrected;
      next.supervisionLevel = corrected.to;
      next.supervisionCorrection = {
        from: record.supervisionCorrection?.from ?? corrected.from,
        by: corrected.supervisorId,
        on: corrected.correctedOn,
      };
      return next;
    }
    case 'CaseOutcomeRecorded': {
      const { outcome } = event.data as unknown as CaseOutcomeRecorded;
      next.outcomes = [...record.outcomes, { position: event.position, outcome }];
      return next;
    }
    case 'CaseSignOffDisputed':
      next.signOff = 'disputed';
      next.disputeReason = (event.data as unknown as CaseSignOffDisputed).reason;
      next.awaitingSince = undefined;
      return next;
    default:
      return record;
  }
}

/** A record with every field in the logged order (after a correction, or as parsed from JSON). */
export function reshape(record: CaseRecord): CaseRecord {
  return {
    caseId: record.caseId,
    traineeId: record.traineeId,
    institutionId: record.institutionId,
    procedure: record.procedure,
    performedOn: record.performedOn,
    operatorRole: record.operatorRole,
    supervisorId: record.supervisorId,
    supervisionLevel: record.supervisionLevel,
    localRef: record.localRef,
    details: record.details,
    notes: record.notes,
    procedureRef: record.procedureRef,
    selfAttested: record.selfAttested,
    outcomes: record.outcomes,
    signOff: record.signOff,
    signedOffBy: record.signedOffBy,
    signedOn: record.signedOn,
    signedAt: record.signedAt,
    entrustment: record.entrustment,
    supervisionCorrection: record.supervisionCorrection,
    disputeReason: record.disputeReason,
    awaitingSince: record.awaitingSince,
    loggedAt: record.loggedAt,
    loggedPosition: record.loggedPosition,
    loggedEventId: record.loggedEventId,
    amendments: record.amendments,
    retracted: record.retracted,
    retractionReason: record.retractionReason,
    lastPosition: record.lastPosition,
  };
}

export const caseFold: KeyedFold<CaseRecord> = {
  keyOf: (event) => (CASE_EVENTS.has(event.type) ? str(event.data, 'caseId') : undefined),
  evolve: evolveCaseRecord,
};

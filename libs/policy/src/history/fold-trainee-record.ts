import type { CaseDetails, DomainEventMap, ExternalEvidenceRecognised } from '@inr/domain';
import type { HistoryEvent } from './history-event';
import type { CaseEvidence, TraineeRecord } from './trainee-record';

/** Ledger order: position first; the id breaks ties so even a malformed input folds one way only. */
export function compareHistoryEvents(a: HistoryEvent, b: HistoryEvent): number {
  if (a.position !== b.position) return a.position - b.position;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Callers usually pass events already in order; sort a copy only when they are not. */
function inLedgerOrder(history: readonly HistoryEvent[]): readonly HistoryEvent[] {
  for (let i = 1; i < history.length; i++) {
    if (compareHistoryEvents(history[i - 1]!, history[i]!) > 0)
      return [...history].sort(compareHistoryEvents);
  }
  return history;
}

function dataOf<K extends keyof DomainEventMap>(
  event: HistoryEvent,
  traineeId: string,
): DomainEventMap[K] | undefined {
  const data = event.data;
  if (typeof data !== 'object' || data === null) return undefined;
  return (data as { traineeId?: unknown }).traineeId === traineeId
    ? (data as DomainEventMap[K])
    : undefined;
}

/**
 * Folds one trainee's events into the state a pathway is evaluated against. Pure; input not
 * mutated. Case sign-offs follow docs/domain.md ("Sign-off of a case"), as the case decider's
 * and the case registry's folds do.
 */
export function foldTraineeRecord(
  traineeId: string,
  history: readonly HistoryEvent[],
): TraineeRecord {
  const record: TraineeRecord = {
    traineeId,
    cases: [],
    assessments: [],
    competencySignOffs: [],
    rota: [],
    trainingTime: [],
  };
  const cases = new Map<string, CaseEvidence>();
  // Standing recognitions of another ledger's evidence (a withdrawal removes one).
  const recognised = new Map<string, { event: HistoryEvent; data: ExternalEvidenceRecognised }>();
  let previous: HistoryEvent | undefined;
  let institution: string | undefined;

  for (const event of inLedgerOrder(history)) {
    // The same event passed twice (same position and id) sorts next to itself: count it once.
    if (previous && previous.position === event.position && previous.id === event.id) continue;
    previous = event;
    switch (event.type) {
      case 'TraineeEnrolled': {
        const d = dataOf<'TraineeEnrolled'>(event, traineeId);
        if (d) institution = d.institutionId;
        break;
      }
      case 'TraineeTransferred': {
        const d = dataOf<'TraineeTransferred'>(event, traineeId);
        if (d) institution = d.toInstitutionId;
        break;
      }
      case 'CaseLogged': {
        const d = dataOf<'CaseLogged'>(event, traineeId);
        if (!d || cases.has(d.caseId)) break;
        const state: CaseEvidence = {
          caseId: d.caseId,
          loggedEventId: event.id,
          position: event.position,
          institutionId: d.institutionId,
          procedure: d.procedure,
          performedOn: d.performedOn,
          operatorRole: d.operatorRole,
          supervisorId: d.supervisorId,
          supervisionLevel: d.supervisionLevel,
          details: d.details,
          retracted: false,
          signOff: d.selfAttested === true ? 'self-attested' : 'awaiting',
          supportingEventIds: [],
        };
        cases.set(d.caseId, state);
        record.cases.push(state);
        break;
      }
      case 'CaseAmended': {
        const d = dataOf<'CaseAmended'>(event, traineeId);
        const state = d && cases.get(d.caseId);
        if (!d || !state || state.retracted) break;
        const c = d.changes;
        if (c.performedOn !== undefined) state.performedOn = c.performedOn;
        if (c.operatorRole !== undefined) state.operatorRole = c.operatorRole;
        if (c.supervisorId !== undefined) state.supervisorId = c.supervisorId;
        if (c.supervisionLevel !== undefined) state.supervisionLevel = c.supervisionLevel;
        if (c.details !== undefined) state.details = c.details;
        // The withdrawn sign-off stays withdrawn until a later CaseSignedOff.
        if (d.signOffWithdrawn && state.signOff === 'signed-off') state.signOff = 'awaiting';
        state.supportingEventIds.push(event.id);
        break;
      }
      case 'CaseSupervisionLevelCorrected': {
        // The signer's correction stands beside the sign-off (no withdrawal).
        const d = dataOf<'CaseSupervisionLevelCorrected'>(event, traineeId);
        const state = d && cases.get(d.caseId);
        if (!d || !state || state.retracted) break;
        state.supervisionLevel = d.to;
        state.supportingEventIds.push(event.id);
        break;
      }
      case 'CaseRetracted': {
        const d = dataOf<'CaseRetracted'>(event, traineeId);
        const state = d && cases.get(d.caseId);
        if (state) state.retracted = true;
        break;
      }
      case 'CaseSignedOff': {
        const d = dataOf<'CaseSignedOff'>(event, traineeId);
        const state = d && cases.get(d.caseId);
        if (!state || state.retracted) break;
        state.signOff = 'signed-off';
        state.supportingEventIds.push(event.id);
        break;
      }
      case 'CaseSignOffDisputed': {
        const d = dataOf<'CaseSignOffDisputed'>(event, traineeId);
        const state = d && cases.get(d.caseId);
        if (!state || state.retracted) break;
        state.signOff = 'disputed';
        state.supportingEventIds.push(event.id);
        break;
      }
      case 'AssessmentRecorded': {
        const d = dataOf<'AssessmentRecorded'>(event, traineeId);
        if (!d) break;
        record.assessments.push({
          eventId: event.id,
          type: d.type,
          outcome: d.outcome,
          procedure: d.procedure,
          performedOn: d.performedOn,
        });
        break;
      }
      case 'CompetencySignedOff': {
        const d = dataOf<'CompetencySignedOff'>(event, traineeId);
        if (!d) break;
        record.competencySignOffs.push({
          eventId: event.id,
          position: event.position,
          competencyId: d.competencyId,
          signerId: d.signerId,
          signerKind: d.signerKind,
          institutionId: d.institutionId,
          signedOn: d.signedOn,
          traineeInstitutionAtSigning: institution,
        });
        break;
      }
      case 'RotaParticipationRecorded': {
        const d = dataOf<'RotaParticipationRecorded'>(event, traineeId);
        if (d) record.rota.push({ eventId: event.id, from: d.from, to: d.to, shifts: d.shifts });
        break;
      }
      case 'TrainingTimeRecognised': {
        const d = dataOf<'TrainingTimeRecognised'>(event, traineeId);
        if (d) {
          const { setting, months, from, to, sourceInstitution, programme, evidenceRef, restsOn } =
            d;
          record.trainingTime.push({
            eventId: event.id,
            ...{ setting, months, from, to },
            ...(sourceInstitution !== undefined && { sourceInstitution }),
            ...(programme !== undefined && { programme }),
            ...(evidenceRef !== undefined && { evidenceRef }),
            ...(restsOn !== undefined && { restsOn }),
          });
        }
        break;
      }
      case 'ExternalEvidenceRecognised': {
        const d = dataOf<'ExternalEvidenceRecognised'>(event, traineeId);
        if (d) recognised.set(d.recognitionId, { event, data: d });
        break;
      }
      case 'ExternalEvidenceRecognitionWithdrawn': {
        const d = dataOf<'ExternalEvidenceRecognitionWithdrawn'>(event, traineeId);
        if (d) recognised.delete(d.recognitionId);
        break;
      }
      default:
        break;
    }
  }
  for (const { event, data } of recognised.values())
    record.cases.push(...externalCases(event, data));
  // Time resting on a recognition stops counting when that recognition is withdrawn.
  record.trainingTime = record.trainingTime.filter(
    (t) => t.restsOn === undefined || recognised.has(t.restsOn.recognitionId),
  );
  return record;
}

/**
 * A recognition's cases as evidence, with their original dates, institution and signer. Only
 * what the recognition recorded is known of them: no clinical details, so a filter on them
 * (ruptured) never matches one. Ordered at the recognition's own position.
 */
function externalCases(event: HistoryEvent, data: ExternalEvidenceRecognised): CaseEvidence[] {
  return data.cases.map((c) => ({
    caseId: `${data.origin}#${c.caseId}`,
    loggedEventId: c.eventId,
    position: event.position,
    institutionId: c.institutionId,
    procedure: c.procedure,
    performedOn: c.performedOn,
    operatorRole: c.operatorRole,
    supervisorId: c.supervisorId,
    supervisionLevel: c.supervisionLevel,
    details: { procedure: c.procedure } as CaseDetails,
    retracted: false,
    signOff: c.signedOff ? 'signed-off' : 'awaiting',
    supportingEventIds: [event.id],
    external: { origin: data.origin, recognitionId: data.recognitionId, leafIndex: c.leafIndex },
  }));
}

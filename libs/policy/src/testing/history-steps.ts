import type {
  AssessmentOutcome,
  AssessmentType,
  CaseDetails,
  DomainEventMap,
  OperatorRole,
  Procedure,
  SupervisionLevel,
  SupervisorKind,
} from '@inr/domain';
import { addDays } from '../dates/iso-date';
import type { HistoryEvent } from '../history/history-event';
import type { TrainingSetting } from '../pathway/pathway';

// Test support only. A history is described as steps that refer to earlier cases by index, so
// fast-check can shrink a failing history to a few readable steps.

export const SUBJECT_TRAINEE = 'trainee-a';
export const OTHER_TRAINEE = 'trainee-b';
export const INSTITUTIONS = ['inst-example-trust', 'inst-north', 'inst-south'] as const;
export const COMPETENCIES = [
  'mt-technical-skills',
  'neurovascular-imaging',
  'mt-final-sign-off',
  'mt-local-sign-off',
] as const;
export const SIGNERS = ['sup-1', 'sup-2', 'sup-3', 'sup-4', 'sup-5'] as const;
export const HISTORY_START = '2023-01-01';
/** Steps carry day offsets up to this; the default evaluation date is just after. */
export const HISTORY_DAYS = 1430;
export const EVALUATED_ON = '2026-12-31';

type Trainee = 0 | 1;

export type HistoryStep =
  | {
      kind: 'log';
      trainee: Trainee;
      procedure: Procedure;
      operatorRole: OperatorRole;
      supervisionLevel: SupervisionLevel;
      institution: number;
      day: number;
      ruptured: boolean;
    }
  | { kind: 'sign'; caseRef: number }
  | {
      kind: 'amend';
      caseRef: number;
      operatorRole: OperatorRole | null;
      supervisionLevel: SupervisionLevel | null;
      day: number | null;
    }
  | { kind: 'retract'; caseRef: number }
  | { kind: 'dispute'; caseRef: number }
  | {
      kind: 'assess';
      trainee: Trainee;
      type: AssessmentType;
      outcome: AssessmentOutcome;
      procedure: Procedure | null;
      day: number;
    }
  | {
      kind: 'competency';
      trainee: Trainee;
      competency: number;
      signer: number;
      signerKind: SupervisorKind;
      institution: number;
      day: number;
    }
  | { kind: 'rota'; trainee: Trainee; day: number; shifts: number }
  | { kind: 'time'; trainee: Trainee; setting: TrainingSetting; months: number; day: number }
  | { kind: 'transfer'; trainee: Trainee; institution: number }
  | { kind: 'noise'; day: number };

function pick<T>(list: readonly T[], index: number): T {
  const item = list[((index % list.length) + list.length) % list.length];
  if (item === undefined) throw new RangeError('empty list');
  return item;
}

/** Plausible clinical details for a case of the given procedure. */
export function caseDetailsFor(procedure: Procedure, ruptured: boolean): CaseDetails {
  switch (procedure) {
    case 'mechanical-thrombectomy':
      return {
        procedure,
        occlusionSite: 'M1',
        tandemLesion: false,
        technique: 'stent-retriever',
        balloonGuideCatheter: true,
        rescueStenting: false,
        eticiByPass: ['2b67'],
        finalEtici: '2b67',
        times: {},
        complications: [],
      };
    case 'aneurysm-coiling':
      return {
        procedure,
        ruptured,
        location: 'AComm',
        sizeMm: 6,
        wideNeck: false,
        technique: 'simple',
        raymondRoy: 'I',
        complications: [],
      };
    case 'diagnostic-angiography':
      return {
        procedure,
        indication: 'subarachnoid haemorrhage',
        consentObtained: true,
        diagnosticSuccess: true,
        neurologicalComplication: 'none',
        accessSiteComplications: [],
      };
  }
}

/** Builds ledger events from steps. Ids are e-1, e-2… and positions 0, 1…; both trainees are enrolled first. */
export function buildHistory(steps: readonly HistoryStep[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const cases: { caseId: string; traineeId: string; supervisorId: string; signed: boolean }[] = [];
  const traineeIds = [SUBJECT_TRAINEE, OTHER_TRAINEE] as const;
  const day = (offset: number): string => addDays(HISTORY_START, offset);
  const push = <K extends keyof DomainEventMap>(type: K, data: DomainEventMap[K]): void => {
    const position = events.length;
    events.push({
      position,
      id: `e-${position + 1}`,
      type,
      data,
      recordedAt: `${day(position % HISTORY_DAYS)}T12:00:00.000Z`,
    });
  };
  for (const traineeId of traineeIds) {
    push('TraineeEnrolled', {
      traineeId,
      institutionId: INSTITUTIONS[0],
      specialty: 'interventional-radiology',
      stage: 'ST5',
      enrolledOn: HISTORY_START,
      pathwayIds: [],
    });
  }
  for (const step of steps) {
    const target = 'caseRef' in step && cases.length > 0 ? pick(cases, step.caseRef) : undefined;
    switch (step.kind) {
      case 'log': {
        const traineeId = traineeIds[step.trainee];
        const supervisorId = pick(SIGNERS, step.day);
        const caseId = `case-${cases.length + 1}`;
        cases.push({ caseId, traineeId, supervisorId, signed: false });
        push('CaseLogged', {
          caseId,
          traineeId,
          institutionId: pick(INSTITUTIONS, step.institution),
          procedure: step.procedure,
          performedOn: day(step.day),
          operatorRole: step.operatorRole,
          supervisorId,
          supervisionLevel: step.supervisionLevel,
          localRef: `REF-${cases.length}`,
          details: caseDetailsFor(step.procedure, step.ruptured),
        });
        break;
      }
      case 'sign':
        if (!target) break;
        target.signed = true;
        push('CaseSignedOff', {
          caseId: target.caseId,
          traineeId: target.traineeId,
          supervisorId: target.supervisorId,
          signedOn: day(HISTORY_DAYS),
        });
        break;
      case 'amend': {
        if (!target) break;
        push('CaseAmended', {
          caseId: target.caseId,
          traineeId: target.traineeId,
          changes: {
            ...(step.operatorRole !== null && { operatorRole: step.operatorRole }),
            ...(step.supervisionLevel !== null && { supervisionLevel: step.supervisionLevel }),
            ...(step.day !== null && { performedOn: day(step.day) }),
          },
          reason: 'correction',
          signOffWithdrawn: target.signed,
        });
        target.signed = false;
        break;
      }
      case 'retract':
        if (target)
          push('CaseRetracted', {
            caseId: target.caseId,
            traineeId: target.traineeId,
            reason: 'logged in error',
          });
        break;
      case 'dispute':
        if (!target) break;
        target.signed = false;
        push('CaseSignOffDisputed', {
          caseId: target.caseId,
          traineeId: target.traineeId,
          supervisorId: target.supervisorId,
          reason: 'not as described',
        });
        break;
      case 'assess':
        push('AssessmentRecorded', {
          assessmentId: `asm-${events.length}`,
          traineeId: traineeIds[step.trainee],
          type: step.type,
          ...(step.procedure !== null && { procedure: step.procedure }),
          outcome: step.outcome,
          assessorId: pick(SIGNERS, step.day),
          performedOn: day(step.day),
        });
        break;
      case 'competency':
        push('CompetencySignedOff', {
          traineeId: traineeIds[step.trainee],
          competencyId: pick(COMPETENCIES, step.competency),
          signerId: pick(SIGNERS, step.signer),
          signerKind: step.signerKind,
          institutionId: pick(INSTITUTIONS, step.institution),
          signedOn: day(step.day),
        });
        break;
      case 'rota':
        push('RotaParticipationRecorded', {
          traineeId: traineeIds[step.trainee],
          institutionId: INSTITUTIONS[0],
          from: day(Math.max(0, step.day - 28)),
          to: day(step.day),
          shifts: step.shifts,
        });
        break;
      case 'time':
        push('TrainingTimeRecognised', {
          traineeId: traineeIds[step.trainee],
          setting: step.setting,
          months: step.months,
          from: day(Math.max(0, step.day - Math.round(step.months * 30))),
          to: day(step.day),
          recognisedBy: 'sup-1',
        });
        break;
      case 'transfer':
        push('TraineeTransferred', {
          traineeId: traineeIds[step.trainee],
          fromInstitutionId: INSTITUTIONS[0],
          toInstitutionId: pick(INSTITUTIONS, step.institution),
          transferredOn: HISTORY_START,
        });
        break;
      case 'noise':
        push('SupervisorAccredited', {
          supervisorId: pick(SIGNERS, step.day),
          gmcNumber: '1234567',
          kind: 'INR',
          institutionIds: [INSTITUTIONS[0]],
          procedures: ['mechanical-thrombectomy'],
          validFrom: HISTORY_START,
        });
        break;
    }
  }
  return events;
}

/** Appends one event after the last position, with a fresh id. */
export function appendEvent<K extends keyof DomainEventMap>(
  history: readonly HistoryEvent[],
  type: K,
  data: DomainEventMap[K],
  id = `extra-${history.length + 1}`,
): HistoryEvent[] {
  const position = history.reduce((max, e) => Math.max(max, e.position), -1) + 1;
  return [...history, { position, id, type, data, recordedAt: '2026-12-31T12:00:00.000Z' }];
}

/** A thrombectomy logged by the subject trainee as supervised primary operator; override what a test is about. */
export function logStep(
  overrides: Partial<Extract<HistoryStep, { kind: 'log' }>> = {},
): HistoryStep {
  return {
    kind: 'log',
    trainee: 0,
    procedure: 'mechanical-thrombectomy',
    operatorRole: 'primary-supervised',
    supervisionLevel: 2,
    institution: 0,
    day: 1000,
    ruptured: false,
    ...overrides,
  };
}

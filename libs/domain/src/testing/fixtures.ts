// Ready-made events and contexts for specifications. Dates are fixed: tests never read the clock.
import type {
  CaseLogged,
  DomainEvent,
  EventOf,
  SupervisorAccredited,
  TraineeEnrolled,
} from '../events';
import type { PathwayFacts } from '../pathway/pathway-facts';
import type { Actor, DecisionContext } from '../shared/context';
import { fold } from '../shared/decider';
import {
  evolveSupervisor,
  initialSupervisorState,
  type SupervisorState,
} from '../supervisor/supervisor-state';
import { evolveTrainee, initialTraineeState, type TraineeState } from '../trainee/trainee-state';
import type { Role } from '../vocabulary/vocabulary';

export const TODAY = '2026-03-10';

export function actor(role: Role, subject: string, institutionId = 'inst-north'): Actor {
  return { role, subject, institutionId };
}

/** The institutions the fixtures' ledger knows (supervisors are accredited there). */
export const KNOWN_INSTITUTIONS = ['inst-north', 'inst-south'];

export function contextFor(a: Actor, facts: Partial<DecisionContext> = {}): DecisionContext {
  return { today: TODAY, actor: a, knownInstitutions: KNOWN_INSTITUTIONS, ...facts };
}

export function traineeEnrolled(
  overrides: Partial<TraineeEnrolled> = {},
): EventOf<'TraineeEnrolled'> {
  return {
    type: 'TraineeEnrolled',
    data: {
      traineeId: 'trainee-1',
      institutionId: 'inst-north',
      specialty: 'interventional-radiology',
      stage: 'consultant',
      enrolledOn: '2025-09-01',
      pathwayIds: ['rcr-mt-credential'],
      ...overrides,
    },
  };
}

export function supervisorAccredited(
  overrides: Partial<SupervisorAccredited> = {},
): EventOf<'SupervisorAccredited'> {
  return {
    type: 'SupervisorAccredited',
    data: {
      supervisorId: 'inr-1',
      gmcNumber: '7012345',
      kind: 'INR',
      institutionIds: ['inst-north'],
      procedures: ['mechanical-thrombectomy', 'aneurysm-coiling', 'diagnostic-angiography'],
      validFrom: '2024-01-01',
      ...overrides,
    },
  };
}

export function caseLogged(overrides: Partial<CaseLogged> = {}): EventOf<'CaseLogged'> {
  return {
    type: 'CaseLogged',
    data: {
      caseId: 'case-1',
      traineeId: 'trainee-1',
      institutionId: 'inst-north',
      procedure: 'mechanical-thrombectomy',
      performedOn: '2026-02-14',
      operatorRole: 'primary-supervised',
      supervisorId: 'inr-1',
      supervisionLevel: 2,
      localRef: 'NTH-MT-0042',
      procedureRef: 'prc-case-1',
      details: {
        procedure: 'mechanical-thrombectomy',
        occlusionSite: 'M1',
        tandemLesion: false,
        technique: 'combined',
        balloonGuideCatheter: true,
        rescueStenting: false,
        eticiByPass: ['2b67'],
        finalEtici: '2b67',
        times: { arrival: '2026-02-14T10:02', groinPuncture: '2026-02-14T10:48' },
        complications: [],
      },
      ...overrides,
    },
  };
}

export function traineeState(events: readonly DomainEvent[] = [traineeEnrolled()]): TraineeState {
  return fold({ evolve: evolveTrainee, initialState: initialTraineeState }, events);
}

export function supervisorState(
  events: readonly DomainEvent[] = [supervisorAccredited()],
): SupervisorState {
  return fold({ evolve: evolveSupervisor, initialState: initialSupervisorState }, events);
}

/** The fixture trainee's pathway: a core competency two INRs sign, and the 2020 dual final sign-off. */
export function pathwayFacts(overrides: Partial<PathwayFacts> = {}): PathwayFacts {
  return {
    pathwayId: 'rcr-mt-credential',
    version: '1.0.0',
    issuer: 'rcr',
    issuingBody: 'Royal College of Radiologists',
    competencies: [
      { id: 'mt-core-skills', title: 'MT core skills', signerKinds: ['INR', 'medical-director'] },
      {
        id: 'mt-final-sign-off',
        title: 'Final MT sign-off',
        signerKinds: ['INR', 'medical-director'],
        slots: [{ kind: 'INR' }, { kind: 'medical-director', principalTrainingHospital: true }],
      },
    ],
    ...overrides,
  };
}

import type { DomainEvent } from '../events';
import type { Procedure, SupervisorKind } from '../vocabulary/vocabulary';

/** One accreditation; a supervisor may be re-accredited, so the history is a list of periods. */
export interface AccreditationPeriod {
  kind: SupervisorKind;
  institutionIds: string[];
  procedures: Procedure[];
  validFrom: string;
  validUntil?: string;
  principalTrainingHospital: boolean;
  /** First day the accreditation no longer holds. */
  revokedOn?: string;
}

export type SupervisorState =
  | { status: 'never-accredited' }
  | { status: 'known'; supervisorId: string; gmcNumber: string; periods: AccreditationPeriod[] };

export function initialSupervisorState(): SupervisorState {
  return { status: 'never-accredited' };
}

export function evolveSupervisor(state: SupervisorState, event: DomainEvent): SupervisorState {
  switch (event.type) {
    case 'SupervisorAccredited': {
      const { supervisorId, gmcNumber, principalTrainingHospital, ...rest } = event.data;
      const period: AccreditationPeriod = {
        ...rest,
        principalTrainingHospital: principalTrainingHospital ?? false,
      };
      const periods = state.status === 'known' ? [...state.periods, period] : [period];
      return { status: 'known', supervisorId, gmcNumber, periods };
    }
    case 'SupervisorAccreditationRevoked': {
      if (state.status !== 'known') return state;
      const { revokedOn } = event.data;
      const periods = state.periods.map((p) =>
        p.revokedOn === undefined ? { ...p, revokedOn } : p,
      );
      return { ...state, periods };
    }
    default:
      return state;
  }
}

/** Whether the period holds on `day` (validity window, and not yet revoked on that day). */
export function holdsOn(period: AccreditationPeriod, day: string): boolean {
  return (
    period.validFrom <= day &&
    (period.validUntil === undefined || day <= period.validUntil) &&
    (period.revokedOn === undefined || day < period.revokedOn)
  );
}

/** Periods that hold on `day` and are not revoked as of `today`. */
export function periodsHolding(
  state: SupervisorState,
  day: string,
  today: string,
): AccreditationPeriod[] {
  if (state.status !== 'known') return [];
  return state.periods.filter(
    (p) => holdsOn(p, day) && (p.revokedOn === undefined || today < p.revokedOn),
  );
}

/** Whether the supervisor's accreditation at `institutionId` holds on `day`, as of `today`. */
export function accreditedAt(
  state: SupervisorState | undefined,
  supervisorId: string,
  institutionId: string,
  day: string,
  today: string,
): boolean {
  return (
    state?.status === 'known' &&
    state.supervisorId === supervisorId &&
    periodsHolding(state, day, today).some((p) => p.institutionIds.includes(institutionId))
  );
}

/** GMC reference numbers are seven digits. */
export function isGmcNumber(value: string): boolean {
  return /^\d{7}$/.test(value);
}

import type { SupervisorAccredited } from '../events';

export type AccreditSupervisor = { type: 'AccreditSupervisor' } & SupervisorAccredited;

/** Revocation takes effect today (`context.today`): the supervisor signs nothing from then on. */
export interface RevokeSupervisorAccreditation {
  type: 'RevokeSupervisorAccreditation';
  supervisorId: string;
  reason: string;
}

export type SupervisorCommand = AccreditSupervisor | RevokeSupervisorAccreditation;

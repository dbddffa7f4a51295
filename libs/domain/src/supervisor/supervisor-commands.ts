import type { SupervisorAccredited } from '../events';

export type AccreditSupervisor = { type: 'AccreditSupervisor' } & SupervisorAccredited;

/** Revocation takes effect today (`context.today`): the supervisor signs nothing from then on. */
export interface RevokeSupervisorAccreditation {
  type: 'RevokeSupervisorAccreditation';
  supervisorId: string;
  reason: string;
  /** For cause: the decisions that counted their sign-offs are flagged for review. */
  forCause?: boolean;
}

export type SupervisorCommand = AccreditSupervisor | RevokeSupervisorAccreditation;

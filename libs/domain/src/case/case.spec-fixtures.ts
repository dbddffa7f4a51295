// Shared set-up for the case specifications (not a test file itself).
import type { CaseLogged, DomainEvent } from '../events';
import {
  actor,
  caseLogged,
  contextFor,
  supervisorState,
  TODAY,
  traineeState,
} from '../testing/fixtures';
import { specification } from '../testing/specification';
import type { LogCase } from './case-commands';
import { caseDecider } from './case-decider';

export const spec = specification(caseDecider);
export const trainee = actor('trainee', 'trainee-1');
export const inr = actor('supervisor', 'inr-1');
export const logged = caseLogged();
export const asTrainee = contextFor(trainee, { trainee: traineeState() });
export const asSupervisor = contextFor(inr, { supervisor: supervisorState() });

export function logCase(overrides: Partial<CaseLogged> = {}): LogCase {
  return { type: 'LogCase', ...caseLogged(overrides).data };
}
export const signedOff: DomainEvent = {
  type: 'CaseSignedOff',
  data: { caseId: 'case-1', traineeId: 'trainee-1', supervisorId: 'inr-1', signedOn: TODAY },
};
export const signOff = { type: 'SignOffCase', caseId: 'case-1', supervisorId: 'inr-1' } as const;

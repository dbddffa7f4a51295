import { rejectPatientIdentifiers } from '../privacy/find-patient-identifiers';
import { COMMAND_ROLES, type CommandType } from './command-roles';
import type { Actor } from './context';
import type { DomainError } from './domain-error';
import { requireRole } from './guards';

/**
 * The checks every command passes before its own rules, in every decider: no patient
 * identifier anywhere in it (free text included), then a role allowed to send it.
 */
export function admitCommand(
  command: { type: CommandType },
  actor: Actor,
): DomainError | undefined {
  return (
    rejectPatientIdentifiers(command) ??
    requireRole(actor, COMMAND_ROLES[command.type], command.type)
  );
}

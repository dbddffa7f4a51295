// Who may not sit on a credential application. Every panel recuses the people who vouched for
// the applicant's evidence or supervised them; the pathway may also recuse the applicant's
// institutions. Each refusal names its rule.
import type { Actor } from '../shared/context';
import { domainError, type DomainError } from '../shared/domain-error';
import type { PanelConflicts, PanelRule } from './panel-rule';

export function checkPanelMember(
  actor: Actor,
  rule: PanelRule,
  conflicts: PanelConflicts | undefined,
): DomainError | undefined {
  if (!conflicts) return undefined;
  const member = actor.subject;
  if (conflicts.evidenceSignerIds.includes(member))
    return domainError(
      'PANEL_MEMBER_SIGNED_EVIDENCE',
      'You signed off, assessed or recorded evidence this application counts: you may not sit on it.',
    );
  if (conflicts.supervisorIds.includes(member))
    return domainError(
      'PANEL_MEMBER_SUPERVISES_TRAINEE',
      "You are named as the applicant's supervisor, assessor or signer: you may not sit on it.",
    );
  if (
    rule.excludeTraineeInstitutions &&
    actor.institutionId !== undefined &&
    conflicts.institutionIds.includes(actor.institutionId)
  )
    return domainError(
      'PANEL_MEMBER_INSTITUTION_CONFLICT',
      `The pathway recuses members from the applicant's institutions, and you are at '${actor.institutionId}'.`,
    );
  return undefined;
}

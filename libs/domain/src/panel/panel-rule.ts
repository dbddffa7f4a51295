// Who decides a credential application, as the pathway version applied for states it
// (docs/pathway-format.md §1.8). The domain reads only this section of a published document;
// the policy package validated the whole document before it was published.
import type { JsonObject } from '../events';

export interface PanelRule {
  /** How many members must vote for the same outcome before it is the decision. */
  quorum: number;
  /** Members from an institution the trainee trained or logged cases at may not sit. */
  excludeTraineeInstitutions: boolean;
}

/**
 * A pathway without a panel section: one member decides, as before panels were data. The
 * recusals every panel has (evidence signers, the trainee's supervisors) apply to them too.
 */
export const SINGLE_MEMBER_PANEL: PanelRule = { quorum: 1, excludeTraineeInstitutions: false };

/** The panel rule of a published pathway document; undefined when it has no panel section. */
export function panelRuleOf(document: JsonObject): PanelRule | undefined {
  const panel = document['panel'];
  if (typeof panel !== 'object' || panel === null || Array.isArray(panel)) return undefined;
  const quorum = panel['quorum'];
  if (typeof quorum !== 'number' || !Number.isInteger(quorum) || quorum < 1) return undefined;
  return { quorum, excludeTraineeInstitutions: panel['excludeTraineeInstitutions'] === true };
}

/**
 * Who may not sit on this application, as the server found it in the ledger when the member
 * acted (like the evaluation, computed by the caller and checked here).
 */
export interface PanelConflicts {
  /** People who signed off, assessed or recorded evidence the evaluation counted. */
  evidenceSignerIds: string[];
  /** People named as the trainee's supervisor, assessor or signer anywhere in their record. */
  supervisorIds: string[];
  /** Institutions the trainee was enrolled, transferred or rotated to, or logged cases at. */
  institutionIds: string[];
}

import type { CommandType, Role } from '@inr/domain';
import type { Actor } from './actor';

export type ReadAction =
  | 'trainee.read'
  | 'case.read'
  | 'supervisor.pending.read'
  | 'pathway.read'
  | 'events.stream'
  | 'audit.read'
  | 'workforce.read';
export type Action = CommandType | ReadAction;

/** What the policy needs to know about the record an action touches. */
export interface Resource {
  /** Whose training record it is. */
  traineeId?: string;
  /** Institutions the record belongs to (the trainee's, the case's, a supervisor's). */
  institutionIds?: readonly string[];
  /** The supervisor, assessor or signer the record or command names. */
  supervisorId?: string;
  /** Institutions where the acting supervisor holds a current accreditation. */
  actorAccreditedAt?: readonly string[];
}

/**
 * How a role may do an action: 'any' record; only its 'own' training record; only where the
 * record 'named' it (and, for 'named-accredited', at an institution it is accredited for);
 * only records of its own 'institution'.
 */
type Rule = 'any' | 'own' | 'named' | 'named-accredited' | 'institution' | 'named-or-institution';
type Table = Record<Action, Partial<Record<Role, Rule>>>;

const EVERYONE_READS: Partial<Record<Role, Rule>> = {
  panel: 'any',
  accreditor: 'any',
  regulator: 'any',
  admin: 'any',
  'medical-director': 'institution',
  'trust-auditor': 'institution',
};

/**
 * THE authorisation policy. Writers per command are the domain's COMMAND_ROLES (a unit test keeps
 * them equal); this table adds which records each role may touch.
 */
export const POLICY: Table = {
  EnrolTrainee: { admin: 'any', 'medical-director': 'institution' },
  TransferTrainee: { admin: 'any', 'medical-director': 'institution' },
  RecordAssessment: { supervisor: 'named', 'medical-director': 'named' },
  SignOffCompetency: { supervisor: 'named', 'medical-director': 'named' },
  RecordRotaParticipation: {
    admin: 'any',
    'medical-director': 'institution',
    supervisor: 'institution',
  },
  RecogniseTrainingTime: { admin: 'any', panel: 'any', 'medical-director': 'institution' },
  LogCase: { trainee: 'own' },
  AmendCase: { trainee: 'own' },
  RetractCase: { trainee: 'own' },
  SignOffCase: { supervisor: 'named-accredited', 'medical-director': 'named-accredited' },
  // The named supervisor may always dispute ("I was not there"), accredited or not.
  DisputeCaseSignOff: { supervisor: 'named', 'medical-director': 'named' },
  AccreditSupervisor: { admin: 'any', accreditor: 'any', 'medical-director': 'institution' },
  RevokeSupervisorAccreditation: {
    admin: 'any',
    accreditor: 'any',
    'medical-director': 'institution',
  },
  PublishPathway: { admin: 'any', accreditor: 'any' },
  SubmitCredentialApplication: { trainee: 'own' },
  RecordCredentialDecision: { panel: 'any' },
  IssueCredential: { panel: 'any', admin: 'any' },
  SuspendCredential: { panel: 'any', admin: 'any', regulator: 'any' },
  ReinstateCredential: { panel: 'any', admin: 'any', regulator: 'any' },
  RevokeCredential: { panel: 'any', admin: 'any', regulator: 'any' },
  'trainee.read': { ...EVERYONE_READS, trainee: 'own', supervisor: 'institution' },
  'case.read': { ...EVERYONE_READS, trainee: 'own', supervisor: 'named-or-institution' },
  'supervisor.pending.read': { ...EVERYONE_READS, supervisor: 'named' },
  'pathway.read': {
    trainee: 'any',
    supervisor: 'any',
    'medical-director': 'any',
    panel: 'any',
    'trust-auditor': 'any',
    accreditor: 'any',
    regulator: 'any',
    admin: 'any',
  },
  'events.stream': { ...EVERYONE_READS, trainee: 'own', supervisor: 'institution' },
  // Aggregate figures (trust audits, workforce): institutional roles see their own institution.
  'audit.read': EVERYONE_READS,
  'workforce.read': EVERYONE_READS,
};

export type Decision = { allowed: true } | { allowed: false; reason: string };

/**
 * May `actor` do `action` on `resource`? Without a resource it answers whether the role may
 * ever do it (the guard's early check); with one, whether it may on this record.
 */
export function authorize(actor: Actor, action: Action, resource?: Resource): Decision {
  const rule = POLICY[action][actor.role];
  if (!rule) return { allowed: false, reason: `role '${actor.role}' may not ${describe(action)}` };
  if (!resource || holds(rule, actor, resource)) return { allowed: true };
  return { allowed: false, reason: `${describe(action)}: ${REFUSAL[rule]}` };
}

/** The live feed's scope for a role: everything, its institution's records, or its own. */
export function readScope(actor: Actor): 'all' | 'institution' | 'own' | 'none' {
  const rule = POLICY['events.stream'][actor.role];
  if (rule === 'any') return 'all';
  if (rule === 'own') return 'own';
  return rule ? 'institution' : 'none';
}

function holds(rule: Rule, actor: Actor, r: Resource): boolean {
  const inInstitution = r.institutionIds?.includes(actor.institutionId) ?? false;
  const named = r.supervisorId !== undefined && r.supervisorId === actor.subject;
  switch (rule) {
    case 'any':
      return true;
    case 'own':
      return r.traineeId !== undefined && r.traineeId === actor.subject;
    case 'named':
      return named;
    case 'named-accredited':
      return (
        named && (r.institutionIds ?? []).some((i) => r.actorAccreditedAt?.includes(i) ?? false)
      );
    case 'institution':
      return inInstitution;
    case 'named-or-institution':
      return named || inInstitution;
  }
}

const REFUSAL: Record<Rule, string> = {
  any: '',
  own: 'only the trainee may do this on their own record',
  named: 'only the person the record names may do this',
  'named-accredited': 'only the named supervisor, accredited at the case institution, may do this',
  institution: 'the record belongs to another institution',
  'named-or-institution': 'the record belongs to another institution',
};

function describe(action: Action): string {
  return action.includes('.')
    ? `use ${action}`
    : action.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

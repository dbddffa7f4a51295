import type { CommandType, Role } from '@inr/domain';
import type { AuthenticatedActor } from './actor';

/** Reads that need a token; each is one row of POLICY. */
export type ReadAction =
  | 'trainee.read'
  | 'case.read'
  | 'application.read'
  | 'supervisor.pending.read'
  | 'pathway.read'
  | 'events.stream'
  | 'ledger.entries.read'
  | 'audit.read'
  | 'audit.export'
  | 'workforce.read'
  | 'credential.read'
  | 'metrics.read'
  | 'subject.access'
  | 'reflection.read'
  | 'logbook.read';
/** Writes that are not one domain command: a supervisor's bulk sign-off of queue items. */
export type BatchAction = 'SignOffQueueItems';
/** Routes anyone may call, without a token; each row says so with `anyone: 'any'`. */
export type PublicAction =
  | 'health.read'
  | 'docs.read'
  | 'ledger.public.read'
  | 'witness.cosign'
  | 'web.read'
  | 'sign-in.read'
  | 'sign-in.development'
  | 'credential.public.read';
export type Action = CommandType | BatchAction | ReadAction | PublicAction;

/** Who may appear in a row: a role from a verified token, or `anyone` (no token at all). */
export type Caller = Role | 'anyone';

/** What the policy needs to know about the record an action touches (see PolicyFacts). */
export interface Resource {
  /**
   * Whose record it is: the trainee (their record, cases, applications, credential) or the
   * supervisor (their accreditation). No one writes to a record of their own unless the rule is
   * 'own'.
   */
  ownerId?: string;
  /** Every institution the record belongs to; an institutional rule needs all of them in scope. */
  institutionIds?: readonly string[];
  /** The person the record or command names to act (the case's supervisor, assessor, signer). */
  namedId?: string;
  /** Institutions where the actor holds an accreditation on the relevant day, as of today. */
  actorAccreditedAt?: readonly string[];
  /** People the owner shared the record with (a reflection's named supervisors). */
  sharedWith?: readonly string[];
  /** Roles the owner shared the record with as a body (a reflection shared with the panel). */
  sharedWithRoles?: readonly Role[];
}

/**
 * How a caller may do an action: on 'any' record; only on their 'own' record; only where the
 * record 'named' them (and, for 'named-accredited', only if they are accredited at every one
 * of its institutions); only on records whose institutions are all theirs ('institution'); only
 * on records their owner shared with them or with their role ('shared').
 */
export type Rule =
  'any' | 'own' | 'named' | 'named-accredited' | 'institution' | 'named-or-institution' | 'shared';
export type Access = Partial<Record<Caller, Rule>>;

const NATIONAL_READS: Access = { panel: 'any', accreditor: 'any', regulator: 'any', admin: 'any' };
const EVERYONE_READS: Access = {
  ...NATIONAL_READS,
  'medical-director': 'institution',
  'trust-auditor': 'institution',
};
const PUBLIC: Access = { anyone: 'any' };

/**
 * THE authorisation policy: one row per action, and every route names its action (`@Requires`),
 * so a route missing from this table cannot be reached (the guard refuses it). Writers per
 * command are the domain's COMMAND_ROLES (a unit test keeps them equal); this table adds which
 * records each role may touch. The facts a rule looks at are resolved by PolicyFacts and
 * `commandResource`, beside this file. docs/security.md is generated from it.
 */
export const POLICY: Record<Action, Access> = {
  EnrolTrainee: { admin: 'any', 'medical-director': 'institution' },
  // A transfer touches both trusts' records, so a director needs both (else an admin does it).
  TransferTrainee: { admin: 'any', 'medical-director': 'institution' },
  // The trainee's own trust sends them on a placement (the record is theirs); the host trust
  // consents case by case: only a supervisor accredited there signs a case logged there.
  DeclareRotation: { admin: 'any', 'medical-director': 'institution' },
  // The assessor / signer is the caller; the decider checks their accreditation at the
  // trainee's institution on the day.
  RecordAssessment: { supervisor: 'named', 'medical-director': 'named' },
  SignOffCompetency: { supervisor: 'named', 'medical-director': 'named' },
  RecordRotaParticipation: {
    admin: 'any',
    'medical-director': 'institution',
    supervisor: 'institution',
  },
  RecogniseTrainingTime: { admin: 'any', panel: 'any', 'medical-director': 'institution' },
  // A trainee's own requests and reflections, on their own record only.
  RequestAssessment: { trainee: 'own' },
  RequestCompetencySignOff: { trainee: 'own' },
  // Only the trainee who asked takes a request back (the addressee declines by not answering).
  WithdrawRequest: { trainee: 'own' },
  WriteReflection: { trainee: 'own' },
  ShareReflection: { trainee: 'own' },
  LogCase: { trainee: 'own' },
  AmendCase: { trainee: 'own' },
  RetractCase: { trainee: 'own' },
  SignOffCase: { supervisor: 'named-accredited', 'medical-director': 'named-accredited' },
  // The named supervisor may always dispute ("I was not there"), accredited or not.
  DisputeCaseSignOff: { supervisor: 'named', 'medical-director': 'named' },
  // Bulk sign-off from one's own queue; each item is then checked as its own command
  // (SignOffCase, SignOffCompetency), so a refused item names its rule.
  SignOffQueueItems: { supervisor: 'named', 'medical-director': 'named' },
  // Follow-up outcomes: the trust's audit role for its own cases; a trainee on their own case
  // (the decider refuses observers: their log is never the procedure's record).
  RecordCaseOutcome: { 'trust-auditor': 'institution', trainee: 'own' },
  AccreditSupervisor: { admin: 'any', accreditor: 'any', 'medical-director': 'institution' },
  RevokeSupervisorAccreditation: {
    admin: 'any',
    accreditor: 'any',
    'medical-director': 'institution',
  },
  // Which accreditor: the pathway decider checks the token's issuer claim against the owner.
  PublishPathway: { accreditor: 'any' },
  SubmitCredentialApplication: { trainee: 'own' },
  RecordCredentialDecision: { panel: 'any' },
  // Each member votes; who may not sit (evidence signers, supervisors, the pathway's institution
  // rule) is the domain's panel rule, refused with its own code.
  CastPanelVote: { panel: 'any' },
  // No route of its own: recorded with a revocation for cause, by whoever revoked (the
  // revocation is what is authorised; its flags reach every trainee whose credential it touches).
  FlagCredentialForReview: { admin: 'any', accreditor: 'any', 'medical-director': 'any' },
  ResolveCredentialReview: { panel: 'any' },
  IssueCredential: { panel: 'any', admin: 'any' },
  SuspendCredential: { panel: 'any', admin: 'any', regulator: 'any' },
  ReinstateCredential: { panel: 'any', admin: 'any', regulator: 'any' },
  RevokeCredential: { panel: 'any', admin: 'any', regulator: 'any' },
  // Recognition is decided by the receiving side: the credentialing panel, or the medical
  // director of the trust the trainee trains at now (not an administrative act).
  RecogniseExternalEvidence: { panel: 'any', 'medical-director': 'institution' },
  WithdrawExternalEvidenceRecognition: { panel: 'any', 'medical-director': 'institution' },
  // Erasure (docs/privacy.md): the trust's data-protection officer, on anyone's record.
  EraseSubject: { 'data-protection': 'any' },
  // Everything held about a person, decrypted: the person, or the data-protection officer.
  'subject.access': { trainee: 'own', 'data-protection': 'any' },
  'trainee.read': { ...EVERYONE_READS, trainee: 'own', supervisor: 'institution' },
  'case.read': { ...EVERYONE_READS, trainee: 'own', supervisor: 'named-or-institution' },
  // Credential applications, their votes, decisions and review flags: part of the trainee's
  // record, so its readers; lists are scoped to what the reader may see, never widened.
  'application.read': { ...EVERYONE_READS, trainee: 'own', supervisor: 'institution' },
  // The queue lists cases: institutional readers get the items at their institution only.
  'supervisor.pending.read': { ...EVERYONE_READS, supervisor: 'named' },
  // Reflections are private to the trainee: read by the supervisors they named, or by the
  // panel if they shared it with the panel; by no one else, whatever their reach elsewhere.
  'reflection.read': { trainee: 'own', supervisor: 'shared', panel: 'shared' },
  // The logbook export (CSV, PDF) is the trainee's case record: the readers of that record.
  'logbook.read': { ...EVERYONE_READS, trainee: 'own', supervisor: 'institution' },
  'pathway.read': {
    ...NATIONAL_READS,
    trainee: 'any',
    supervisor: 'any',
    'medical-director': 'any',
    'trust-auditor': 'any',
    'data-protection': 'any',
  },
  'events.stream': { ...EVERYONE_READS, trainee: 'own', supervisor: 'institution' },
  // Raw leaves carry every trust's events: only the roles that read the whole ledger.
  'ledger.entries.read': NATIONAL_READS,
  // Aggregate figures: institutional roles get their own institution's (scoped, not refused).
  'audit.read': EVERYONE_READS,
  // Per-procedure rows and audit bundles carry case-level records: the same readers as the
  // figures, institutional roles for their own institution only.
  'audit.export': EVERYONE_READS,
  'workforce.read': EVERYONE_READS,
  // The signed credential: its holder (the trainee) and the roles that read the trainee's
  // record; a supervisor has no need of it.
  'credential.read': { ...EVERYONE_READS, trainee: 'own' },
  // Request rates, error counts, log lag: for the people who run the service.
  'metrics.read': { admin: 'any' },
  // Liveness and readiness for load balancers; they reveal nothing about the ledger's content.
  'health.read': PUBLIC,
  // Public documentation: the API reference (the committed openapi.json) and the pathway
  // document's JSON Schema (docs/schemas/pathway.schema.json).
  'docs.read': PUBLIC,
  // Checkpoints, verifier keys and proofs: transparency means anyone can verify the log.
  'ledger.public.read': PUBLIC,
  // C2SP add-checkpoint: the caller is authenticated by the log's signature, not a token.
  'witness.cosign': PUBLIC,
  // The web app's own files: the page and its scripts hold no ledger data.
  'web.read': PUBLIC,
  // How to sign in: the identity provider (production), or the people to choose from (development).
  'sign-in.read': PUBLIC,
  // Development tokens for any person: answered only with the development key (no identity
  // provider configured), i.e. on a developer's machine or the demo; 404 everywhere else.
  'sign-in.development': PUBLIC,
  // A relying party checks a credential it was handed: its status (state, date, ledger
  // position; no reason, no person), the signed status lists and the issuer's DID document.
  'credential.public.read': PUBLIC,
};

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** Whether the action needs no token at all. */
export function isPublic(action: Action): boolean {
  return POLICY[action].anyone === 'any';
}

/**
 * May `actor` do `action` on `resource`? Without a resource it answers whether the role may
 * ever do it (the guard's early check); with one, whether it may on this record.
 */
export function authorize(
  actor: AuthenticatedActor,
  action: Action,
  resource?: Resource,
): Decision {
  const access = POLICY[action];
  const rule = access[actor.role] ?? access.anyone;
  if (!rule) return { allowed: false, reason: `role '${actor.role}' may not ${describe(action)}` };
  if (!resource) return { allowed: true };
  if (isWrite(action) && rule !== 'own' && resource.ownerId === actor.subject)
    return {
      allowed: false,
      reason: `${describe(action)}: no one may do this on their own record`,
    };
  if (holds(rule, actor, resource)) return { allowed: true };
  return { allowed: false, reason: `${describe(action)}: ${REFUSAL[rule]}` };
}

/**
 * How far a role's reads of a listing reach (the live feed, workforce figures): everything, its
 * institution's records, or its own.
 */
export function readScope(
  actor: AuthenticatedActor,
  action: ReadAction = 'events.stream',
): 'all' | 'institution' | 'own' | 'none' {
  const rule = POLICY[action][actor.role];
  if (rule === 'any') return 'all';
  if (rule === 'own') return 'own';
  return rule ? 'institution' : 'none';
}

/** Every institution is the actor's (and there is at least one). */
function allMine(
  actor: AuthenticatedActor,
  institutionIds: readonly string[] | undefined,
): boolean {
  const ids = institutionIds ?? [];
  return ids.length > 0 && ids.every((id) => id === actor.institutionId);
}

function holds(rule: Rule, actor: AuthenticatedActor, r: Resource): boolean {
  const named = r.namedId !== undefined && r.namedId === actor.subject;
  switch (rule) {
    case 'any':
      return true;
    case 'own':
      return r.ownerId !== undefined && r.ownerId === actor.subject;
    case 'named':
      return named;
    case 'named-accredited': {
      const ids = r.institutionIds ?? [];
      const accredited = r.actorAccreditedAt ?? [];
      return named && ids.length > 0 && ids.every((id) => accredited.includes(id));
    }
    case 'institution':
      return allMine(actor, r.institutionIds);
    case 'named-or-institution':
      return named || allMine(actor, r.institutionIds);
    case 'shared':
      return (
        (r.sharedWith ?? []).includes(actor.subject) ||
        (r.sharedWithRoles ?? []).includes(actor.role)
      );
  }
}

function isWrite(action: Action): boolean {
  return !action.includes('.');
}

const REFUSAL: Record<Rule, string> = {
  any: '',
  own: 'only the trainee may do this on their own record',
  named: 'only the person the record names may do this',
  'named-accredited':
    'only the named supervisor, accredited at every institution of the record, may do this',
  institution: 'the record belongs to an institution outside your scope',
  'named-or-institution': 'the record belongs to an institution outside your scope',
  shared: 'the owner has not shared this record with you',
};

export function describe(action: Action): string {
  return action.includes('.')
    ? `use ${action}`
    : action.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

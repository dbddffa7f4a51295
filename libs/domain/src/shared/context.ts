import type { Role } from '../vocabulary/vocabulary';
import type { HeldCredential } from '../credential/held-credential';
import type { PathwayFacts } from '../pathway/pathway-facts';
import type { PathwayState } from '../pathway/pathway-state';
import type { SupervisorState } from '../supervisor/supervisor-state';
import type { TraineeState } from '../trainee/trainee-state';

/** Who is asking, as the API read it from the bearer token. */
export interface Actor {
  subject: string;
  role: Role;
  institutionId?: string;
  /** The body (pathway issuer id, e.g. "rcr") the actor publishes for: the token's issuer claim. */
  issuer?: string;
}

/**
 * Everything a decider needs beyond its own stream, loaded by the handler so the decider stays
 * pure. Facts from other streams are their folded states; `registry.factsFor` says which to load.
 * A missing fact counts as "nothing known", so a forgotten load fails closed.
 */
export interface DecisionContext {
  /** Today's date (YYYY-MM-DD) on the ledger's clock: dates signatures and bounds "not in the future". */
  today: string;
  actor: Actor;
  trainee?: TraineeState;
  /** The supervisor (signer, assessor) the command names. */
  supervisor?: SupervisorState;
  pathway?: PathwayState;
  /**
   * The pathways the command concerns (the trainee's, the one applied for or published), as
   * published in the ledger or shipped in the catalogue; an id missing here is unknown.
   */
  pathways?: PathwayFacts[];
  /** The credentials the case's trainee holds (any status); loaded for cases. */
  credentials?: readonly HeldCredential[];
  /** Institutions the ledger knows (named by a supervisor accreditation); loaded for cases. */
  knownInstitutions?: readonly string[];
}

import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ForeignBundleStore, type ProvenanceBundle } from '@inr/ledger';
import { ReadModels } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { ProblemException } from '../platform/problem/problem.exception';
import { PolicyFacts } from '../auth/policy-facts';
import { IdParam } from '../shared/id-param';
import { BundleError, decisionBundle } from '@inr/projections';
import { LedgerRuntime } from './ledger-runtime';
import { BUNDLE } from '../openapi/response-schemas';
import { KeepsCiphertext } from '../privacy/revealing-fastify-adapter';

const STATUS = {
  DECISION_NOT_FOUND: 404,
  NOT_CHECKPOINTED: 503,
  PATHWAY_UNAVAILABLE: 422,
  FOREIGN_BUNDLE_MISSING: 500,
} as const;

/**
 * The offline-verifiable proof of a decision. It carries the trainee's training history, so
 * it needs the same token as the decision's provenance (trainee.read on that trainee).
 */
@ApiTags('verifiable log')
@ApiBearerAuth('bearer')
@Controller('v1/decisions')
export class DecisionBundleController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(LedgerRuntime) private readonly ledger: LedgerRuntime,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
    @Inject(ForeignBundleStore) private readonly foreign: ForeignBundleStore,
  ) {}

  @Get(':decisionId/bundle')
  @KeepsCiphertext()
  @Requires('trainee.read')
  @ApiOperation({
    summary:
      'A provenance bundle (inr-ledger-bundle/v1, or v2 with foreign evidence) for `inr-ledger verify`',
  })
  @ApiOkResponse({
    description: 'checkpoint, events with inclusion proofs, pathway, decision',
    schema: BUNDLE,
  })
  async bundle(
    @Param('decisionId', IdParam) decisionId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<ProvenanceBundle> {
    this.facts.require(actor, 'trainee.read', await this.facts.decision(decisionId));
    try {
      return await decisionBundle(
        {
          context: this.readModels.context,
          log: this.ledger.log,
          checkpointCovering: (index) => this.ledger.checkpointCovering(index),
          foreignBundle: (hash) => Promise.resolve(this.foreign.get(hash)),
        },
        decisionId,
      );
    } catch (e) {
      if (e instanceof BundleError) throw new ProblemException(STATUS[e.code], e.code, e.message);
      throw e;
    }
  }
}

import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ReadModels,
  type DecisionProvenance,
  type DecisionRecord,
  type DecisionReplay,
} from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { notFound } from '../platform/problem/problem.exception';
import { IdParam } from '../shared/id-param';
import { PolicyFacts } from '../auth/policy-facts';
import { ReplayQueryDto } from './read-model-queries.dto';
import { readModelCall } from './to-read-problem';
import { DECISION, PROVENANCE, REPLAY } from '../openapi/response-schemas';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/decisions')
export class DecisionsController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** A decision by id: as recorded, where its application stands, and any review flags on it. */
  @Get(':decisionId')
  @Requires('trainee.read')
  @ApiOperation({
    summary: 'A credential decision as recorded, with the review flags on it and what they change',
  })
  @ApiOkResponse({ description: 'The decision', schema: DECISION })
  async get(
    @Param('decisionId', IdParam) decisionId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<DecisionRecord> {
    await this.requireReader(actor, decisionId);
    const record = await this.readModels.decision(decisionId);
    if (!record) throw notFound(`no decision '${decisionId}'`);
    return record;
  }

  /** "Where did this credential come from?" */
  @Get(':decisionId/provenance')
  @Requires('trainee.read')
  @ApiOperation({
    summary: 'Every event a credential decision stood on, who recorded it, and what changed after',
  })
  @ApiOkResponse({
    description: 'The decision and its evidence, in ledger order',
    schema: PROVENANCE,
  })
  async provenance(
    @Param('decisionId', IdParam) decisionId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<DecisionProvenance> {
    await this.requireReader(actor, decisionId);
    const provenance = await readModelCall(() => this.readModels.provenance(decisionId));
    if (!provenance) throw notFound(`no decision '${decisionId}'`);
    return provenance;
  }

  /** "Replay that decision": the recorded pathway version on the ledger as it stood, or the latest on today's. */
  @Get(':decisionId/replay')
  @Requires('trainee.read')
  @ApiOperation({
    summary: 'Re-run a credential decision and compare with the recorded evaluation byte for byte',
  })
  @ApiOkResponse({
    description: 'identical, a per-requirement diff, and both evaluations',
    schema: REPLAY,
  })
  async replay(
    @Param('decisionId', IdParam) decisionId: string,
    @Query() query: ReplayQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<DecisionReplay> {
    await this.requireReader(actor, decisionId);
    const under = query.under === 'latest' ? 'latest' : 'recorded';
    const replay = await readModelCall(() => this.readModels.replay(decisionId, under));
    if (!replay) throw notFound(`no decision '${decisionId}'`);
    return replay;
  }

  /** Authorises on the decision's trainee before any evaluation work is done. */
  private async requireReader(actor: AuthenticatedActor, decisionId: string): Promise<void> {
    this.facts.require(actor, 'trainee.read', await this.facts.decision(decisionId));
  }
}

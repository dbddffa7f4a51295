import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { evolveCase, initialCaseState, streamName, type CaseState } from '@inr/domain';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { AuthenticatedActor } from '../../auth/actor';
import { PolicyFacts } from '../../auth/policy-facts';
import { notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { describeEvent, LedgerScan } from '../ledger-scan/ledger-scan';
import { CASE } from '../../openapi/response-schemas';

@ApiTags('cases')
@ApiBearerAuth('bearer')
@Controller('v1/cases')
export class GetCaseController {
  constructor(
    @Inject(LedgerScan) private readonly scan: LedgerScan,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** The case as it stands and every event behind it; the ETag is the revision to send as If-Match. */
  @Get(':caseId')
  @Requires('case.read')
  @ApiOperation({ summary: 'A case with its full history' })
  @ApiOkResponse({ description: 'The case, its sign-off state and its history', schema: CASE })
  async get(
    @Param('caseId', IdParam) caseId: string,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const events = await this.scan.stream(streamName('case', caseId));
    const state: CaseState = events.reduce((s, e) => evolveCase(s, e.domain), initialCaseState());
    if (state.status === 'not-logged') throw notFound(`no case '${caseId}'`);
    this.facts.require(actor, 'case.read', this.facts.caseResource(state.record));
    const revision = events.length - 1;
    void reply.header('etag', `"${revision}"`);
    return { caseId, revision, state, history: events.map(describeEvent) };
  }
}

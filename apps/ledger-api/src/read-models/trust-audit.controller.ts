import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { auditCsv, ReadModels, type AuditReport } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { IdParam } from '../shared/id-param';
import { PolicyFacts } from '../auth/policy-facts';
import { AuditQueryDto } from './read-model-queries.dto';
import { readModelCall } from './to-read-problem';

@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/audit')
export class TrustAuditController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** "What did our trainees do, who supervised, what were the outcomes?" for a performed period. */
  @Get('institutions/:institutionId')
  @Requires('audit.read')
  @ApiOperation({
    summary:
      'Trust audit: cases by procedure and role, supervision, sign-off delay, outcomes vs thresholds',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'JSON report, or CSV with header procedure,metric,value,threshold,status',
  })
  async audit(
    @Param('institutionId', IdParam) institutionId: string,
    @Query() query: AuditQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditReport | string> {
    this.facts.require(actor, 'audit.read', { institutionIds: [institutionId] });
    const report = await readModelCall(() =>
      this.readModels.audit({ institutionId, from: query.from, to: query.to, asOf: query.asOf }),
    );
    if (query.format !== 'csv') return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="audit-${institutionId}-${report.from}-${report.to}.csv"`,
      );
    return auditCsv(report);
  }
}

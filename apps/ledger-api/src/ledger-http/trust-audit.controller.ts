import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuditBundle } from '@inr/ledger';
import { auditCsv, ReadModels, type AuditReport } from '@inr/projections';
import { CurrentActor, Requires } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../auth/actor';
import { ProblemException } from '../platform/problem/problem.exception';
import { PolicyFacts } from '../auth/policy-facts';
import { AuditPeriodDto, AuditQueryDto } from '../read-models/read-model-queries.dto';
import { readModelCall } from '../read-models/to-read-problem';
import { IdParam } from '../shared/id-param';
import { auditBundle, checkpointRef } from '@inr/projections';
import { LedgerRuntime } from './ledger-runtime';
import { AUDIT_BUNDLE, AUDIT_REPORT } from '../openapi/response-schemas';
import { KeepsCiphertext } from '../privacy/revealing-fastify-adapter';

/**
 * A trust's audit, computed at the latest signed checkpoint and saying which: the figures, one
 * row per procedure for a national audit, and the bundle an outside reviewer recomputes.
 */
@ApiTags('read models')
@ApiBearerAuth('bearer')
@Controller('v1/audit')
export class TrustAuditController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(LedgerRuntime) private readonly ledger: LedgerRuntime,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** "What did our trainees do, who supervised, what were the outcomes?" for a performed period. */
  @Get('institutions/:institutionId')
  @Requires('audit.read')
  @ApiOperation({
    summary:
      'Trust audit: procedures counted once, outcomes from the operating record, against the published targets, by month, operator and supervisor',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'JSON report stating the ledger size and signed checkpoint it was computed at, or CSV (dimension,key,procedure,metric,unit,count,denominator,value,threshold,status)',
    content: {
      'application/json': { schema: AUDIT_REPORT },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async audit(
    @Param('institutionId', IdParam) institutionId: string,
    @Query() query: AuditQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditReport | string> {
    this.facts.require(actor, 'audit.read', { institutionIds: [institutionId] });
    const report = await readModelCall(() =>
      this.readModels.audit({ institutionId, from: query.from, to: query.to, ...this.at(query) }),
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

  /** One row per procedure, national-audit style (docs/audit-data-dictionary.md). */
  @Get('institutions/:institutionId/procedures')
  @Requires('audit.export')
  @ApiOperation({
    summary: 'National-audit style CSV: one row per procedure, no patient identifiers',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV; X-Ledger-Size names the ledger size it was computed at',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async procedures(
    @Param('institutionId', IdParam) institutionId: string,
    @Query() query: AuditPeriodDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    this.facts.require(actor, 'audit.export', { institutionIds: [institutionId] });
    const { ledgerSize, csv } = await readModelCall(() =>
      this.readModels.nationalAudit({
        institutionId,
        from: query.from,
        to: query.to,
        ...this.at({}),
      }),
    );
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('x-ledger-size', String(ledgerSize))
      .header(
        'content-disposition',
        `attachment; filename="procedures-${institutionId}-${query.from ?? 'start'}-${query.to ?? 'end'}.csv"`,
      );
    return csv;
  }

  /** The audit with its events and their inclusion proofs, for `inr-ledger verify`. */
  @Get('institutions/:institutionId/bundle')
  @KeepsCiphertext()
  @Requires('audit.export')
  @ApiOperation({ summary: 'An audit bundle (inr-ledger-audit-bundle/v1) for `inr-ledger verify`' })
  @ApiOkResponse({
    description: 'checkpoint, events with inclusion proofs, scope, report',
    schema: AUDIT_BUNDLE,
  })
  async bundle(
    @Param('institutionId', IdParam) institutionId: string,
    @Query() query: AuditPeriodDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<AuditBundle> {
    this.facts.require(actor, 'audit.export', { institutionIds: [institutionId] });
    const checkpoint = this.ledger.latest() ?? (await this.ledger.checkpointCovering(0));
    if (checkpoint === undefined)
      throw new ProblemException(
        503,
        'NOT_CHECKPOINTED',
        'the ledger has no signed checkpoint yet',
      );
    return auditBundle(
      { context: this.readModels.context, log: this.ledger.log, checkpoint },
      { institutionId, from: query.from ?? '0000-01-01', to: query.to ?? '9999-12-31' },
    );
  }

  /** As of the asked position, else at the latest signed checkpoint (the report names it). */
  private at(query: {
    asOf?: string;
  }): { asOf?: string } | { checkpoint: ReturnType<typeof checkpointRef> } {
    if (query.asOf !== undefined) return { asOf: query.asOf };
    const latest = this.ledger.latest();
    return latest === undefined ? {} : { checkpoint: checkpointRef(latest) };
  }
}

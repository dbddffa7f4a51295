import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { logbookCsv, ReadModels } from '@inr/projections';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { AuthenticatedActor } from '../../auth/actor';
import { PolicyFacts } from '../../auth/policy-facts';
import { notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { logbookPdf } from './logbook-pdf';

export const LOGBOOK_FORMATS = ['csv', 'pdf'] as const;

export class LogbookQueryDto {
  @ApiPropertyOptional({ enum: LOGBOOK_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(LOGBOOK_FORMATS)
  format?: (typeof LOGBOOK_FORMATS)[number];
}

@ApiTags('trainees')
@ApiBearerAuth('bearer')
@Controller('v1/trainees')
export class LogbookController {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /** For another college or an appraisal: the trainee's cases as CSV, or a printable PDF summary. */
  @Get(':traineeId/logbook')
  @Requires('logbook.read')
  @ApiOperation({
    summary: "A trainee's logbook: CSV (one row per case) or a printable PDF summary",
  })
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOkResponse({
    description: `CSV with the columns of docs/domain.md ("Logbook export"), or a PDF`,
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async logbook(
    @Param('traineeId', IdParam) traineeId: string,
    @Query() query: LogbookQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const state = await this.facts.traineeState(traineeId);
    if (state.status !== 'enrolled') throw notFound(`no trainee '${traineeId}' is enrolled`);
    this.facts.require(actor, 'logbook.read', await this.facts.trainee(traineeId));
    const logbook = await this.readModels.logbook(traineeId);
    const pdf = query.format === 'pdf';
    void reply
      .header('content-type', pdf ? 'application/pdf' : 'text/csv; charset=utf-8')
      .header('x-ledger-size', String(logbook.ledgerSize))
      .header(
        'content-disposition',
        `attachment; filename="logbook-${traineeId}.${pdf ? 'pdf' : 'csv'}"`,
      );
    return pdf ? logbookPdf(logbook, new Date().toISOString().slice(0, 10)) : logbookCsv(logbook);
  }
}

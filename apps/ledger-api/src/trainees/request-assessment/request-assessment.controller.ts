import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RequestAssessment } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { RequestAssessmentDto } from './request-assessment.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class RequestAssessmentController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** The request id derives from the Idempotency-Key: a retried request is never made twice. */
  @CommandRoute(
    'RequestAssessment',
    ':traineeId/assessment-requests',
    "Ask a named assessor for a workplace-based assessment (it lands in the assessor's queue)",
  )
  request(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: RequestAssessmentDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const requestId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'request');
    const command: RequestAssessment = {
      ...plain(body),
      type: 'RequestAssessment',
      traineeId,
      requestId,
    };
    return this.commands.execute(command, meta, requestId);
  }
}

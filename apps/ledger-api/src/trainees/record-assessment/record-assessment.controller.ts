import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordAssessment } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { RecordAssessmentDto } from './record-assessment.dto';

@ApiTags('trainees')
@Controller('v1/trainees')
export class RecordAssessmentController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @CommandRoute(
    'RecordAssessment',
    ':traineeId/assessments',
    'Record a workplace-based assessment (Rad-DOPS, Mini-IPX, CbD, MSF, MDT)',
  )
  record(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: RecordAssessmentDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const assessmentId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'assessment');
    const command: RecordAssessment = {
      ...plain(body),
      type: 'RecordAssessment',
      assessmentId,
      traineeId,
      assessorId: body.assessorId ?? meta.actor.subject,
    };
    return this.commands.execute(command, meta, assessmentId);
  }
}

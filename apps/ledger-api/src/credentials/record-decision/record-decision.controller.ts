import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordCredentialDecision } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { IdParam } from '../../shared/id-param';
import { todayUtc } from '../../shared/validators';
import { decisionFields } from './decision-fields';
import { EvaluateApplication } from './evaluate-application';
import { RecordDecisionDto } from './record-decision.dto';

@ApiTags('credentials')
@Controller('v1/applications')
export class RecordDecisionController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(EvaluateApplication) private readonly evaluator: EvaluateApplication,
  ) {}

  /**
   * A single member's decision, where the pathway's quorum is one (else each member votes). The
   * server runs the evaluation and finds who may not sit; the member supplies outcome and reasons.
   */
  @CommandRoute(
    'RecordCredentialDecision',
    ':applicationId/decisions',
    'Record the panel decision on an application',
  )
  decide(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: RecordDecisionDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    return this.evaluator.run(applicationId, todayUtc()).then((evaluated) => {
      const decisionId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'decision');
      const command: RecordCredentialDecision = {
        type: 'RecordCredentialDecision',
        ...decisionFields(applicationId, decisionId, evaluated, body, meta),
      };
      return this.commands.execute(command, meta, decisionId);
    });
  }
}

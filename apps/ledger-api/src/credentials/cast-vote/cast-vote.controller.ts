import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CastPanelVote } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { IdParam } from '../../shared/id-param';
import { todayUtc } from '../../shared/validators';
import { decisionFields } from '../record-decision/decision-fields';
import { EvaluateApplication } from '../record-decision/evaluate-application';
import { RecordDecisionDto } from '../record-decision/record-decision.dto';

@ApiTags('credentials')
@Controller('v1/applications')
export class CastVoteController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(EvaluateApplication) private readonly evaluator: EvaluateApplication,
  ) {}

  /**
   * One member's vote. The vote that brings one outcome to the pathway's quorum records the
   * decision too; the answer's `id` is then the decision's id.
   */
  @CommandRoute(
    'CastPanelVote',
    ':applicationId/votes',
    "Cast a panel member's vote; the vote that reaches the pathway's quorum records the decision",
  )
  async vote(
    @Param('applicationId', IdParam) applicationId: string,
    @Body() body: RecordDecisionDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const evaluated = await this.evaluator.run(applicationId, todayUtc());
    const decisionId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'decision');
    const command: CastPanelVote = {
      type: 'CastPanelVote',
      ...decisionFields(applicationId, decisionId, evaluated, body, meta),
      conflicts: evaluated.conflicts,
    };
    const result = await this.commands.execute(command, meta);
    return result.eventIds.length > 1 ? { ...result, id: decisionId } : result;
  }
}

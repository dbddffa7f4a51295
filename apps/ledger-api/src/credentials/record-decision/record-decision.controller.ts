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
import { EvaluateApplication } from './evaluate-application';
import { RecordDecisionDto } from './record-decision.dto';

@ApiTags('credentials')
@Controller('v1/applications')
export class RecordDecisionController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(EvaluateApplication) private readonly evaluator: EvaluateApplication,
  ) {}

  /** The server runs the evaluation; the panel supplies only its outcome and reasons. */
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
        applicationId,
        decisionId,
        outcome: body.outcome,
        pathwayVersion: evaluated.pathwayVersion,
        pathwayHash: evaluated.pathwayHash,
        ledgerSize: evaluated.ledgerSize,
        evidence: evaluated.evidence,
        evaluation: evaluated.evaluation,
        reasons: body.reasons,
        ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
        panelMemberId: meta.actor.subject,
      };
      return this.commands.execute(command, meta, decisionId);
    });
  }
}

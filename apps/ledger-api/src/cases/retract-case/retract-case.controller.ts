import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RetractCase } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { ReasonDto } from '../../shared/validators';

@ApiTags('cases')
@Controller('v1/cases')
export class RetractCaseController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** A retracted case stays in the ledger (it is immutable) but never counts as evidence. */
  @CommandRoute('RetractCase', ':caseId/retraction', 'Retract a logged case')
  retract(
    @Param('caseId', IdParam) caseId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: RetractCase = { type: 'RetractCase', caseId, reason: body.reason };
    return this.commands.execute(command, meta);
  }
}

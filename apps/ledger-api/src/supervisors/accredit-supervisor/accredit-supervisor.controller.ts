import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AccreditSupervisor } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { IdParam } from '../../shared/id-param';
import { plain } from '../../shared/plain';
import { AccreditSupervisorDto } from './accredit-supervisor.dto';

@ApiTags('supervisors')
@Controller('v1/supervisors')
export class AccreditSupervisorController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /** Accredits (or re-accredits) a GMC-registered consultant to supervise at the listed institutions. */
  @CommandRoute('AccreditSupervisor', ':supervisorId/accreditations', 'Accredit a supervisor')
  accredit(
    @Param('supervisorId', IdParam) supervisorId: string,
    @Body() body: AccreditSupervisorDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: AccreditSupervisor = {
      ...plain(body),
      type: 'AccreditSupervisor',
      supervisorId,
    };
    return this.commands.execute(command, meta);
  }
}

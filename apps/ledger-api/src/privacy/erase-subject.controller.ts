import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EraseSubject } from '@inr/domain';
import { CommandMeta, type CommandRequest } from '../commands/command-request';
import type { CommandResult } from '../commands/command-result';
import { CommandRoute } from '../commands/command-route';
import { CommandService } from '../commands/command-service';
import { IdParam } from '../shared/id-param';
import { ReasonDto } from '../shared/validators';

@ApiTags('privacy')
@Controller('v1/subjects')
export class EraseSubjectController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /**
   * Records SubjectDataErased (when, by whom, why) and destroys the person's data key: their
   * personal fields read as "[erased]" from then on; every proof and decision stands.
   */
  @CommandRoute('EraseSubject', ':subjectId/erasures', "Erase a person's personal data")
  erase(
    @Param('subjectId', IdParam) subjectId: string,
    @Body() body: ReasonDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: EraseSubject = { type: 'EraseSubject', subjectId, reason: body.reason };
    return this.commands.execute(command, meta);
  }
}

import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JsonObject, PublishPathway } from '@inr/domain';
import { validatePathway } from '@inr/policy';
import { pathwayContentHash } from '@inr/ledger';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { unprocessable } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { PublishPathwayDto } from './publish-pathway.dto';

@ApiTags('pathways')
@Controller('v1/pathways')
export class PublishPathwayController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  /**
   * The document is checked by the policy package and hashed here (SHA-256 of its RFC 8785
   * canonical JSON), so a decision can later cite exactly the version it was evaluated against.
   */
  @CommandRoute(
    'PublishPathway',
    ':pathwayId/versions',
    'Publish a new version of a credential pathway',
  )
  publish(
    @Param('pathwayId', IdParam) pathwayId: string,
    @Body() body: PublishPathwayDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const checked = validatePathway(body.document);
    if (!checked.ok) {
      throw unprocessable(
        'PATHWAY_INVALID',
        'the pathway document is not valid',
        checked.errors
          .slice(0, 50)
          .map((e) => ({ field: `document${e.path}`, message: `${e.code}: ${e.message}` })),
      );
    }
    if (checked.pathway.id !== pathwayId) {
      throw unprocessable(
        'PATHWAY_DOCUMENT_MISMATCH',
        `the document's id is '${checked.pathway.id}', not '${pathwayId}'`,
      );
    }
    const document = body.document as JsonObject;
    const command: PublishPathway = {
      type: 'PublishPathway',
      pathwayId,
      version: checked.pathway.version,
      contentHash: pathwayContentHash(document),
      document,
      changeNote: body.changeNote,
    };
    return this.commands.execute(command, meta);
  }
}

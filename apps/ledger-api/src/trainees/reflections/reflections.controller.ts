import { Body, Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  streamName,
  upcastEvent,
  type ReflectionAudience,
  type ShareReflection,
  type WriteReflection,
} from '@inr/domain';
import type { EventStore } from '@inr/event-store';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { AuthenticatedActor } from '../../auth/actor';
import { POLICY, type Resource } from '../../auth/authorize';
import { PolicyFacts } from '../../auth/policy-facts';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { REFLECTIONS } from '../../openapi/response-schemas';
import { notFound } from '../../platform/problem/problem.exception';
import { EVENT_STORE } from '../../platform/store/tokens';
import { IdParam } from '../../shared/id-param';
import { ShareReflectionDto, WriteReflectionDto } from './reflection.dto';

export interface Reflection {
  reflectionId: string;
  writtenOn: string;
  title: string;
  text: string;
  caseId?: string;
  sharedWith: ReflectionAudience;
  /** Ledger position of the writing. */
  position: number;
}

/** A reflection as the policy sees it: the author's, readable by whom they shared it with. */
export function reflectionResource(authorId: string, sharedWith: ReflectionAudience): Resource {
  return {
    ownerId: authorId,
    sharedWith: sharedWith.supervisorIds,
    sharedWithRoles: sharedWith.panel ? ['panel'] : [],
  };
}

@ApiTags('trainees')
@Controller('v1/trainees')
export class ReflectionsController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Private unless `sharedWith` names supervisors or the panel. */
  @CommandRoute(
    'WriteReflection',
    ':traineeId/reflections',
    'Write a reflection (private unless shared)',
  )
  write(
    @Param('traineeId', IdParam) traineeId: string,
    @Body() body: WriteReflectionDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const reflectionId = deterministicUuid(meta.actor.subject, meta.idempotencyKey, 'reflection');
    const command: WriteReflection = {
      type: 'WriteReflection',
      traineeId,
      reflectionId,
      title: body.title,
      text: body.text,
      ...(body.caseId !== undefined && { caseId: body.caseId }),
      sharedWith: {
        supervisorIds: body.sharedWith?.supervisorIds ?? [],
        panel: body.sharedWith?.panel ?? false,
      },
    };
    return this.commands.execute(command, meta, reflectionId);
  }

  @CommandRoute(
    'ShareReflection',
    ':traineeId/reflections/:reflectionId/sharing',
    'Change who may read a reflection (share it, or take it back)',
  )
  share(
    @Param('traineeId', IdParam) traineeId: string,
    @Param('reflectionId', IdParam) reflectionId: string,
    @Body() body: ShareReflectionDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<CommandResult> {
    const command: ShareReflection = {
      type: 'ShareReflection',
      traineeId,
      reflectionId,
      sharedWith: { supervisorIds: body.sharedWith.supervisorIds, panel: body.sharedWith.panel },
    };
    return this.commands.execute(command, meta);
  }

  /**
   * The reflections this reader may read: all of them for their author; for a supervisor or
   * the panel, those shared with them (possibly none). Nobody else may ask.
   */
  @Get(':traineeId/reflections')
  @Requires('reflection.read')
  @ApiBearerAuth('bearer')
  @ApiOperation({ summary: "A trainee's reflections this reader may read" })
  @ApiOkResponse({ description: 'Reflections, oldest first', schema: REFLECTIONS })
  async list(
    @Param('traineeId', IdParam) traineeId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<{ traineeId: string; reflections: Reflection[] }> {
    const events = (await this.store.readStream(streamName('trainee', traineeId))).map((e) => ({
      position: e.position,
      domain: upcastEvent(e),
    }));
    if (!events.some((e) => e.domain.type === 'TraineeEnrolled'))
      throw notFound(`no trainee '${traineeId}' is enrolled`);
    // A trainee asking for another trainee's reflections is refused, not shown an empty list.
    if (POLICY['reflection.read'][actor.role] === 'own')
      this.facts.require(actor, 'reflection.read', { ownerId: traineeId });
    const byId = new Map<string, Reflection>();
    for (const { position, domain } of events) {
      if (domain.type === 'ReflectionWritten') {
        const { authorId: _author, ...reflection } = domain.data;
        byId.set(reflection.reflectionId, { ...reflection, position });
      } else if (domain.type === 'ReflectionSharingChanged') {
        const known = byId.get(domain.data.reflectionId);
        if (known) known.sharedWith = domain.data.sharedWith;
      }
    }
    const reflections = [...byId.values()].filter((r) =>
      this.facts.allows(actor, 'reflection.read', reflectionResource(traineeId, r.sharedWith)),
    );
    return { traineeId, reflections };
  }
}

import { Body, Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TraineeState } from '@inr/domain';
import { PolicyFacts } from '../../auth/policy-facts';
import { CommandMeta, type CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandRoute } from '../../commands/command-route';
import { CommandService, type PreparedWrite } from '../../commands/command-service';
import { BULK_SIGN_OFF } from '../../openapi/response-schemas';
import {
  ProblemException,
  unprocessable,
  type FieldError,
} from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import { itemTarget, queueItemCommand } from './queue-item-command';
import { SignOffQueueItemsDto, type QueueSignOffItemDto } from './sign-off-queue-items.dto';

export interface BulkSignOffResult {
  supervisorId: string;
  items: Array<
    { index: number; kind: QueueSignOffItemDto['kind']; target: string } & CommandResult
  >;
}

type Prepared = { index: number; item: QueueSignOffItemDto; request: CommandRequest } & (
  { write: PreparedWrite } | { result: CommandResult }
);

@ApiTags('supervisors')
@Controller('v1/supervisors')
export class SignOffQueueItemsController {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  /**
   * All or nothing: every item is decided first, as its own command (SignOffCase,
   * SignOffCompetency, RecordAssessment) under its own rules; if any is refused, the answer
   * names each refused item's rule and nothing is written. Then each item is written as its own
   * event(s). The ids derive from the Idempotency-Key and the item's place, so a retry after a
   * lost answer (or a crash part-way) writes only what is missing.
   */
  @CommandRoute(
    'SignOffQueueItems',
    ':supervisorId/queue/sign-offs',
    'Sign off selected items of your queue in one request (one event per item, all or nothing)',
    { created: BULK_SIGN_OFF },
  )
  async signOff(
    @Param('supervisorId', IdParam) supervisorId: string,
    @Body() body: SignOffQueueItemsDto,
    @CommandMeta() meta: CommandRequest,
  ): Promise<BulkSignOffResult> {
    this.facts.require(meta.actor, 'SignOffQueueItems', { namedId: supervisorId });
    const prepared = await this.prepareAll(body.items, meta);
    const written = new Set<string>();
    const items: BulkSignOffResult['items'] = [];
    for (const p of prepared) {
      let result: CommandResult;
      if ('result' in p) result = p.result;
      else if (written.has(p.write.streamId)) {
        // A second item on a stream this request already wrote (two requests of one trainee):
        // decided again on the stream as it now is, so its revision is current.
        const again = await this.commands.prepare(
          this.commandOf(p.item, meta, p.request, await this.traineeOf(p.item)),
          p.request,
        );
        result = 'result' in again ? again.result : await this.commands.commit(again);
      } else result = await this.commands.commit(p.write);
      written.add(result.streamId);
      items.push({ index: p.index, kind: p.item.kind, target: itemTarget(p.item), ...result });
    }
    return { supervisorId, items };
  }

  private async prepareAll(
    items: QueueSignOffItemDto[],
    meta: CommandRequest,
  ): Promise<Prepared[]> {
    const refusals: FieldError[] = [];
    const prepared: Prepared[] = [];
    const targets = new Set<string>();
    const competencies = new Set<string>();
    for (const [index, item] of items.entries()) {
      const field = `items.${index}`;
      const refuse = (code: string, message: string) => refusals.push({ field, code, message });
      const target = itemTarget(item);
      if (targets.has(target)) {
        refuse('DUPLICATE_ITEM', `${target} is already an item of this request`);
        continue;
      }
      targets.add(target);
      const request: CommandRequest = {
        actor: meta.actor,
        idempotencyKey: `${meta.idempotencyKey}#${index}`,
        requestId: meta.requestId,
      };
      try {
        const trainee = await this.traineeOf(item);
        const command = this.commandOf(item, meta, request, trainee);
        // Two signatures of one competency by one signer: the second could never be recorded.
        if (command.type === 'SignOffCompetency') {
          const key = `${command.traineeId}/${command.competencyId}`;
          if (competencies.has(key)) {
            refuse('DUPLICATE_ITEM', `${key} is already signed by an item of this request`);
            continue;
          }
          competencies.add(key);
        }
        const outcome = await this.commands.prepare(command, request);
        prepared.push(
          'result' in outcome
            ? { index, item, request, result: outcome.result }
            : { index, item, request, write: outcome },
        );
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        refuse(error.code, error.detail);
      }
    }
    if (refusals.length > 0)
      throw unprocessable(
        'BULK_SIGN_OFF_REFUSED',
        `${refusals.length} of ${items.length} items refused; nothing was written`,
        refusals,
      );
    return prepared;
  }

  private async traineeOf(item: QueueSignOffItemDto): Promise<TraineeState | undefined> {
    return item.kind === 'case' ? undefined : this.facts.traineeState(item.traineeId ?? '');
  }

  private commandOf(
    item: QueueSignOffItemDto,
    meta: CommandRequest,
    request: CommandRequest,
    trainee: TraineeState | undefined,
  ) {
    const command = queueItemCommand(item, meta.actor.subject, trainee, {
      subject: meta.actor.subject,
      key: request.idempotencyKey,
    });
    if (!command && trainee?.status === 'enrolled')
      if (trainee.withdrawnRequestIds?.includes(item.requestId ?? ''))
        throw unprocessable(
          'REQUEST_WITHDRAWN',
          `'${item.traineeId}' withdrew request '${item.requestId}'`,
        );
    if (!command)
      throw unprocessable(
        'REQUEST_NOT_OPEN',
        `no open ${item.kind} '${item.requestId}' of '${item.traineeId}' is addressed to you`,
      );
    return command;
  }
}

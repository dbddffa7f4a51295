import { Inject, Injectable } from '@nestjs/common';
import type { FlagCredentialForReview } from '@inr/domain';
import { ReadModels } from '@inr/projections';
import type { CommandRequest } from '../../commands/command-request';
import type { CommandResult } from '../../commands/command-result';
import { CommandService } from '../../commands/command-service';
import { deterministicUuid } from '../../commands/event-ids';
import { todayUtc } from '../../shared/validators';

/**
 * The follow-up of a revocation for cause: one review flag on each granted decision that
 * counted the supervisor's sign-offs, recorded by whoever revoked. Ids come from the revocation
 * event and the application, and each flag has its own derived retry key, so a retried
 * revocation request completes the flags a crash left unwritten and writes none twice.
 */
@Injectable()
export class FlagForReview {
  constructor(
    @Inject(CommandService) private readonly commands: CommandService,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  async after(
    revocation: CommandResult,
    supervisorId: string,
    meta: CommandRequest,
  ): Promise<string[]> {
    const revocationEventId = revocation.eventIds[0] ?? '';
    // Read-your-writes: the applications read model has every decision before the revocation.
    await this.readModels.runner.waitFor(revocation.position + 1);
    const flagIds: string[] = [];
    for (const vouched of await this.readModels.decisionsVouchedBy(supervisorId)) {
      const flagId = deterministicUuid(revocationEventId, vouched.applicationId, 'review-flag');
      const command: FlagCredentialForReview = {
        type: 'FlagCredentialForReview',
        applicationId: vouched.applicationId,
        flagId,
        decisionId: vouched.decisionId,
        supervisorId,
        revokedOn: todayUtc(),
        eventIds: vouched.eventIds,
        requirementIds: vouched.requirementIds,
      };
      await this.commands.execute(command, {
        actor: meta.actor,
        requestId: meta.requestId,
        idempotencyKey: `${meta.idempotencyKey}/review-flag/${vouched.applicationId}`,
      });
      flagIds.push(flagId);
    }
    return flagIds;
  }
}

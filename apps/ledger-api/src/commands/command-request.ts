import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedActor } from '../auth/actor';
import type { IdempotentRequest } from '../idempotency/idempotency.interceptor';

/** The parts of an HTTP request a command needs: who, which retry key, which revision was seen. */
export interface CommandRequest {
  actor: AuthenticatedActor;
  idempotencyKey: string;
  /** The If-Match header as sent, when present. */
  ifMatch?: string;
  requestId: string;
}

export const CommandMeta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandRequest => {
    const request = ctx.switchToHttp().getRequest<IdempotentRequest>();
    if (!request.actor || request.idempotencyKey === undefined) {
      throw new Error('CommandMeta needs the AuthGuard and the IdempotencyInterceptor');
    }
    const ifMatch = request.headers['if-match'];
    return {
      actor: request.actor,
      idempotencyKey: request.idempotencyKey,
      ...(typeof ifMatch === 'string' ? { ifMatch } : {}),
      requestId: String(request.id),
    };
  },
);

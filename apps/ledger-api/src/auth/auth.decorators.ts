import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedActor } from './actor';
import type { Action } from './authorize';

export const REQUIRED_ACTION = 'inr:action';

/**
 * The action a route performs, i.e. its row in the POLICY table. Every route carries one (on the
 * handler or its controller): the guard refuses a route without it, asks for a token unless the
 * row lets `anyone` in, and refuses roles the row does not name.
 */
export const Requires = (action: Action): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ACTION, action);

export type AuthenticatedRequest = FastifyRequest & { actor?: AuthenticatedActor };

/** The verified caller of this request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedActor => {
    const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new Error('CurrentActor used on a public route');
    return actor;
  },
);

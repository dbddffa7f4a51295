import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import type { Action } from './authorize';

export const PUBLIC_ROUTE = 'inr:public';
export const REQUIRED_ACTION = 'inr:action';

/** No token needed (health, metrics, docs). Every other route requires a verified bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The action a route performs; the guard refuses roles the policy never allows it. */
export const Requires = (action: Action): MethodDecorator => SetMetadata(REQUIRED_ACTION, action);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** The verified caller of this request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

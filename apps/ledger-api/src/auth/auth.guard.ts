import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { forbidden, unauthenticated } from '../platform/problem/problem.exception';
import { REQUIRED_ACTION, type AuthenticatedRequest } from './auth.decorators';
import { authorize, isPublic, type Action } from './authorize';
import { TokenVerifier } from './token-verifier';

/**
 * Global guard: finds the route's row in the policy (a route without one is refused: fail
 * closed), lets public rows through, otherwise authenticates the bearer token and asks the
 * policy whether the role may ever perform the action. Record-level checks call the same
 * `authorize` once the facts about the record are resolved (PolicyFacts, commandResource).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRED_ACTION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!action) throw forbidden('this route is not in the authorisation policy');
    if (isPublic(action)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match?.[1]) {
      void context.switchToHttp().getResponse<FastifyReply>().header('www-authenticate', 'Bearer');
      throw unauthenticated('a bearer token is required');
    }
    request.actor = await this.verifier.verify(match[1]);
    const decision = authorize(request.actor, action);
    if (!decision.allowed) throw forbidden(decision.reason);
    return true;
  }
}

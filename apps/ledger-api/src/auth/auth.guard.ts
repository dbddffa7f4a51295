import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { forbidden, unauthenticated } from '../platform/problem/problem.exception';
import { PUBLIC_ROUTE, REQUIRED_ACTION, type AuthenticatedRequest } from './auth.decorators';
import { authorize, type Action } from './authorize';
import { TokenVerifier } from './token-verifier';

/**
 * Global guard: authenticates every non-public route, then asks the policy whether the role
 * may ever perform the route's action. Record-level checks (own record, named supervisor,
 * institution) call the same `authorize` once the handler has loaded the record.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match?.[1]) {
      void context.switchToHttp().getResponse<FastifyReply>().header('www-authenticate', 'Bearer');
      throw unauthenticated('a bearer token is required');
    }
    request.actor = await this.verifier.verify(match[1]);
    const action = this.reflector.get<Action | undefined>(REQUIRED_ACTION, context.getHandler());
    if (action) {
      const decision = authorize(request.actor, action);
      if (!decision.allowed) throw forbidden(decision.reason);
    }
    return true;
  }
}

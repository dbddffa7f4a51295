import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { PersonalData } from '@inr/ledger';
import { ProblemFastifyAdapter } from '../platform/problem/fastify-problems';

/** The Fastify route config member that marks a route's answer as kept sealed. */
const KEEPS_CIPHERTEXT = 'inrKeepsCiphertext';

/**
 * For routes that hand out events as the leaves commit to them (bundles, raw entries): their
 * bytes must hash to the leaf, so sealed personal fields stay sealed.
 */
export const KeepsCiphertext = (): MethodDecorator => RouteConfig({ [KEEPS_CIPHERTEXT]: true });

/**
 * Every route handler's JSON answer is shown with its personal fields opened (the route's
 * POLICY row already decided who may read the record), or as "[erased]" / "[unavailable]".
 * Read models and caches keep the sealed form, so no plaintext copy is ever written to the data
 * directory. Nest hands the adapter exactly the handlers' answers (problems are sent by the
 * exception filter, routes with @Res() send their own), so opening them here is what a global
 * interceptor did, without an interceptor layer (a deferred observable and an async-context
 * binding) on every request.
 */
export class RevealingFastifyAdapter extends ProblemFastifyAdapter {
  private personal: PersonalData | undefined;

  /** Set once the application's PersonalData exists, before it serves (not in HTTP workers). */
  revealWith(personal: PersonalData): void {
    this.personal = personal;
  }

  override reply(response: FastifyReply, body: unknown, statusCode?: number): FastifyReply {
    return super.reply(response, this.answer(response, body), statusCode);
  }

  private answer(reply: FastifyReply, body: unknown): unknown {
    const config = reply.request.routeOptions.config as unknown as
      Record<string, unknown> | undefined;
    if (config?.[KEEPS_CIPHERTEXT] === true) return body;
    return this.personal ? this.personal.reveal(body) : body;
  }
}

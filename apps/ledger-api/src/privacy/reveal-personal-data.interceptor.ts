import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PersonalData } from '@inr/ledger';
import { map, type Observable } from 'rxjs';

const KEEPS_CIPHERTEXT = 'inr:keeps-ciphertext';

/**
 * For routes that hand out events as the leaves commit to them (bundles, raw entries): their
 * bytes must hash to the leaf, so sealed personal fields stay sealed.
 */
export const KeepsCiphertext = (): MethodDecorator => SetMetadata(KEEPS_CIPHERTEXT, true);

/**
 * Every JSON answer is shown with its personal fields opened (the route's POLICY row already
 * decided who may read the record), or as "[erased]" / "[unavailable]". Read models and caches
 * keep the sealed form, so no plaintext copy is ever written to the data directory.
 */
@Injectable()
export class RevealPersonalDataInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean>(KEEPS_CIPHERTEXT, context.getHandler())) return next.handle();
    return next.handle().pipe(map((body: unknown) => this.personal.reveal(body)));
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ReadModels } from '@inr/projections';
import { Requires } from '../auth/auth.decorators';
import { issueDevelopmentToken } from '../auth/issue-development-token';
import { rejectPatientIdentifiers } from '../commands/reject-patient-identifiers';
import type { LedgerConfig } from '../config/ledger-config';
import { ProblemException } from '../platform/problem/problem.exception';
import { LEDGER_CONFIG } from '../platform/store/tokens';
import { DevelopmentTokenDto } from './development-token.dto';
import { knownPeople, type SignInOptions } from './sign-in-options';
import { DEVELOPMENT_TOKEN, SIGN_IN_OPTIONS } from './sign-in-schemas';

/** How long a token from the development sign-in lasts: a working day. */
const DEVELOPMENT_TOKEN_LIFETIME = '8h';

/**
 * How the web app signs people in. In production (LEDGER_JWKS_URL set) tokens come from the
 * identity provider, with the OpenID Connect settings the app needs when configured; only with
 * the development key does the service itself mint tokens, for anyone the ledger knows.
 */
@ApiTags('sign-in')
@Controller('v1/sign-in')
export class SignInController {
  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Requires('sign-in.read')
  @ApiOperation({
    summary:
      'How to sign in: the OpenID Connect provider, or (development key only) the people of the ledger to choose from',
  })
  @ApiOkResponse({ description: 'The sign-in mode and what it needs', schema: SIGN_IN_OPTIONS })
  async options(): Promise<SignInOptions> {
    if (this.config.auth.kind === 'development')
      return { mode: 'development', people: await knownPeople(this.readModels) };
    if (this.config.oidc) return { mode: 'oidc', ...this.config.oidc };
    return { mode: 'external' };
  }

  @Post('development-token')
  @HttpCode(201)
  @Requires('sign-in.development')
  @ApiOperation({
    summary:
      'Mint a development token for a role and person (only when the service runs with the development key)',
  })
  @ApiCreatedResponse({ description: 'A bearer token', schema: DEVELOPMENT_TOKEN })
  @ApiNotFoundResponse({
    description: 'DEVELOPMENT_SIGN_IN_DISABLED: an identity provider issues the tokens',
  })
  async developmentToken(
    @Body() dto: DevelopmentTokenDto,
    @Req() request: FastifyRequest,
  ): Promise<{ token: string; expiresIn: string }> {
    if (this.config.auth.kind !== 'development')
      throw new ProblemException(
        404,
        'DEVELOPMENT_SIGN_IN_DISABLED',
        'this service verifies tokens from an identity provider; sign in there',
      );
    // The subject and institution end up in events as the actor: never a patient identifier.
    rejectPatientIdentifiers(request);
    const token = await issueDevelopmentToken(
      {
        role: dto.role,
        sub: dto.sub,
        institution: dto.institution,
        expiresIn: DEVELOPMENT_TOKEN_LIFETIME,
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
      },
      this.config.dataDir,
    );
    return { token, expiresIn: DEVELOPMENT_TOKEN_LIFETIME };
  }
}

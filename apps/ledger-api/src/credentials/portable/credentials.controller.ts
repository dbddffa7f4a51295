import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DidDocument, JsonLdDocument, Secured } from '@inr/credentials';
import type { CredentialRecord } from '@inr/projections';
import { CurrentActor, Requires } from '../../auth/auth.decorators';
import type { AuthenticatedActor } from '../../auth/actor';
import { PolicyFacts } from '../../auth/policy-facts';
import {
  CREDENTIAL_STATUS,
  DID_DOCUMENT,
  OPEN_BADGE_CREDENTIAL,
  STATUS_LIST_CREDENTIAL,
} from '../../openapi/response-schemas';
import { notFound } from '../../platform/problem/problem.exception';
import { IdParam } from '../../shared/id-param';
import type { PublicCredentialStatus } from './credential-status';
import { PortableCredentials } from './portable-credentials';

/**
 * Portable credentials (docs/credentials.md): the signed Open Badges 3.0 credential for its
 * holder and readers, and, for anyone who was handed one, its status, the signed status lists
 * and the issuer's DID document.
 */
@ApiTags('credentials')
@Controller()
export class CredentialsController {
  constructor(
    @Inject(PortableCredentials) private readonly credentials: PortableCredentials,
    @Inject(PolicyFacts) private readonly facts: PolicyFacts,
  ) {}

  @Get('v1/credentials/:credentialId')
  @Requires('credential.read')
  @ApiBearerAuth('bearer')
  @ApiOperation({ summary: 'The signed Open Badges 3.0 credential (W3C VC 2.0)' })
  @ApiOkResponse({
    description: 'OpenBadgeCredential with an eddsa-rdfc-2022 proof',
    schema: OPEN_BADGE_CREDENTIAL,
  })
  async credential(
    @Param('credentialId', IdParam) credentialId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<Secured<JsonLdDocument>> {
    const record = await this.find(credentialId);
    this.facts.require(actor, 'credential.read', await this.facts.trainee(record.traineeId));
    return this.credentials.credential(record);
  }

  @Get('v1/credentials/:credentialId/status')
  @Requires('credential.public.read')
  @ApiOperation({
    summary:
      "A credential's status: valid, suspended or revoked, since when, at which ledger position",
  })
  @ApiOkResponse({ description: 'the status and its history', schema: CREDENTIAL_STATUS })
  async status(
    @Param('credentialId', IdParam) credentialId: string,
  ): Promise<PublicCredentialStatus> {
    return this.credentials.status(await this.find(credentialId));
  }

  @Get('v1/status-lists/:listId')
  @Requires('credential.public.read')
  @ApiOperation({
    summary: 'A signed Bitstring Status List credential (revocation-N, suspension-N)',
  })
  @ApiOkResponse({ description: 'BitstringStatusListCredential', schema: STATUS_LIST_CREDENTIAL })
  async statusList(@Param('listId', IdParam) listId: string): Promise<Secured<JsonLdDocument>> {
    const list = await this.credentials.statusList(listId);
    if (!list) throw notFound(`no status list '${listId}'`);
    return list;
  }

  @Get('.well-known/did.json')
  @Requires('credential.public.read')
  @ApiOperation({ summary: "The credential issuer's DID document (did:web)" })
  @ApiOkResponse({ description: 'every issuer key, current first', schema: DID_DOCUMENT })
  didDocument(): DidDocument {
    return this.credentials.didDocument();
  }

  private async find(credentialId: string): Promise<CredentialRecord> {
    const record = await this.credentials.record(credentialId);
    if (!record) throw notFound(`no credential '${credentialId}'`);
    return record;
  }
}

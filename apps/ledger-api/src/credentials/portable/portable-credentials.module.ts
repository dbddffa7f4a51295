import { Module } from '@nestjs/common';
import { LedgerHttpModule } from '../../ledger-http/ledger-http.module';
import { ReadModelsModule } from '../../read-models/read-models.module';
import { CredentialsController } from './credentials.controller';
import { PortableCredentials } from './portable-credentials';

/** Open Badges 3.0 credentials, their status lists and the issuer's DID document. */
@Module({
  imports: [ReadModelsModule, LedgerHttpModule],
  controllers: [CredentialsController],
  providers: [PortableCredentials],
})
export class PortableCredentialsModule {}

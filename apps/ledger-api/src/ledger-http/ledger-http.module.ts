import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ReadModelsModule } from '../read-models/read-models.module';
import { DecisionBundleController } from './decision-bundle.controller';
import { LedgerController } from './ledger.controller';
import { LedgerRuntime } from './ledger-runtime';
import { TlogTilesController } from './tlog-tiles.controller';
import { TrustAuditController } from './trust-audit.controller';
import { installWitnessBodyParser } from './witness-body-parser';
import { WitnessController } from './witness.controller';

/**
 * The verifiable log in the service: follows the event store into the Merkle tree, signs
 * checkpoints, gathers cosignatures, witnesses partner logs, and serves proofs and bundles.
 * Needs EVENT_STORE, LEDGER_CONFIG and JsonLogger from the (global) AppModule.
 */
@Module({
  imports: [ReadModelsModule],
  controllers: [
    LedgerController,
    TlogTilesController,
    WitnessController,
    DecisionBundleController,
    TrustAuditController,
  ],
  providers: [LedgerRuntime],
  exports: [LedgerRuntime],
})
export class LedgerHttpModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    // Runs inside app.init(), after the JSON parser is installed and before Fastify is ready.
    installWitnessBodyParser(this.host.httpAdapter.getInstance<FastifyInstance>());
  }
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { didWebOrigin } from '@inr/credentials';
import { ReadModels } from '@inr/projections';
import type { LedgerConfig } from '../../config/ledger-config';
import { LedgerRuntime } from '../../ledger-http/ledger-runtime';
import { ProblemException } from '../../platform/problem/problem.exception';
import { LEDGER_CONFIG } from '../../platform/store/tokens';
import { CredentialIssuer } from './credential-issuer';
import { ISSUER_KEY_FILE, loadOrCreateIssuerKey, type IssuerKeys } from './issuer-key';

/** The service's credential issuer: the ledger's read models and log, the configured issuer. */
@Injectable()
export class PortableCredentials extends CredentialIssuer implements OnModuleInit {
  private loaded!: { keys: IssuerKeys; stamp: number };

  constructor(
    @Inject(ReadModels) readModels: ReadModels,
    @Inject(LedgerRuntime) ledger: LedgerRuntime,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {
    const { id, name } = config.issuer;
    super(
      { id, name, origin: didWebOrigin(id) },
      {
        context: readModels.context,
        logOrigin: ledger.origin,
        keys: () => this.keys(),
        firstCheckpointCovering: async (index) => {
          const [stored] = ledger.hashes.checkpointPage(index + 1, 1);
          if (stored) return stored.size;
          const signed = await ledger.checkpointCovering(index);
          if (!signed)
            throw new ProblemException(
              503,
              'NOT_CHECKPOINTED',
              'the decision is not in the log yet',
            );
          return signed.size;
        },
      },
    );
  }

  onModuleInit(): void {
    this.loaded = { keys: this.load(), stamp: this.stamp() };
  }

  /** The issuer key; after `inr-ledger keys --rotate-issuer` the new one, without a restart. */
  private keys(): IssuerKeys {
    const stamp = this.stamp();
    if (stamp !== this.loaded.stamp) this.loaded = { keys: this.load(), stamp };
    return this.loaded.keys;
  }

  private load(): IssuerKeys {
    return loadOrCreateIssuerKey(this.config.dataDir, this.config.issuer.key);
  }

  /** The key file's change time (0 when absent): a rotation replaces the file. */
  private stamp(): number {
    const file = join(this.config.dataDir, ISSUER_KEY_FILE);
    return statSync(file, { throwIfNoEntry: false })?.ctimeMs ?? 0;
  }
}

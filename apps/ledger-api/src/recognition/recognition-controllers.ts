import type { Provider, Type } from '@nestjs/common';
import { ForeignBundleStore } from '@inr/ledger';
import type { LedgerConfig } from '../config/ledger-config';
import { LEDGER_CONFIG } from '../platform/store/tokens';
import { PartnerPolicy } from './partner-policy';
import { RecognitionsController } from './recognitions.controller';
import { TraineeBundleController } from './trainee-bundle.controller';

/** Trainee bundles out, recognitions of other ledgers' bundles in. */
export const RECOGNITION_CONTROLLERS: Type<unknown>[] = [
  TraineeBundleController,
  RecognitionsController,
];

export const RECOGNITION_PROVIDERS: Provider[] = [
  {
    provide: ForeignBundleStore,
    inject: [LEDGER_CONFIG],
    useFactory: (config: LedgerConfig) => new ForeignBundleStore(config.dataDir),
  },
  {
    provide: PartnerPolicy,
    inject: [LEDGER_CONFIG],
    useFactory: (config: LedgerConfig) => PartnerPolicy.load(config),
  },
];

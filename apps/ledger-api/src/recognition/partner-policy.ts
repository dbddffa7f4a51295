import { readFileSync } from 'node:fs';
import { parseTrustPolicy, type TrustPolicy } from '@inr/transparency';
import type { LedgerConfig } from '../config/ledger-config';

/**
 * The partner logs and witnesses whose evidence this ledger may recognise: a C2SP tlog-policy
 * file (LEDGER_RECOGNITION_POLICY), the same format relying parties give `inr-ledger verify`.
 * A bad file stops start-up, like LEDGER_WITNESS_CONFIG: running with no policy would refuse
 * every recognition, and running with a misread one would accept the wrong logs.
 */
export class PartnerPolicy {
  constructor(readonly policy: TrustPolicy | undefined) {}

  static load(config: LedgerConfig): PartnerPolicy {
    const file = config.recognition.policyFile;
    if (file === undefined) return new PartnerPolicy(undefined);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`LEDGER_RECOGNITION_POLICY ${file}: ${e instanceof Error ? e.message : e}`);
    }
    try {
      return new PartnerPolicy(parseTrustPolicy(text));
    } catch (e) {
      throw new Error(`LEDGER_RECOGNITION_POLICY ${file}: ${e instanceof Error ? e.message : e}`);
    }
  }

  /** Whether the policy lists a log key named `origin`. */
  knowsLog(origin: string): boolean {
    return this.policy?.logs.some((l) => l.key.name === origin) ?? false;
  }
}

import { Injectable } from '@nestjs/common';

/** Why the service is not ready; `code` is stable and becomes the /ready problem's code. */
export interface NotReadyReason {
  code: string;
  detail: string;
  /** While this holds, command routes answer 503 LEDGER_READ_ONLY (reads keep working). */
  refusesWrites?: boolean;
  /** The reason lapses at this time (ms since the epoch) unless set again; absent: until cleared. */
  until?: number;
}

/**
 * The one place components report that the service should not take (all) traffic: the log
 * that may not sign, a store that fails. Each source sets or clears its own reason; /ready
 * answers 503 with them, and command routes refuse writes while a reason says so.
 */
@Injectable()
export class Readiness {
  private readonly reasons = new Map<string, NotReadyReason>();

  set(source: string, reason: NotReadyReason | undefined): void {
    if (reason === undefined) this.reasons.delete(source);
    else this.reasons.set(source, reason);
  }

  /** Every current reason, in the order the sources first reported; lapsed ones are dropped. */
  current(now = Date.now()): NotReadyReason[] {
    for (const [source, reason] of this.reasons)
      if (reason.until !== undefined && reason.until <= now) this.reasons.delete(source);
    return [...this.reasons.values()];
  }

  /** The first reason that refuses writes, if any. */
  writesRefused(): NotReadyReason | undefined {
    return this.current().find((r) => r.refusesWrites === true);
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import type { EventStore } from '@inr/event-store';
import {
  Checkpointer,
  LedgerLog,
  LogIntegrator,
  loadOrCreateSigningKey,
  loadSigningKey,
  probeWitnesses,
  SigningBlockedError,
  openLedgerStore,
  WitnessService,
  type LedgerStore,
  type SigningBlock,
  type StoredCheckpoint,
} from '@inr/ledger';
import { cosignatureVerifierKey, ed25519VerifierKey, type Ed25519NoteKey } from '@inr/transparency';
import type { LedgerConfig } from '../config/ledger-config';
import { Readiness } from '../platform/health/readiness';
import { JsonLogger } from '../platform/logging/json-logger';
import { LedgerMetrics } from '../platform/metrics/ledger-metrics';
import { ProblemException } from '../platform/problem/problem.exception';
import { EVENT_STORE, LEDGER_CONFIG } from '../platform/store/tokens';
import { LogHealthMonitor, type LogHealth } from './log-health';
import { loadWitnessConfig, type WitnessTarget } from './witness-config';
import { fetchPost, WitnessSubmitter } from './witness-submitter';

/**
 * Longest a new event waits before the Merkle log integrates it, as a share of the checkpoint
 * interval: integrating (one fsynced transaction) and signing together stay within the interval
 * that LEDGER_CHECKPOINT_INTERVAL_MS promises, while a busy second still needs only ~4 commits.
 */
const followBatchMs = (intervalMs: number): number => Math.min(250, Math.floor(intervalMs / 4));
const FOLLOW_MAX_BATCH = 5000;

/** The readiness source the signing guard reports under. */
const SIGNING = 'ledger-signing';

/** How long start-up waits for the witnesses to say how far they saw this log. */
const PROBE_TIMEOUT_MS = 5000;

/** The verifiable log inside the service: tree, checkpoints, witness in and out. */
@Injectable()
export class LedgerRuntime implements OnModuleInit, BeforeApplicationShutdown {
  readonly origin: string;
  private store!: LedgerStore;
  private key!: Ed25519NoteKey;
  private logInstance!: LedgerLog;
  private checkpointer!: Checkpointer;
  private submitter!: WitnessSubmitter;
  private witnessService: WitnessService | undefined;
  private witnessKey: Ed25519NoteKey | undefined;
  private integrator!: LogIntegrator;
  private monitor!: LogHealthMonitor;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
  ) {
    this.origin = config.origin;
  }

  async onModuleInit(): Promise<void> {
    const { dataDir, signingKey, witness } = this.config;
    const witnessing = loadWitnessConfig(witness.configFile);
    this.key = loadOrCreateSigningKey(dataDir, this.origin, signingKey);
    this.store = await openLedgerStore(this.config.store, dataDir);
    this.logInstance = new LedgerLog(this.events, this.store);
    this.submitter = new WitnessSubmitter({
      witnesses: witnessing.witnesses,
      store: this.store,
      consistencyProof: (a, b) => this.logInstance.consistencyProof(a, b),
      onOutcome: (cp, outcomes) => {
        for (const o of outcomes.filter((x) => !x.ok))
          this.logger.logEvent('warn', 'witness did not cosign', { size: cp.size, ...o });
      },
      onError: (error) =>
        this.logger.logEvent('error', 'witness submission failed', { error: String(error) }),
    });
    const interval = this.config.checkpointIntervalMs;
    this.checkpointer = new Checkpointer(this.logInstance, this.store, this.key, {
      origin: this.origin,
      intervalMs: interval - followBatchMs(interval),
      onSigned: (cp) => {
        this.monitor.signed(cp.size);
        this.submitter.submit(cp);
      },
      onError: (error, retryInMs) => {
        this.metrics.logFailures.inc({ stage: 'sign' });
        this.logger.logEvent('error', 'checkpoint not signed', { error: String(error), retryInMs });
      },
      onBlockChange: (block) => this.reportBlock(block),
      // After `inr-ledger keys --rotate`: the new log-key is read when the tree first needs it.
      reloadKey: () => loadSigningKey(dataDir, this.origin, signingKey),
    });
    if (witnessing.logs.size > 0) {
      const name = witnessing.name ?? `${this.origin}/witness`;
      // Its own key file: a witness identity is not the log's, and may be rotated apart from it.
      this.witnessKey = loadOrCreateSigningKey(join(dataDir, 'witness'), name, witness.signingKey);
      this.witnessService = new WitnessService(
        { key: this.witnessKey, logs: witnessing.logs },
        this.store,
      );
    }
    this.monitor = new LogHealthMonitor({
      events: this.events,
      log: this.logInstance,
      store: this.store,
      failures: () => [this.integrator.failure, this.checkpointer.failure],
      maxLagSeconds: this.config.readiness.maxLagSeconds,
    });
    this.monitor.register(this.metrics.registry);
    this.integrator = new LogIntegrator(this.logInstance, {
      // Each integrated batch is one fsynced ledger.sqlite transaction on the event loop.
      batchMs: followBatchMs(interval),
      maxBatch: FOLLOW_MAX_BATCH,
      onIntegrated: (treeSize) => {
        this.monitor.integrated(treeSize);
        this.checkpointer.notify();
      },
      onError: (error, retryInMs) => {
        this.metrics.logFailures.inc({ stage: 'integrate' });
        this.logger.logEvent('error', 'ledger log cannot integrate; retrying', {
          error: String(error),
          retryInMs,
        });
      },
      onRecovered: (treeSize) =>
        this.logger.logEvent('info', 'ledger log integrating again', { size: treeSize }),
    });
    // An event the log cannot hash (or a hash store that cannot be written) stops the start
    // with the reason: `serve` exits instead of serving a log that does not move.
    const size = await this.integrator.catchUp();
    await this.learnFromWitnesses(witnessing.witnesses);
    this.checkpointer.signingBlock(); // read-only from the first request if it may not sign
    if (size > 0) this.checkpointer.notify();
    this.integrator.follow();
    this.logger.logEvent('info', 'ledger log ready', {
      origin: this.origin,
      size,
      vkey: this.logVerifierKey,
    });
  }

  /** Not signing means not writing: a write would take a leaf that a published checkpoint holds. */
  private reportBlock(block: SigningBlock | undefined): void {
    this.readiness.set(
      SIGNING,
      block && { code: block.code, detail: block.message, refusesWrites: true },
    );
    if (block === undefined) this.logger.logEvent('info', 'ledger log may sign again', {});
    else this.logger.logEvent('error', 'ledger log refuses to sign; read-only', { ...block });
  }

  /**
   * A restored or damaged data directory may lack checkpoints this log already published: the
   * witnesses remember their size. Whatever they saw beyond our tree is recorded, so the guard
   * holds the tree to it. A witness that does not answer is logged and skipped.
   */
  private async learnFromWitnesses(witnesses: readonly WitnessTarget[]): Promise<void> {
    const latest = this.store.latestCheckpoint();
    if (latest === undefined || witnesses.length === 0) return;
    const probes = await probeWitnesses(latest.note, witnesses, fetchPost(PROBE_TIMEOUT_MS));
    probes.forEach((probe, i) => {
      const name = witnesses[i]?.name ?? probe.url;
      if (probe.size === undefined) {
        this.logger.logEvent('warn', 'witness did not say how far it saw this log', {
          witness: name,
          error: probe.error,
        });
      } else if (probe.size > this.logInstance.size()) {
        this.store.recordPublished({ size: probe.size, source: `witness ${name}` });
      }
    });
  }

  /** Before the event store closes: stop following, sign what was integrated, let witnesses answer. */
  async beforeApplicationShutdown(): Promise<void> {
    this.integrator?.stop();
    this.checkpointer?.close();
    try {
      this.checkpointer.signNow();
    } catch (error) {
      this.logger.logEvent('error', 'final checkpoint not signed', { error: String(error) });
    }
    await this.submitter.idle();
    this.store.close();
  }

  /** Whether the log keeps up: failing stages, lag, checkpoint age (for /ready and /metrics). */
  health(): Promise<LogHealth> {
    return this.monitor.health();
  }

  get log(): LedgerLog {
    return this.logInstance;
  }

  get hashes(): LedgerStore {
    return this.store;
  }

  /** The key new checkpoints are signed with (after a logged rotation, the rotated one). */
  get logVerifierKey(): string {
    return this.checkpointer?.currentVerifierKey() ?? ed25519VerifierKey(this.key);
  }

  get witnessVerifierKey(): string | undefined {
    return this.witnessKey === undefined ? undefined : cosignatureVerifierKey(this.witnessKey);
  }

  get witness(): WitnessService | undefined {
    return this.witnessService;
  }

  /** The latest checkpoint with the cosignatures collected so far, as one note. */
  latest(): StoredCheckpoint | undefined {
    return this.store.latestCheckpoint();
  }

  /**
   * A checkpoint covering leaf `index`: the latest if it does, else the tree is caught up and
   * signed now (no need to wait out the interval), and the witnesses get a chance to cosign.
   */
  async checkpointCovering(index: number): Promise<StoredCheckpoint | undefined> {
    const latest = this.store.latestCheckpoint();
    if (latest !== undefined && latest.size > index) return latest;
    await this.logInstance.catchUp();
    if (this.logInstance.size() <= index) return undefined;
    try {
      this.checkpointer.signNow();
    } catch (error) {
      if (error instanceof SigningBlockedError) {
        throw new ProblemException(503, error.block.code, error.block.message);
      }
      throw error;
    }
    await this.submitter.idle();
    return this.store.latestCheckpoint();
  }

  /**
   * Sign now and wait for the witnesses (tests, and callers that need a fresh checkpoint). While
   * the log may not sign, the latest checkpoint stays the latest.
   */
  async flush(): Promise<StoredCheckpoint | undefined> {
    await this.logInstance.catchUp();
    let cp: StoredCheckpoint | undefined;
    try {
      cp = this.checkpointer.signNow();
    } catch (error) {
      if (!(error instanceof SigningBlockedError)) throw error;
      return this.store.latestCheckpoint();
    }
    await this.submitter.idle();
    return cp === undefined ? undefined : this.store.latestCheckpoint();
  }
}

import { MemoryHashStore } from '@inr/transparency';
import type { LogKeyRecord } from './key-chain';
import type { LogResetRecord, PublishedCheckpoint } from './published-checkpoints';
import type { LedgerStore, StoredCheckpoint, WitnessState } from './sqlite-hash-store';

/** LedgerStore in memory, for tests and benchmarks; transactions are not rolled back. */
export class MemoryLedgerStore implements LedgerStore {
  private hashes = new MemoryHashStore();
  private readonly stored: StoredCheckpoint[] = [];
  private readonly records: LogKeyRecord[] = [];
  private readonly witness = new Map<string, WitnessState>();
  private readonly publishedRows = new Map<string, PublishedCheckpoint>();
  private readonly resets = new Map<number, LogResetRecord>();

  get(level: number, index: number): Uint8Array | undefined {
    return this.hashes.get(level, index);
  }
  put(level: number, index: number, hash: Uint8Array): void {
    this.hashes.put(level, index, hash);
  }
  size(): number {
    return this.hashes.size();
  }
  setSize(size: number): void {
    this.hashes.setSize(size);
  }
  transaction<T>(fn: () => T): T {
    return fn();
  }
  reset(): void {
    this.hashes = new MemoryHashStore();
  }
  addCheckpoint(size: number, note: string): void {
    if (this.stored.some((c) => c.size === size)) throw new Error(`checkpoint ${size} exists`);
    this.stored.push({ size, note, cosignatures: [], signedAt: new Date().toISOString() });
    this.stored.sort((a, b) => a.size - b.size);
  }
  addCosignatures(size: number, lines: readonly string[]): void {
    const c = this.stored.find((x) => x.size === size);
    if (c === undefined) throw new Error(`no checkpoint of size ${size}`);
    for (const l of lines) if (!c.cosignatures.includes(l)) c.cosignatures.push(l);
  }
  latestCheckpoint(): StoredCheckpoint | undefined {
    return this.stored[this.stored.length - 1];
  }
  checkpoints(): StoredCheckpoint[] {
    return [...this.stored];
  }
  checkpointPage(fromSize: number, limit: number): StoredCheckpoint[] {
    return this.stored.filter((c) => c.size >= fromSize).slice(0, limit);
  }
  recordKey(vkey: string): void {
    this.recordRotation({ vkey, fromSize: 0 });
  }
  recordRotation(record: LogKeyRecord): void {
    if (this.records.some((r) => r.vkey === record.vkey)) return;
    this.records.push(record);
    this.records.sort((a, b) => a.fromSize - b.fromSize);
  }
  keys(): string[] {
    return this.records.map((r) => r.vkey);
  }
  keyHistory(): LogKeyRecord[] {
    return [...this.records];
  }
  witnessState(origin: string): WitnessState | undefined {
    return this.witness.get(origin);
  }
  setWitnessState(origin: string, state: WitnessState): void {
    this.witness.set(origin, state);
  }
  recordPublished(c: PublishedCheckpoint): void {
    this.publishedRows.set(`${c.size} ${c.source}`, c);
  }
  published(): PublishedCheckpoint[] {
    return [...this.publishedRows.values()].sort((a, b) => a.size - b.size);
  }
  recordReset(record: LogResetRecord): void {
    if (!this.resets.has(record.position)) this.resets.set(record.position, record);
  }
  logResets(): LogResetRecord[] {
    return [...this.resets.values()].sort((a, b) => a.position - b.position);
  }
  close(): void {}
}

import { expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { EventStore } from '@inr/event-store';

const ROOT = resolve(__dirname, '..', '..');

export interface Round {
  /** Kill during start-up (opening, recovery, migrations) rather than while appending. */
  beforeReady: boolean;
  /**
   * Start the random kill delay at the first acknowledged append rather than at "ready", so a
   * slow first commit (a loaded machine, a server connection) still leaves the kill mid-burst.
   */
  armAtFirstAck?: boolean;
  /** Runs just before the SIGKILL: e.g. crash the database server too. */
  alsoCrash?: () => void;
}

/** Runs the appending child until a random moment, SIGKILLs it, returns the ids it had acknowledged. */
function runAndKill(target: string, round: Round): Promise<{ acked: string[]; wasReady: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--require', './tests/support/register-ts.js', 'tests/fault/append-child.ts', target],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acked: string[] = [];
    let wasReady = false;
    let buffered = '';
    let stderr = '';
    const kill = (): void => {
      round.alsoCrash?.();
      child.kill('SIGKILL');
    };
    const arm = (): void => void setTimeout(kill, 20 + Math.random() * 250);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready' && !wasReady) {
          wasReady = true;
          if (!round.beforeReady && !round.armAtFirstAck) arm();
        } else if (line.startsWith('ack ')) {
          if (acked.length === 0 && round.armAtFirstAck && !round.beforeReady) arm();
          acked.push(line.slice(4));
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (round.beforeReady) setTimeout(kill, Math.random() * 400);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      // With the server crashed first, the child may see its connection die before the kill.
      if (signal === 'SIGKILL' || (round.alsoCrash && code === 1)) done({ acked, wasReady });
      else fail(new Error(`child exited ${code} before the kill: ${stderr}`));
    });
  });
}

/** Every acknowledged id is stored; positions and revisions are gap-free; no id twice. */
export async function expectIntact(store: EventStore, acknowledged: Set<string>): Promise<void> {
  const all = await store.readAll();
  expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i));
  const ids = all.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  const stored = new Set(ids);
  expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
  const revisions = new Map<string, number[]>();
  for (const e of all)
    revisions.set(e.streamId, [...(revisions.get(e.streamId) ?? []), e.revision]);
  for (const [, list] of revisions) expect(list).toEqual(list.map((_, i) => i));
  expect(await store.count()).toBe(all.length);
}

/**
 * Kills the appending child `kills` times against one store; after each kill, reopens the store
 * and checks that nothing acknowledged was lost and that positions and revisions have no gap.
 */
export async function killRounds(
  kills: number,
  target: string,
  open: () => Promise<EventStore>,
  roundFor: (n: number) => Round,
  afterRound: (round: Round) => void = () => undefined,
): Promise<void> {
  const acknowledged = new Set<string>();
  let killedWhileWriting = 0;
  for (let n = 0; n < kills; n++) {
    const round = roundFor(n);
    const { acked, wasReady } = await runAndKill(target, round);
    afterRound(round);
    acked.forEach((id) => acknowledged.add(id));
    if (wasReady && acked.length > 0) killedWhileWriting++;
    const store = await open();
    try {
      await expectIntact(store, acknowledged);
    } finally {
      await store.close();
    }
  }
  // The test means something only if most kills landed while appends were in flight.
  expect(killedWhileWriting).toBeGreaterThanOrEqual(kills / 2);
  expect(acknowledged.size).toBeGreaterThan(0);
}

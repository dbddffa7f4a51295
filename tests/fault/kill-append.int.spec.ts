import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';

const ROOT = resolve(__dirname, '..', '..');
const KILLS = 24;

/** Runs the appending child until a random moment, SIGKILLs it, returns the ids it had acknowledged. */
function runAndKill(
  dataDir: string,
  beforeReady: boolean,
): Promise<{ acked: string[]; wasReady: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--require', './tests/support/register-ts.js', 'tests/fault/append-child.ts', dataDir],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acked: string[] = [];
    let wasReady = false;
    let buffered = '';
    let stderr = '';
    const kill = (): void => void child.kill('SIGKILL');
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready' && !wasReady) {
          wasReady = true;
          if (!beforeReady) setTimeout(kill, 20 + Math.random() * 250);
        } else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Sometimes kill during start-up: opening, WAL recovery, migrations.
    if (beforeReady) setTimeout(kill, Math.random() * 400);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`child exited ${code} before the kill: ${stderr}`));
      else done({ acked, wasReady });
    });
  });
}

describe('sqlite event store under SIGKILL', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-es-fault-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every acknowledged append, gap-free, across ${KILLS} kills at random moments`, async () => {
    const acknowledged = new Set<string>();
    let killedWhileWriting = 0;
    for (let round = 0; round < KILLS; round++) {
      const { acked, wasReady } = await runAndKill(dataDir, round % 6 === 5);
      acked.forEach((id) => acknowledged.add(id));
      if (wasReady && acked.length > 0) killedWhileWriting++;

      const store = await SqliteEventStore.open({ dataDir });
      try {
        const all = await store.readAll();
        expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i));
        const ids = all.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        const stored = new Set(ids);
        const lost = [...acknowledged].filter((id) => !stored.has(id));
        expect(lost).toEqual([]);
        const revisions = new Map<string, number[]>();
        for (const e of all)
          revisions.set(e.streamId, [...(revisions.get(e.streamId) ?? []), e.revision]);
        for (const [, list] of revisions) expect(list).toEqual(list.map((_, i) => i));
        expect(await store.count()).toBe(all.length);
      } finally {
        await store.close();
      }
    }
    // The test means something only if most kills landed while appends were in flight.
    expect(killedWhileWriting).toBeGreaterThanOrEqual(KILLS / 2);
    expect(acknowledged.size).toBeGreaterThan(0);
  }, 90_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@inr/event-store';
import { killRounds, type Round } from './kill-rounds';

interface Target {
  title: string;
  kills: number;
  /** What append-child.ts is given for a data directory. */
  child: (dataDir: string) => string;
  round: (n: number) => Round;
}

const TARGETS: Target[] = [
  {
    title: 'sqlite event store under SIGKILL',
    kills: 24,
    child: (dataDir) => dataDir,
    round: (n) => ({ beforeReady: n % 6 === 5 }),
  },
  // Through the API with two HTTP workers in front of the writer: each round the child (the
  // writer) kills one of its own workers mid-burst and retries what it held with the same
  // Idempotency-Key, then is itself killed. Fewer rounds: each starts three processes.
  {
    title: 'the API with HTTP workers under SIGKILL of a worker, then of the writer',
    kills: 3,
    child: (dataDir) => `http-workers:${dataDir}`,
    round: () => ({ beforeReady: false, armAtFirstAck: true }),
  },
];

describe.each(TARGETS)('$title', ({ kills, child, round }) => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-es-fault-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every acknowledged append, gap-free, across ${kills} kills at random moments`, async () => {
    await killRounds(kills, child(dataDir), () => SqliteEventStore.open({ dataDir }), round);
  }, 180_000);
});

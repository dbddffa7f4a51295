// The peer comparison: the same generated events appended (sequentially, each acknowledged
// before the next) and read back by our sqlite store and by Emmett's SQLite event store.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import { benchPreset, generateLedgerStream, toEventData } from '../fixtures/generator';
import type { Figure } from './report';

interface PeerFigures {
  peer: string;
  events: number;
  synchronous: number | null;
  journalMode: string | null;
  appendsPerSecond: number;
  readEventsPerSecond: number;
  storeApiAppendsPerSecond: number;
  storeApiEvents: number;
  busyRetries: number;
}

const notMeasured = (reason: string): Figure[] => [
  { figure: 'peer: Emmett SQLite appends/s (same events)', value: null, unit: '', note: reason },
];

/** Installs bench/peer on demand; its failure skips the row with the reason. */
function ensurePeerInstalled(peerDir: string): string | undefined {
  if (existsSync(join(peerDir, 'node_modules', '@event-driven-io', 'emmett-sqlite')))
    return undefined;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', peerDir, '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 15 * 60_000,
  });
  if (result.status === 0) return undefined;
  const tail = (result.stderr?.toString() ?? '').trim().split('\n').slice(-1)[0] ?? '';
  return `npm install --prefix bench/peer failed: ${tail || String(result.error ?? result.status)}`;
}

export async function peerRow(options: {
  events: number;
  workDir: string;
  repoRoot: string;
}): Promise<Figure[]> {
  const peerDir = join(options.repoRoot, 'bench', 'peer');
  const installFailure = ensurePeerInstalled(peerDir);
  if (installFailure) return notMeasured(installFailure);

  const ops = [...generateLedgerStream(benchPreset(options.events, 'peer'))];
  mkdirSync(options.workDir, { recursive: true });
  const file = join(options.workDir, 'peer-events.jsonl');
  writeFileSync(
    file,
    ops
      .map((op) =>
        JSON.stringify({
          streamId: op.streamId,
          type: op.type,
          data: op.data,
          metadata: op.metadata,
        }),
      )
      .join('\n') + '\n',
  );

  const store = await SqliteEventStore.open({ dataDir: join(options.workDir, 'ours') });
  let t = performance.now();
  for (const op of ops) await store.append(op.streamId, [toEventData(op)]);
  const oursAppends = ops.length / ((performance.now() - t) / 1000);
  t = performance.now();
  let read = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: read, maxCount: 1000 });
    read += page.length;
    if (page.length < 1000) break;
  }
  const oursReads = read / ((performance.now() - t) / 1000);
  await store.close();

  const child = spawnSync(
    process.execPath,
    [join(peerDir, 'emmett-bench.mjs'), file, join(options.workDir, 'emmett')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30 * 60_000,
    },
  );
  const line = child.stdout?.toString().trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    return notMeasured(
      `peer script failed: ${(child.stderr?.toString() ?? '').trim().split('\n')[0] ?? child.status}`,
    );
  }
  const peer = JSON.parse(line) as PeerFigures;
  const durability =
    `peer: synchronous=${peer.synchronous}, journal ${peer.journalMode}, ${peer.busyRetries} SQLITE_BUSY retries; ` +
    'ours: WAL, synchronous=FULL';
  return [
    {
      figure: `peer: sequential durable appends/s, ${ops.length.toLocaleString('en-GB')} generated events`,
      value: oursAppends,
      unit: '/s',
      baseline: { label: peer.peer.split(' (')[0]!, value: peer.appendsPerSecond, unit: '/s' },
      ratio: oursAppends / peer.appendsPerSecond,
      note: durability,
    },
    {
      figure: 'peer: read back all events (events/s)',
      value: oursReads,
      unit: '/s',
      baseline: { label: 'Emmett readMessagesBatch', value: peer.readEventsPerSecond, unit: '/s' },
      ratio: oursReads / peer.readEventsPerSecond,
    },
    {
      figure: `peer: Emmett getSQLiteEventStore().appendToStream (connection per call), ${peer.storeApiEvents} events`,
      value: peer.storeApiAppendsPerSecond,
      unit: '/s',
    },
  ];
}

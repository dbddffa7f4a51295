// Fault-injection child: appends forever from several concurrent writers and prints each event id
// only after its append promise resolved, i.e. after the commit was acknowledged as durable.
// Usage: node --require ./tests/support/register-ts.js tests/fault/append-child.ts <dataDir | postgres URL | http-workers:dataDir>
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../libs/event-store/src/port/event-store';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { WrongExpectedVersion } from '../../libs/event-store/src/port/errors';

const WRITERS = 8;
const STREAMS = ['case-a', 'case-b', 'trainee-c', 'supervisor-d', 'policy-e'];

async function writer(store: EventStore): Promise<never> {
  for (;;) {
    const streamId = STREAMS[Math.floor(Math.random() * STREAMS.length)]!;
    const events = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
      id: randomUUID(),
      type: 'FaultProbe',
      data: { pad: 'x'.repeat(Math.floor(Math.random() * 2000)) },
    }));
    // Half the appends race on an exact revision, so some lose with WrongExpectedVersion.
    const exact = Math.random() < 0.5;
    const expectedRevision = exact
      ? ((await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0]?.revision ??
        'no_stream')
      : 'any';
    try {
      await store.append(streamId, events, { expectedRevision });
      process.stdout.write(events.map((e) => `ack ${e.id}\n`).join(''));
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
  }
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target)
    throw new Error('usage: append-child.ts <dataDir | postgres URL | http-workers:dataDir>');
  // Through the API, with HTTP workers in front of this process (append-over-http.ts).
  if (target.startsWith('http-workers:'))
    return (await import('./append-over-http')).appendOverHttp(
      target.slice('http-workers:'.length),
    );
  const store = target.startsWith('postgres://')
    ? await PostgresEventStore.connect({ url: target })
    : await SqliteEventStore.open({ dataDir: target });
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: WRITERS }, () => writer(store)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Peer figures for inr-ledger's benchmark: Emmett's SQLite event store appending and reading
// the same generated events. Input: a JSONL file of {streamId, type, data, metadata} lines.
// Output: one JSON line on stdout. Usage: node emmett-bench.mjs <events.jsonl> <workDir>
import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  readMessagesBatch,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, workDir] = process.argv.slice(2);
if (!file || !workDir) throw new Error('usage: node emmett-bench.mjs <events.jsonl> <workDir>');
const events = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
// The package's exports hide package.json; read it from node_modules beside this script.
const here = fileURLToPath(new URL('.', import.meta.url));
const emmettVersion = JSON.parse(
  readFileSync(join(here, 'node_modules/@event-driven-io/emmett-sqlite/package.json'), 'utf8'),
).version;

const streamType = (streamId) => streamId.slice(0, streamId.indexOf('-'));
const message = (e) => ({ type: e.type, data: e.data, metadata: e.metadata });

// Emmett 0.38.5 on sqlite3 5.1.7 now and then fails a commit with "SQLITE_BUSY: cannot commit
// transaction - SQL statements in progress" (a RETURNING statement left unreset); the
// transaction is rolled back, so the append is retried and the retries are reported.
let retries = 0;
async function withRetry(append) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await append();
    } catch (error) {
      if (attempt >= 5 || !String(error?.message).includes('SQLITE_BUSY')) throw error;
      retries++;
    }
  }
}

function fresh(name) {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return join(dir, 'emmett.sqlite');
}

// 1. One long-lived connection and Emmett's appendToStream: the peer at its best. Sequential,
// because Emmett's sqlite connection nests transactions per connection and cannot interleave.
const fileName = fresh('connection');
const connection = sqliteConnection({ fileName });
await createEventStoreSchema(connection);
let t = performance.now();
for (const e of events) {
  const result = await withRetry(() =>
    appendToStream(connection, e.streamId, streamType(e.streamId), [message(e)]),
  );
  if (!result.success) throw new Error(`append failed for ${e.streamId}`);
}
const appendSeconds = (performance.now() - t) / 1000;
const synchronous = await connection.querySingle('PRAGMA synchronous');
const journalMode = await connection.querySingle('PRAGMA journal_mode');

t = performance.now();
let read = 0;
let after = -1n;
for (;;) {
  const batch = await readMessagesBatch(connection, { after, batchSize: 1000 });
  read += batch.messages.length;
  if (batch.messages.length === 0 || !batch.areEventsLeft) break;
  after = batch.currentGlobalPosition;
}
const readSeconds = (performance.now() - t) / 1000;
connection.close();
if (read !== events.length) throw new Error(`read ${read} of ${events.length} events`);

// 2. The documented entry point, getSQLiteEventStore: it opens and closes a connection per call.
const subset = events.slice(0, Math.min(events.length, 1000));
const store = getSQLiteEventStore({ fileName: fresh('store') });
t = performance.now();
for (const e of subset) await withRetry(() => store.appendToStream(e.streamId, [message(e)]));
const storeAppendSeconds = (performance.now() - t) / 1000;

console.log(
  JSON.stringify({
    peer: `@event-driven-io/emmett-sqlite ${emmettVersion} (sqlite3 driver)`,
    events: events.length,
    synchronous: Object.values(synchronous ?? {})[0] ?? null,
    journalMode: Object.values(journalMode ?? {})[0] ?? null,
    appendsPerSecond: Math.round(events.length / appendSeconds),
    readEventsPerSecond: Math.round(read / readSeconds),
    storeApiAppendsPerSecond: Math.round(subset.length / storeAppendSeconds),
    storeApiEvents: subset.length,
    busyRetries: retries,
  }),
);

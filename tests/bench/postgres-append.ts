// Durable append throughput of the PostgreSQL adapter beside raw single-row INSERTs into the same
// server at the same durability (synchronous_commit=on, fsync on), measured in the same run on a
// throwaway server this bench starts itself.
// Run: node --require ./tests/support/register-ts.js tests/bench/postgres-append.ts [seconds]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { InMemoryEventStore } from '../../libs/event-store/src/testing/in-memory-event-store';
import { LedgerLog } from '../../libs/ledger/src/ledger-log';
import { PostgresLedgerStore } from '../../libs/ledger/src/postgres/postgres-ledger-store';
import { SqliteHashStore, type LedgerStore } from '../../libs/ledger/src/sqlite-hash-store';
import { findPostgres, startThrowawayPostgres } from '../support/throwaway-postgres';
import { readModelRates } from './postgres-read-models';

export interface PostgresBenchFigures {
  concurrency: number;
  /** One store (one process, one batch in flight): group commit of the 32 writers. */
  appendsPerSec: number;
  /** The same writers over two stores, as two replicas would: they take turns at the append lock. */
  twoStoresAppendsPerSec: number;
  /** Each of `concurrency` connections inserting one row per autocommit transaction. */
  rawInsertsPerSec: number;
  /** Merkle leaves integrated per second into the tree in PostgreSQL (shared by replicas). */
  treeLeavesPerSec: number;
  /** The same leaves into ledger.sqlite (synchronous=FULL), the embedded store's tree. */
  sqliteTreeLeavesPerSec: number;
  /** Events applied per second to the read models in PostgreSQL, and into read-models.sqlite. */
  readModelEventsPerSec: number;
  sqliteReadModelEventsPerSec: number;
}

/** Leaves per second for integrating `events` into `store` in batches of 500, as the service does. */
async function treeRate(events: InMemoryEventStore, store: LedgerStore): Promise<number> {
  const log = new LedgerLog(events, store);
  const started = performance.now();
  const size = await log.catchUp(500);
  return size / ((performance.now() - started) / 1000);
}

async function treeRates(
  leaves: number,
  url: string,
): Promise<Pick<PostgresBenchFigures, 'treeLeavesPerSec' | 'sqliteTreeLeavesPerSec'>> {
  const events = new InMemoryEventStore();
  for (let i = 0; i < leaves; i++)
    await events.append(`case-${i % 64}`, [
      { id: randomUUID(), type: 'CaseLogged', data: payload },
    ]);
  const dir = mkdtempSync(join(tmpdir(), 'inr-bench-tree-'));
  const sqlite = new SqliteHashStore(dir);
  try {
    const sqliteTreeLeavesPerSec = await treeRate(events, sqlite);
    const pg = await PostgresLedgerStore.open(url);
    try {
      return { treeLeavesPerSec: await treeRate(events, pg), sqliteTreeLeavesPerSec };
    } finally {
      pg.close();
    }
  } finally {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const payload = { caseNo: 1, procedure: 'mechanical thrombectomy', notes: 'x'.repeat(200) };

/** Why the row cannot be measured here, or undefined when it can. */
export function postgresBenchSkipReason(): string | undefined {
  const found = findPostgres();
  return 'skip' in found ? found.skip : undefined;
}

async function rate(
  seconds: number,
  loops: ((until: number) => Promise<number>)[],
): Promise<number> {
  const started = performance.now();
  const until = started + seconds * 1000;
  const counts = await Promise.all(loops.map((loop) => loop(until)));
  return counts.reduce((a, b) => a + b, 0) / ((performance.now() - started) / 1000);
}

function appendLoop(store: PostgresEventStore, streamId: string) {
  return async (until: number): Promise<number> => {
    let n = 0;
    while (performance.now() < until) {
      await store.append(streamId, [{ id: randomUUID(), type: 'CaseLogged', data: payload }]);
      n++;
    }
    return n;
  };
}

export async function benchPostgresAppends(
  options: { seconds?: number; concurrency?: number; leaves?: number; trainees?: number } = {},
): Promise<PostgresBenchFigures> {
  const seconds = options.seconds ?? 3;
  const concurrency = options.concurrency ?? 32;
  const server = await startThrowawayPostgres();
  try {
    const oneUrl = await server.createDatabase('inr_bench');
    const store = await PostgresEventStore.connect({ url: oneUrl });
    const appendsPerSec = await rate(
      seconds,
      Array.from({ length: concurrency }, (_, i) => appendLoop(store, `case-w${i}`)),
    );
    await store.close();

    const twoUrl = await server.createDatabase('inr_bench_two');
    const stores = [
      await PostgresEventStore.connect({ url: twoUrl }),
      await PostgresEventStore.connect({ url: twoUrl }),
    ];
    const twoStoresAppendsPerSec = await rate(
      seconds,
      Array.from({ length: concurrency }, (_, i) => appendLoop(stores[i % 2]!, `case-w${i}`)),
    );
    for (const s of stores) await s.close();

    const rawUrl = await server.createDatabase('inr_bench_raw');
    const clients = Array.from(
      { length: concurrency },
      () => new Client({ connectionString: rawUrl }),
    );
    for (const c of clients) await c.connect();
    await clients[0]!.query(
      'CREATE TABLE raw_events (position bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, data text NOT NULL)',
    );
    const json = JSON.stringify(payload);
    const rawInsertsPerSec = await rate(
      seconds,
      clients.map((client) => async (until: number) => {
        let n = 0;
        while (performance.now() < until) {
          // Autocommit: one transaction, one durable commit each (the server may share a WAL flush).
          await client.query('INSERT INTO raw_events (event_id, data) VALUES ($1, $2)', [
            randomUUID(),
            json,
          ]);
          n++;
        }
        return n;
      }),
    );
    for (const c of clients) await c.end();
    const tree = await treeRates(
      options.leaves ?? 20_000,
      await server.createDatabase('inr_bench_tree'),
    );
    const readModels = await readModelRates(
      await server.createDatabase('inr_bench_rm'),
      options.trainees ?? 100,
    );
    return {
      concurrency,
      appendsPerSec,
      twoStoresAppendsPerSec,
      rawInsertsPerSec,
      ...tree,
      readModelEventsPerSec: readModels.postgresEventsPerSec,
      sqliteReadModelEventsPerSec: readModels.sqliteEventsPerSec,
    };
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 3);
  const reason = postgresBenchSkipReason();
  if (reason !== undefined) {
    console.log(`skipped: ${reason}`);
  } else {
    benchPostgresAppends({ seconds })
      .then((f) => {
        const round = (x: number): string => Math.round(x).toLocaleString('en-GB');
        console.log(`PostgreSQL, synchronous_commit=on, ${seconds}s per scenario`);
        console.log(
          `  ${f.concurrency} writers, one store:       ${round(f.appendsPerSec)} appends/s`,
        );
        console.log(
          `  ${f.concurrency} writers, two stores:      ${round(f.twoStoresAppendsPerSec)} appends/s`,
        );
        console.log(
          `  raw INSERT, ${f.concurrency} connections:  ${round(f.rawInsertsPerSec)} inserts/s`,
        );
        console.log(`  Merkle tree in PostgreSQL:    ${round(f.treeLeavesPerSec)} leaves/s`);
        console.log(`  Merkle tree in ledger.sqlite: ${round(f.sqliteTreeLeavesPerSec)} leaves/s`);
        console.log(`  read models in PostgreSQL:    ${round(f.readModelEventsPerSec)} events/s`);
        console.log(
          `  read models in SQLite:        ${round(f.sqliteReadModelEventsPerSec)} events/s`,
        );
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  }
}

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { MIGRATIONS } from './migrations';
import { SqliteEventStore } from './sqlite-event-store';

const event = (n: number) => ({ id: randomUUID(), type: 'CaseLogged', data: { n } });

describe('SqliteEventStore specifics', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inr-es-sqlite-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs in WAL with synchronous=FULL and records the schema version', async () => {
    const store = await SqliteEventStore.open({ dataDir });
    await store.close();
    const db = new Database(join(dataDir, 'events.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    await expect(SqliteEventStore.open({ dataDir })).rejects.toThrow(/newer/);
  });

  it('keeps events across close and reopen, and close waits for queued appends', async () => {
    const store = await SqliteEventStore.open({ dataDir });
    const pending = Array.from({ length: 50 }, (_, n) => store.append(`case-${n % 5}`, [event(n)]));
    await store.close();
    await Promise.all(pending);
    const reopened = await SqliteEventStore.open({ dataDir });
    expect(await reopened.count()).toBe(50);
    await reopened.close();
  });

  it('shares one file with a second process: gap-free positions and live delivery by polling', async () => {
    const service = await SqliteEventStore.open({ dataDir, pollMs: 20 });
    const cli = await SqliteEventStore.open({ dataDir, pollMs: 20 });
    const received = firstValueFrom(service.subscribeToAll().pipe(take(40), toArray()));
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        Promise.all([service.append('case-svc', [event(n)]), cli.append('case-cli', [event(n)])]),
      ),
    );
    const events = await received;
    expect(events.map((e) => e.position)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(events.filter((e) => e.streamId === 'case-cli')).toHaveLength(20);
    await Promise.all([service.close(), cli.close()]);
  });

  it('completes live subscriptions on close', async () => {
    const store = await SqliteEventStore.open({ dataDir });
    const all = firstValueFrom(store.subscribeToAll().pipe(toArray()));
    await store.append('case-1', [event(1)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.close();
    expect((await all).map((e) => e.data)).toEqual([{ n: 1 }]);
    await expect(store.append('case-1', [event(2)])).rejects.toThrow(/closed/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { PostgresEventStore } from '@inr/event-store';
import { ReadModels, readVersions } from '@inr/projections';
import { dumpReadModels } from '../../libs/projections/src/testing/dump-read-models';
import type { LedgerServer } from './ledger-server';

/**
 * A trainee enrolled through one replica, read through the other straight after the answer:
 * the status comes from the shared event index and the shared store, with no wait.
 */
export async function expectStatusOn(
  other: LedgerServer,
  traineeId: string,
  token: string,
): Promise<void> {
  const response = await fetch(`${other.url}/v1/trainees/${traineeId}/status`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { traineeId?: string };
  expect({ status: response.status, traineeId: body.traineeId }).toEqual({
    status: 200,
    traineeId,
  });
}

/**
 * With every replica stopped: the shared read models (built by whichever replica led, across
 * the kill) are continued to the head and must equal read models built from scratch, with each
 * projection's `applied` equal to its checkpoint (no event applied twice).
 */
export async function expectSharedReadModelsEqualScratch(url: string): Promise<void> {
  const store = await PostgresEventStore.connect({ url });
  const scratchDir = mkdtempSync(join(tmpdir(), 'inr-rm-scratch-'));
  const shared = await ReadModels.openShared(store, url);
  const scratch = ReadModels.open(store, scratchDir);
  try {
    const head = await store.count();
    shared.start();
    scratch.start();
    await Promise.all([shared.runner.waitFor(head), scratch.runner.waitFor(head)]);
    expect(shared.runner.leading).toBe(true);
    for (const row of readVersions(shared.db).filter((r) => r.status === 'active'))
      expect(row).toMatchObject({ checkpoint: head, applied: head });
    expect(dumpReadModels(shared.db)).toEqual(dumpReadModels(scratch.db));
  } finally {
    await shared.close();
    await scratch.close();
    await store.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

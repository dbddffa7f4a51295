import {
  cosignatureVerifierKey,
  ed25519VerifierKey,
  generateNoteKey,
  keyFromSeed,
  parseTrustPolicy,
  type Ed25519NoteKey,
  type TrustPolicy,
} from '@inr/transparency';
import {
  Checkpointer,
  LedgerLog,
  MemoryLedgerStore,
  WitnessService,
  submitToWitnesses,
  type LedgerStore,
} from '@inr/ledger';
import type { InMemoryEventStore } from '@inr/event-store/testing';
import { seed, testEventStore } from './seed-events';

export const ORIGIN = 'hospital.example/inr-ledger';

export interface World {
  events: InMemoryEventStore;
  store: LedgerStore;
  log: LedgerLog;
  logKey: Ed25519NoteKey;
  checkpointer: Checkpointer;
  witnessKeys: Ed25519NoteKey[];
  witnesses: WitnessService[];
  policy: TrustPolicy;
  witnessSizes: Map<string, number>;
}

export interface WorldKeys {
  logKey: Ed25519NoteKey;
  /** Three witness keys, named w1.partner.example to w3.partner.example. */
  witnessKeys: Ed25519NoteKey[];
}

const witnessName = (i: number): string => `w${i}.partner.example`;

/** Fresh random keys: what every test but the committed vectors wants. */
export const randomKeys = (): WorldKeys => ({
  logKey: generateNoteKey(ORIGIN),
  witnessKeys: [1, 2, 3].map((i) => generateNoteKey(witnessName(i))),
});

/** Keys from fixed seeds (log 0x01…, witnesses 0x02…, 0x03…, 0x04…): reproducible bytes. */
export const seededKeys = (): WorldKeys => ({
  logKey: keyFromSeed(ORIGIN, new Uint8Array(32).fill(1)),
  witnessKeys: [1, 2, 3].map((i) => keyFromSeed(witnessName(i), new Uint8Array(32).fill(i + 1))),
});

/** A log of n events, its checkpointer, and three in-process witnesses (2-of-3 policy). */
export async function world(
  n: number,
  store: LedgerStore = new MemoryLedgerStore(),
  { logKey, witnessKeys }: WorldKeys = randomKeys(),
  events: InMemoryEventStore = testEventStore(),
): Promise<World> {
  await seed(events, n);
  const log = new LedgerLog(events, store);
  await log.catchUp();
  const checkpointer = new Checkpointer(log, store, logKey, { origin: ORIGIN });
  const logs = new Map([[ORIGIN, [ed25519VerifierKey(logKey)]]]);
  const witnesses = witnessKeys.map(
    (key) => new WitnessService({ key, logs, now: () => 1_750_000_000 }, new MemoryLedgerStore()),
  );
  const policy = parseTrustPolicy(
    [
      `log ${ed25519VerifierKey(logKey)}`,
      ...witnessKeys.map(
        (k, i) => `witness W${i + 1} ${cosignatureVerifierKey(k)} https://w${i + 1}.example`,
      ),
      'group partners 2 W1 W2 W3',
      'quorum partners',
    ].join('\n'),
  );
  return {
    events,
    store,
    log,
    logKey,
    checkpointer,
    witnessKeys,
    witnesses,
    policy,
    witnessSizes: new Map(),
  };
}

/** Sign the current tree and collect cosignatures from the in-process witnesses. */
export async function signAndWitness(w: World, count = 3) {
  const cp = w.checkpointer.signNow()!;
  const urls = w.witnessKeys.map((k, i) => ({
    vkey: cosignatureVerifierKey(k),
    url: `https://w${i + 1}.example`,
  }));
  const outcomes = await submitToWitnesses(cp, urls.slice(0, count), {
    post: async (url, body) => {
      const i = Number(/w(\d)\.example/.exec(url)![1]) - 1;
      const r = w.witnesses[i]!.addCheckpoint(body);
      return { status: r.status, body: 'body' in r ? r.body : r.reason };
    },
    consistencyProof: (a, b) => w.log.consistencyProof(a, b),
    store: w.store,
    witnessSizes: w.witnessSizes,
  });
  return { checkpoint: w.store.latestCheckpoint()!, outcomes };
}

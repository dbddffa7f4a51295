import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@inr/domain';
import { SqliteEventStore, type EventStore } from '@inr/event-store';
import {
  Checkpointer,
  evidenceOf,
  LedgerLog,
  loadOrCreateSigningKey,
  MemoryLedgerStore,
  SqliteHashStore,
  submitToWitnesses,
  WitnessService,
} from '@inr/ledger';
import { evaluate, validatePathway } from '@inr/policy';
import { toLedgerEvent } from '@inr/projections';
import {
  canonicalJson,
  cosignatureVerifierKey,
  ed25519VerifierKey,
  generateNoteKey,
  sha256,
  toHex,
  type Ed25519NoteKey,
} from '@inr/transparency';
import { LedgerBuilder } from '../../libs/projections/src/testing/ledger-builder';
import { testPathwayDocument } from '../../libs/projections/src/testing/test-pathway';

export const ORIGIN = 'local-trust/inr-ledger';
export const DECISION_ID = 'dec-1';

export interface DecisionLedgerOptions {
  /** Signed-off thrombectomies of the trainee: 2 events each. */
  cases?: number;
  /** Record an evaluation the evaluator does not produce (a wrong `achieved`). */
  falseEvaluation?: boolean;
  /** Record the decision as schema version 1 would have: without an evidence commitment. */
  uncommitted?: boolean;
}

/**
 * A realistic ledger through the domain's event shapes: a published pathway (with its real
 * content hash), a trainee's signed-off cases, an application and a panel decision whose
 * recorded evaluation is the evaluator's output on that history. Returns the decision's position.
 */
export async function writeDecisionLedger(
  store: EventStore,
  options: DecisionLedgerOptions = {},
): Promise<number> {
  const b = new LedgerBuilder(store);
  const document = testPathwayDocument('1.0.0', 3);
  await b.accredit('sup-1');
  await b.publishPolicy(
    'test-mt',
    '1.0.0',
    document,
    toHex(sha256(Buffer.from(canonicalJson(document), 'utf8'))),
  );
  await b.enrol('tr-1', 'trust-a', ['test-mt']);
  await b.enrol('tr-2', 'trust-a', ['test-mt']); // someone else's history stays out of the bundle
  await b.logCase('other-1', 'tr-2');
  for (let c = 0; c < (options.cases ?? 4); c++) {
    await b.logCase(`c${c}`, 'tr-1', { performedOn: '2025-03-01' });
    await b.signOff(`c${c}`, 'tr-1');
  }
  await b.apply('app-1', 'tr-1', 'test-mt', '1.0.0');
  const ledgerSize = await store.count();
  const pathway = validatePathway(document);
  if (!pathway.ok) throw new Error('test pathway invalid');
  const history = (await store.readAll({ maxCount: ledgerSize })).map(toLedgerEvent);
  const evaluation = evaluate(pathway.pathway, 'tr-1', history, { evaluatedOn: '2025-05-02' });
  const first = evaluation.requirements[0];
  if (options.falseEvaluation && first) first.achieved += 1;
  const result = await b.decide({
    applicationId: 'app-1',
    decisionId: DECISION_ID,
    traineeId: 'tr-1',
    outcome: 'granted',
    pathwayId: 'test-mt',
    pathwayVersion: '1.0.0',
    pathwayHash: toHex(sha256(Buffer.from(canonicalJson(document), 'utf8'))),
    ledgerSize,
    ...(options.uncommitted
      ? {}
      : {
          evidence: evidenceOf(await store.readAll({ maxCount: ledgerSize }), 'tr-1', ledgerSize),
        }),
    evaluation: evaluation as unknown as JsonObject,
    reasons: 'meets the pathway',
    panelMemberId: 'panel-1',
    decidedOn: '2025-05-02',
  });
  await b.issue('app-1', 'cred-1', 'tr-1', 'test-mt');
  return result.firstPosition;
}

export interface SignedDataDir {
  dataDir: string;
  decisionPosition: number;
  logVerifierKey: string;
  witnessKeys: Ed25519NoteKey[];
  /** `log` + two witnesses + quorum 2-of-2: what a relying party holds. */
  policy: string;
}

/**
 * A data directory as the service leaves it: events.sqlite from the sqlite adapter, ledger.sqlite
 * with checkpoints signed at two sizes by <dataDir>/log-key, the latest cosigned by two witnesses.
 */
export async function signedDataDir(options: DecisionLedgerOptions = {}): Promise<SignedDataDir> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inr-ledger-cli-'));
  const events = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  const log = new LedgerLog(events, hashes);
  const key = loadOrCreateSigningKey(dataDir, ORIGIN);
  const checkpointer = new Checkpointer(log, hashes, key, { origin: ORIGIN });
  await new LedgerBuilder(events).accredit('sup-0');
  await log.catchUp();
  checkpointer.signNow(); // an early checkpoint, for the consistency check
  const decisionPosition = await writeDecisionLedger(events, options);
  await log.catchUp();
  const checkpoint = checkpointer.signNow()!;
  const witnessKeys = [1, 2].map((i) => generateNoteKey(`w${i}.partner.example`));
  const logs = new Map([[ORIGIN, [ed25519VerifierKey(key)]]]);
  const witnesses = witnessKeys.map(
    (k) => new WitnessService({ key: k, logs }, new MemoryLedgerStore()),
  );
  await submitToWitnesses(
    checkpoint,
    witnessKeys.map((k, i) => ({ vkey: cosignatureVerifierKey(k), url: `http://w${i}` })),
    {
      post: async (url, body) => {
        const r = witnesses[url.startsWith('http://w0/') ? 0 : 1]!.addCheckpoint(body);
        return { status: r.status, body: 'body' in r ? r.body : r.reason };
      },
      consistencyProof: (a, b) => log.consistencyProof(a, b),
      store: hashes,
      witnessSizes: new Map(),
    },
  );
  hashes.close();
  await events.close();
  const policy = [
    `log ${ed25519VerifierKey(key)}`,
    ...witnessKeys.map((k, i) => `witness W${i + 1} ${cosignatureVerifierKey(k)}`),
    'group partners 2 W1 W2',
    'quorum partners',
    '',
  ].join('\n');
  return {
    dataDir,
    decisionPosition,
    logVerifierKey: ed25519VerifierKey(key),
    witnessKeys,
    policy,
  };
}

// Builds the provenance-bundle vectors of docs/ledger-format.md §8 (tests/vectors/bundle/)
// from fixed keys, ids and times, so the same bytes come out on every run: a ledger holding a
// pathway's publication, the cases evaluation vector's events, a decision that commits to the
// applicant's record, and one later event; a bundle of that decision; and tampered copies,
// each named with the check that must refuse it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '@inr/event-store';
import { InMemoryEventStore } from '@inr/event-store/testing';
import {
  buildBundle,
  buildEventProofs,
  evidenceOf,
  pathwayContentHash,
  type ProvenanceBundle,
} from '@inr/ledger';
import { evaluate, validatePathway } from '@inr/policy';
import { toLedgerEvent } from '@inr/projections';
import { cosignatureVerifierKey, ed25519VerifierKey } from '@inr/transparency';
import { seededKeys, signAndWitness, world } from '../../libs/ledger/test/fixtures';
import type { EvaluationVector } from './pathway-vectors';

export interface TamperedBundle {
  name: string;
  description: string;
  /** The first check of §8.2 that refuses it, and the event's position in `events` if one is at fault. */
  check: string;
  entry?: number;
  text: string;
}

export interface BundleVectors {
  policy: string;
  valid: string;
  tampered: TamperedBundle[];
}

const APPLICANT = 'trn-1';
const DECIDED_ON = '2026-06-30';
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function casesVector(): EvaluationVector {
  const file = join(__dirname, 'pathway/evaluation/cases.json');
  return JSON.parse(readFileSync(file, 'utf8')) as EvaluationVector;
}

export async function buildBundleVectors(): Promise<BundleVectors> {
  const source = casesVector();
  const checked = validatePathway(source.pathway);
  if (!checked.ok) throw new Error('the cases vector pathway is invalid');
  let tick = Date.parse('2026-07-01T09:00:00.000Z');
  const events = new InMemoryEventStore({ clock: () => new Date((tick += 60_000)) });
  const w = await world(0, undefined, seededKeys(), events);
  let next = 0;
  const put = (stream: string, type: string, data: JsonObject, schemaVersion = 1) =>
    events.append(stream, [{ id: uuid(++next), type, data, metadata: { schemaVersion } }]);

  const pathway = source.pathway as JsonObject;
  const contentHash = pathwayContentHash(pathway);
  await put(`policy-${checked.pathway.id}`, 'PolicyPublished', {
    pathwayId: checked.pathway.id,
    version: checked.pathway.version,
    contentHash,
    document: pathway,
    publishedBy: 'acc-1',
    publishedOn: '2026-01-01',
    changeNote: 'First publication',
  });
  for (const e of source.events) {
    const data = e.data as JsonObject;
    await put(
      `${e.type.startsWith('Case') ? 'case' : 'trainee'}-${String(data['caseId'] ?? data['traineeId'])}`,
      e.type,
      data,
      e.type === 'CaseLogged' ? 2 : 1,
    );
  }

  const ledgerSize = await events.count();
  const recorded = await events.readAll();
  const history = recorded.map(toLedgerEvent);
  const evaluation = evaluate(checked.pathway, APPLICANT, history, { evaluatedOn: DECIDED_ON });
  const record = {
    applicationId: 'app-1',
    decisionId: 'dec-1',
    traineeId: APPLICANT,
    outcome: evaluation.met ? 'granted' : 'deferred',
    pathwayId: checked.pathway.id,
    pathwayVersion: checked.pathway.version,
    pathwayHash: contentHash,
    ledgerSize,
    evidence: evidenceOf(recorded, APPLICANT, ledgerSize),
    evaluation: evaluation as unknown as JsonObject,
    reasons: 'Evaluated against the pathway.',
    panelMemberId: 'pnl-1',
    decidedOn: DECIDED_ON,
  } as unknown as JsonObject;
  await put('application-app-1', 'CredentialDecisionRecorded', record, 2);
  const decisionIndex = ledgerSize;
  await put(
    'case-c10',
    'CaseLogged',
    { ...(source.events[0]!.data as JsonObject), caseId: 'c10', performedOn: '2026-06-29' },
    2,
  );
  await w.log.catchUp();
  const { checkpoint } = await signAndWitness(w, 2);

  const evidence = record['evidence'] as { leafIndexes: number[] };
  const indexes = [0, ...evidence.leafIndexes, decisionIndex];
  const bundle = await buildBundle(w.log, checkpoint, indexes, pathway, {
    leafIndex: decisionIndex,
    eventId: uuid(decisionIndex + 1),
    record,
  });
  const withLeaves = async (leaves: number[]): Promise<ProvenanceBundle> => ({
    ...bundle,
    events: (await buildEventProofs(w.log, checkpoint, leaves)).events,
  });
  const text = (b: unknown): string => `${JSON.stringify(b, null, 2)}\n`;
  const valid = text(bundle);
  const otherTrainee = recorded.find((e) => (e.data as JsonObject)['traineeId'] === 'trn-2')!;
  const firstCase = evidence.leafIndexes.find((i) => recorded[i]?.type === 'CaseLogged')!;
  const copy = (): ProvenanceBundle => JSON.parse(valid) as ProvenanceBundle;
  const edit = (f: (b: ProvenanceBundle) => void): string => {
    const b = copy();
    f(b);
    return text(b);
  };

  const tampered: TamperedBundle[] = [
    {
      name: 'evidence-event-removed',
      description:
        "One of the applicant's cases is left out; every remaining proof still verifies.",
      check: 'evidence',
      text: text(await withLeaves(indexes.filter((i) => i !== firstCase))),
    },
    {
      name: 'unrelated-event-added',
      description: "Another trainee's case is added, with a valid inclusion proof.",
      check: 'evidence',
      text: text(await withLeaves([...indexes, otherTrainee.position].sort((a, b) => a - b))),
    },
    {
      name: 'later-event-added',
      description: "The applicant's case logged after the decision's ledger size is added.",
      check: 'evidence',
      text: text(await withLeaves([...indexes, decisionIndex + 1])),
    },
    {
      name: 'leaf-index-with-fraction',
      description: 'A leafIndex written 1.0: the same number, not an index lexeme.',
      check: 'format',
      text: valid.replace('"leafIndex": 1,', '"leafIndex": 1.0,'),
    },
    {
      name: 'duplicate-member',
      description: 'The top-level object names "format" twice.',
      check: 'format',
      text: valid.replace('{\n  "format"', '{\n  "format": "inr-ledger-bundle/v1",\n  "format"'),
    },
    {
      name: 'unknown-member',
      description: 'A member v1 does not define.',
      check: 'format',
      text: edit((b) => Object.assign(b, { comment: 'extra' })),
    },
    {
      name: 'checkpoint-root-changed',
      description: 'The checkpoint note claims another root; the log signature no longer verifies.',
      check: 'log-signature',
      text: edit((b) => {
        const lines = b.checkpoint.split('\n');
        lines[2] = Buffer.alloc(32, 7).toString('base64');
        b.checkpoint = lines.join('\n');
      }),
    },
    {
      name: 'one-cosignature',
      description: 'Only one of the two cosignatures the 2-of-3 quorum needs.',
      check: 'witness-quorum',
      text: edit((b) => {
        b.checkpoint = b.checkpoint
          .split('\n')
          .filter((l) => !l.startsWith('— w2.'))
          .join('\n');
      }),
    },
    {
      name: 'leaf-not-canonical',
      description: 'A leaf with a space after a colon: the same JSON value, other bytes.',
      check: 'leaf-encoding',
      entry: 1,
      text: edit((b) => {
        b.events[1]!.leaf = b.events[1]!.leaf.replace('":', '": ');
      }),
    },
    {
      name: 'proof-hash-changed',
      description: 'One hash of one inclusion proof is changed.',
      check: 'inclusion',
      entry: 2,
      text: edit((b) => {
        b.events[2]!.proof[0] = Buffer.alloc(32, 9).toString('base64');
      }),
    },
    {
      name: 'decision-record-changed',
      description: "decision.record says 'granted' where the decision's leaf says otherwise.",
      check: 'decision-leaf',
      text: edit((b) => {
        b.decision.record['outcome'] = 'granted';
        b.decision.record['overrideReason'] = 'changed after the fact';
      }),
    },
    {
      name: 'pathway-changed',
      description: 'The bundled pathway differs from the one the decision cites by hash.',
      check: 'pathway',
      text: edit((b) => {
        (b.pathway as JsonObject)['title'] = 'Another title';
      }),
    },
  ];
  const policy = [
    `log ${ed25519VerifierKey(w.logKey)}`,
    ...w.witnessKeys.map((k, i) => `witness W${i + 1} ${cosignatureVerifierKey(k)}`),
    'group partners 2 W1 W2 W3',
    'quorum partners',
    '',
  ].join('\n');
  return { policy, valid, tampered };
}

import type { EventStore, ExpectedRevision } from '@inr/event-store';
import { subjectOfEvent, type PersonalData } from '@inr/ledger';
import { demoPreset, generateLedger, toEventData } from '../../../../tests/fixtures/generator';
import { DecisionEvidenceSealer } from './seal-decision-evidence';

export interface SeededLedger {
  events: number;
  /** Every credential decision written, in ledger order: the story starts from these. */
  decisionIds: string[];
  /** Events written per type (cases logged, sign-offs, …) for the story's opening line. */
  typeCounts: Map<string, number>;
  /** Institutions trainees enrolled at. */
  institutionIds: string[];
  /** Applications whose credential was issued, in ledger order. */
  issuedApplications: string[];
}

/** Appends in flight before we wait: the sqlite adapter commits queued appends as one group. */
const WINDOW = 1000;

/**
 * Writes the generator's demo ledger through the store port, as the API would: each append
 * states the stream revision it expects, so a store that is not empty fails loudly instead
 * of mixing two ledgers. Appends are pipelined, not awaited one by one (the store keeps their
 * order), which lets group commit make 17k durable appends take seconds rather than minutes.
 */
export async function seedDemoLedger(
  store: EventStore,
  seed: string | number,
  onProgress: (done: number, total: number) => void,
  /** Seals personal fields as the API does (docs/privacy.md); without it they stay in clear. */
  personal?: PersonalData,
): Promise<SeededLedger> {
  // 17k operations fit in memory easily, and holding them gives the progress bar its total.
  const ops = generateLedger(demoPreset(seed));
  const revisions = new Map<string, number>();
  const decisionIds: string[] = [];
  const typeCounts = new Map<string, number>();
  const institutionIds = new Set<string>();
  const issuedApplications: string[] = [];
  let pending: Promise<unknown>[] = [];
  let done = 0;
  const sealer = new DecisionEvidenceSealer(store);
  const applicants = new Map<string, string>();
  for (const generated of ops) {
    let op = generated;
    if (op.type === 'CredentialDecisionRecorded') {
      // The commitment needs every earlier event stamped by the store.
      await Promise.all(pending);
      done += pending.length;
      pending = [];
      op = await sealer.seal(op);
    }
    const last = revisions.get(op.streamId);
    const expectedRevision: ExpectedRevision = last === undefined ? 'no_stream' : last;
    revisions.set(op.streamId, (last ?? -1) + 1);
    const event = toEventData(op);
    if (op.type === 'CredentialApplicationSubmitted')
      applicants.set(op.streamId, op.data.traineeId);
    if (personal) {
      const subject = subjectOfEvent(event.type, event.data, applicants.get(op.streamId));
      event.data = personal.seal(event.type, event.data, subject) as typeof event.data;
    }
    pending.push(store.append(op.streamId, [event], { expectedRevision }));
    typeCounts.set(op.type, (typeCounts.get(op.type) ?? 0) + 1);
    if (op.type === 'CredentialDecisionRecorded') decisionIds.push(op.data.decisionId);
    if (op.type === 'TraineeEnrolled') institutionIds.add(op.data.institutionId);
    if (op.type === 'CredentialIssued') issuedApplications.push(op.data.applicationId);
    if (pending.length >= WINDOW) {
      await Promise.all(pending);
      done += pending.length;
      pending = [];
      onProgress(done, ops.length);
    }
  }
  await Promise.all(pending);
  done += pending.length;
  onProgress(done, ops.length);
  return {
    events: done,
    decisionIds,
    typeCounts,
    institutionIds: [...institutionIds].sort(),
    issuedApplications,
  };
}

import type {
  ExternalEvidenceRecognised,
  RecognisedCase,
  TrainingTimeRecognised,
} from '@inr/domain';
import { appendEvent, buildHistory, SUBJECT_TRAINEE } from '../testing/history-steps';
import { confirmed, pathwayForTest } from '../testing/pathway-for-test';
import type { CaseFilter } from '../pathway/pathway';
import { evidenceUnderOlderRules } from '../history/evidence-under-older-rules';
import { evaluate } from './evaluate';

// Cases recognised from another ledger count only where a requirement's filter says external
// evidence does, with their original dates, institution and signer; a withdrawal stops them.
const foreignCase = (i: number, performedOn: string, signedOff = true): RecognisedCase => ({
  leafIndex: 10 + i,
  eventId: `00000000-0000-4000-8000-00000000000${i}`,
  caseId: `a-case-${i}`,
  institutionId: 'trust-a',
  procedure: 'mechanical-thrombectomy',
  performedOn,
  operatorRole: 'primary-supervised',
  supervisorId: 'sup-a',
  supervisionLevel: 3,
  signedOff,
});

const recognition: ExternalEvidenceRecognised = {
  traineeId: SUBJECT_TRAINEE,
  recognitionId: 'rec-1',
  origin: 'trust-a.example/inr-ledger',
  checkpoint: { size: 40, root: 'cm9vdA==' },
  bundleHash: 'ab'.repeat(32),
  foreignTraineeId: 'tr-a-1',
  scope: { kind: 'all' },
  leaves: [],
  cases: [
    foreignCase(1, '2026-02-01'),
    foreignCase(2, '2026-04-01'),
    foreignCase(3, '2026-05-01', false),
  ],
  sourceInstitutions: ['trust-a'],
  recognisedBy: 'pnl-1',
  recognisedOn: '2026-06-01',
  reason: 'Cases at trust A',
};

const recognised = appendEvent(buildHistory([]), 'ExternalEvidenceRecognised', recognition);
const withdrawn = appendEvent(recognised, 'ExternalEvidenceRecognitionWithdrawn', {
  traineeId: SUBJECT_TRAINEE,
  recognitionId: 'rec-1',
  withdrawnBy: 'pnl-1',
  withdrawnOn: '2026-07-01',
  reason: 'Under review',
});

const result = (history: typeof recognised, filter: CaseFilter) =>
  evaluate(
    pathwayForTest([{ id: 'r', kind: 'cases', description: 'd', target: confirmed(2), filter }]),
    SUBJECT_TRAINEE,
    history,
    { evaluatedOn: '2026-12-31' },
  ).requirements[0]!;

describe('cases recognised from another ledger in evaluation', () => {
  it('count where the filter allows external evidence, with their own sign-off and dates', () => {
    const filter: CaseFilter = { procedures: ['mechanical-thrombectomy'], externalEvidence: true };
    expect(result(recognised, filter).achieved).toBe(3);
    const signed = result(recognised, { ...filter, signedOff: true });
    expect(signed.achieved).toBe(2);
    expect(signed.countedEventIds).toEqual([
      foreignCase(1, '').eventId,
      foreignCase(2, '').eventId,
    ]);
    expect(result(recognised, { ...filter, window: { from: '2026-03-01' } }).achieved).toBe(2);
    expect(result(recognised, { ...filter, institutionIds: ['trust-b'] }).achieved).toBe(0);
  });

  it('never count for a requirement that does not say so (a local pathway)', () => {
    expect(result(recognised, { procedures: ['mechanical-thrombectomy'] }).achieved).toBe(0);
  });

  it("are not checked against this ledger's case rules (they have no clinical details here)", () => {
    expect(evidenceUnderOlderRules(SUBJECT_TRAINEE, recognised)).toEqual([]);
  });

  it('stop counting once the recognition is withdrawn', () => {
    expect(result(withdrawn, { externalEvidence: true }).achieved).toBe(0);
  });

  it('time resting on a recognition counts while it stands and stops when it is withdrawn', () => {
    const time: TrainingTimeRecognised = {
      traineeId: SUBJECT_TRAINEE,
      setting: 'neurointerventional-unit',
      months: 6,
      from: '2026-01-01',
      to: '2026-06-30',
      recognisedBy: 'pnl-1',
      sourceInstitution: 'trust-a',
      programme: 'RCR interventional neuroradiology',
      evidenceRef: `bundle ${recognition.bundleHash}`,
      restsOn: {
        recognitionId: 'rec-1',
        origin: recognition.origin,
        bundleHash: recognition.bundleHash,
      },
    };
    const months = (history: typeof recognised) =>
      evaluate(
        pathwayForTest([
          { id: 't', kind: 'training-time', description: 'd', months: confirmed(6) },
        ]),
        SUBJECT_TRAINEE,
        history,
        { evaluatedOn: '2026-12-31' },
      ).requirements[0]!.achieved;
    const standing = appendEvent(recognised, 'TrainingTimeRecognised', time);
    expect(months(standing)).toBe(6);
    expect(
      months(
        appendEvent(standing, 'ExternalEvidenceRecognitionWithdrawn', {
          traineeId: SUBJECT_TRAINEE,
          recognitionId: 'rec-1',
          withdrawnBy: 'pnl-1',
          withdrawnOn: '2026-07-01',
          reason: 'Under review',
        }),
      ),
    ).toBe(0);
  });
});

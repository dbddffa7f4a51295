import { actor, contextFor, TODAY, traineeEnrolled } from '../testing/fixtures';
import { specification } from '../testing/specification';
import type {
  RecogniseExternalEvidence,
  WithdrawExternalEvidenceRecognition,
} from './recognition-commands';
import { recognitionDecider } from './recognition-decider';

const spec = specification(recognitionDecider);
const panel = contextFor(actor('panel', 'pnl-1'));
const enrolled = traineeEnrolled();
const traineeId = enrolled.data.traineeId;

const recognise: RecogniseExternalEvidence = {
  type: 'RecogniseExternalEvidence',
  traineeId,
  recognitionId: 'rec-1',
  origin: 'trust-a/inr-ledger',
  checkpoint: { size: 40, root: 'cm9vdA==' },
  bundleHash: 'ab'.repeat(32),
  foreignTraineeId: 'trn-a-7',
  scope: { kind: 'all' },
  leaves: [{ leafIndex: 12, leafHash: 'cd'.repeat(32) }],
  cases: [],
  sourceInstitutions: ['inst-a'],
  recognisedBy: 'pnl-1',
  reason: 'Cases at trust A under an accredited INR',
};
const { type: _r, ...recognisedData } = recognise;
const recognised = {
  type: 'ExternalEvidenceRecognised' as const,
  data: { ...recognisedData, recognisedOn: TODAY },
};
const withdraw: WithdrawExternalEvidenceRecognition = {
  type: 'WithdrawExternalEvidenceRecognition',
  traineeId,
  recognitionId: 'rec-1',
  withdrawnBy: 'pnl-1',
  reason: 'The partner trust withdrew the supervisor accreditation',
};
const withdrawn = {
  type: 'ExternalEvidenceRecognitionWithdrawn' as const,
  data: {
    traineeId,
    recognitionId: 'rec-1',
    withdrawnBy: 'pnl-1',
    withdrawnOn: TODAY,
    reason: withdraw.reason,
  },
};

describe('recognising evidence from another ledger', () => {
  it('the panel recognises verified foreign evidence for an enrolled trainee, dated today', () => {
    spec.given([enrolled]).when(recognise, panel).then([recognised]);
  });

  it('a receiving medical director may recognise; an administrator or a trainee may not', () => {
    spec
      .given([enrolled])
      .when(recognise, contextFor(actor('medical-director', 'pnl-1')))
      .then([recognised]);
    spec
      .given([enrolled])
      .when({ ...recognise, recognisedBy: 'adm-1' }, contextFor(actor('admin', 'adm-1')))
      .thenFails('ROLE_NOT_PERMITTED');
  });

  it('the recogniser is the caller, gives a reason, and recognises something', () => {
    spec
      .given([enrolled])
      .when({ ...recognise, recognisedBy: 'other' }, panel)
      .thenFails('ACTOR_MISMATCH');
    spec
      .given([enrolled])
      .when({ ...recognise, reason: '  ' }, panel)
      .thenFails('INVALID_VALUE');
    spec
      .given([enrolled])
      .when({ ...recognise, leaves: [] }, panel)
      .thenFails('NOTHING_RECOGNISED');
  });

  it('a trainee not enrolled here cannot have evidence recognised', () => {
    spec.given([]).when(recognise, panel).thenFails('TRAINEE_NOT_ENROLLED');
  });

  it('a recognition stands once; after a withdrawal it may be recognised again', () => {
    spec
      .given([enrolled, recognised])
      .when(recognise, panel)
      .thenFails('RECOGNITION_ALREADY_RECORDED');
    spec.given([enrolled, recognised, withdrawn]).when(recognise, panel).then([recognised]);
  });

  it('a reason in the free text that holds an NHS number is refused', () => {
    spec
      .given([enrolled])
      .when({ ...recognise, reason: 'patient 943 476 5919' }, panel)
      .thenFails('PATIENT_IDENTIFIER_REJECTED');
  });
});

describe('withdrawing a recognition', () => {
  it('withdraws a standing recognition with a reason', () => {
    spec.given([enrolled, recognised]).when(withdraw, panel).then([withdrawn]);
  });

  it('an unknown or already withdrawn recognition cannot be withdrawn', () => {
    spec.given([enrolled]).when(withdraw, panel).thenFails('RECOGNITION_NOT_FOUND');
    spec
      .given([enrolled, recognised, withdrawn])
      .when(withdraw, panel)
      .thenFails('RECOGNITION_ALREADY_WITHDRAWN');
  });
});

import type { ExternalEvidenceRecognised } from '../events';

/**
 * Recognise evidence from another ledger. The API has verified the bundle against this
 * ledger's partner policy and worked out the leaves and cases the scope covers; the decider
 * checks who recognises, the record and the recognition's history. The day is `context.today`.
 */
export type RecogniseExternalEvidence = {
  type: 'RecogniseExternalEvidence';
} & Omit<ExternalEvidenceRecognised, 'recognisedOn'>;

export interface WithdrawExternalEvidenceRecognition {
  type: 'WithdrawExternalEvidenceRecognition';
  traineeId: string;
  recognitionId: string;
  withdrawnBy: string;
  reason: string;
}

export type RecognitionCommand = RecogniseExternalEvidence | WithdrawExternalEvidenceRecognition;

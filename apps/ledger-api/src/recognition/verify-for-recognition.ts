import {
  checkTraineeBundleShape,
  traineeBundleHash,
  verifyTraineeBundle,
  type TraineeBundle,
  type TraineeBundleCheck,
  type TraineeBundleReport,
} from '@inr/ledger';
import { ProblemException, unprocessable } from '../platform/problem/problem.exception';
import type { PartnerPolicy } from './partner-policy';

/** Which refusal each failed check of docs/ledger-format.md §15.3 is, for the caller. */
const CODES: Record<Exclude<TraineeBundleCheck, 'format'>, string> = {
  'log-signature': 'RECOGNITION_PROOF_FAILED',
  checkpoint: 'RECOGNITION_PROOF_FAILED',
  'leaf-encoding': 'RECOGNITION_PROOF_FAILED',
  inclusion: 'RECOGNITION_PROOF_FAILED',
  'witness-quorum': 'RECOGNITION_QUORUM_NOT_MET',
  commitment: 'RECOGNITION_INCOMPLETE_BUNDLE',
  completeness: 'RECOGNITION_INCOMPLETE_BUNDLE',
  foreign: 'RECOGNITION_FOREIGN_EVIDENCE_FAILED',
};

export interface VerifiedForeignBundle {
  bundle: TraineeBundle;
  hash: string;
  report: TraineeBundleReport;
}

/**
 * Offline verification of a bundle sent for recognition, against this ledger's partner policy,
 * with one stable code per kind of failure: RECOGNITION_NOT_CONFIGURED (no policy),
 * RECOGNITION_BUNDLE_MALFORMED, RECOGNITION_OWN_LOG, RECOGNITION_UNKNOWN_LOG (origin not a
 * partner), RECOGNITION_PROOF_FAILED, RECOGNITION_QUORUM_NOT_MET, RECOGNITION_INCOMPLETE_BUNDLE,
 * RECOGNITION_FOREIGN_EVIDENCE_FAILED. Each is a 422 naming the check that failed.
 */
export function verifyForRecognition(
  value: unknown,
  partners: PartnerPolicy,
  ownOrigin: string,
): VerifiedForeignBundle {
  if (partners.policy === undefined)
    throw new ProblemException(
      422,
      'RECOGNITION_NOT_CONFIGURED',
      'this ledger trusts no partner logs (LEDGER_RECOGNITION_POLICY is not set)',
    );
  const shape = checkTraineeBundleShape(value);
  if (!shape.ok) throw unprocessable('RECOGNITION_BUNDLE_MALFORMED', shape.reason);
  const bundle = shape.bundle;
  const origin = bundle.checkpoint.split('\n', 1)[0] ?? '';
  if (origin === ownOrigin)
    throw unprocessable('RECOGNITION_OWN_LOG', `the bundle is from this ledger (${origin})`);
  if (!partners.knowsLog(origin))
    throw unprocessable(
      'RECOGNITION_UNKNOWN_LOG',
      `the bundle's log '${origin.slice(0, 200)}' is not in this ledger's partner policy`,
    );
  const verified = verifyTraineeBundle(bundle, partners.policy);
  if (!verified.ok) {
    const code =
      verified.check === 'format' ? 'RECOGNITION_BUNDLE_MALFORMED' : CODES[verified.check];
    const at = verified.entry === undefined ? '' : ` (event ${verified.entry})`;
    throw unprocessable(code, `check ${verified.check} failed${at}: ${verified.reason}`);
  }
  return { bundle, hash: traineeBundleHash(bundle), report: verified.report };
}

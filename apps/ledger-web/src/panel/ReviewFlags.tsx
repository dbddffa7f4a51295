import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import type { ReviewQueue } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';

/** The panel's answers to a flag (the API's REVIEW_RESOLUTIONS). */
const RESOLUTIONS = {
  'credential-stands': 'The credential stands',
  'action-taken': 'Action taken (suspension, revocation or a new application, recorded separately)',
} as const;
type Resolution = keyof typeof RESOLUTIONS;

/**
 * Granted decisions flagged for review after a signer they counted was revoked for cause
 * (GET /v1/reviews), each resolved by the panel with a reason. A flag changes nothing by itself:
 * suspending or revoking the credential stays the credential's own action.
 */
export function ReviewFlags(props: { api: ApiClient }) {
  const { api } = props;
  const [round, setRound] = useState(0);
  const reviews = useLoad(() => api.get<ReviewQueue>('/v1/reviews'), `r${round}`);
  const [open, setOpen] = useState<string>();
  const [resolution, setResolution] = useState<Resolution>('credential-stands');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string[]>([]);
  const flags = (reviews.data?.flags ?? []).filter((f) => !done.includes(f.flagId));
  const selected = flags.find((f) => f.flagId === open);

  const resolve = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!selected) return;
    setError(undefined);
    try {
      await api.post(
        `/v1/applications/${encodeURIComponent(selected.applicationId)}/reviews/${encodeURIComponent(selected.flagId)}/resolution`,
        { resolution, reason },
      );
      setDone((d) => [...d, selected.flagId]);
      setOpen(undefined);
      setReason('');
      setRound((r) => r + 1);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Flagged for review ({flags.length})</h2>
      <ProblemMessage error={reviews.error} />
      {done.length > 0 && (
        <p role="status" className="success">
          Review resolved: {done.length} flag{done.length === 1 ? '' : 's'} answered.
        </p>
      )}
      {flags.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Pathway</th>
              <th scope="col">Why</th>
              <th scope="col">Requirements in doubt</th>
              <th scope="col">
                <span className="visually-hidden">Resolve</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {flags.map((f) => (
              <tr key={f.flagId}>
                <th scope="row">{f.traineeId}</th>
                <td>{f.pathwayId}</td>
                <td>
                  Signer {f.supervisorId} revoked for cause on {f.revokedOn} ({f.eventIds.length}{' '}
                  events)
                </td>
                <td>{f.requirementIds.join(', ') || '—'}</td>
                <td>
                  <button type="button" onClick={() => setOpen(f.flagId)}>
                    Resolve {f.flagId.slice(0, 8)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <form className="form" onSubmit={(e) => void resolve(e)} aria-labelledby="resolve-title">
          <h3 id="resolve-title">
            Resolve the flag on {selected.traineeId}&apos;s decision {selected.decisionId}
          </h3>
          <label>
            Resolution
            <select
              value={resolution}
              onChange={(e) => setResolution(e.target.value as Resolution)}
            >
              {Object.entries(RESOLUTIONS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          <label>
            The panel&apos;s reasons
            <input value={reason} onChange={(e) => setReason(e.target.value)} required />
          </label>
          <button type="submit">Record resolution</button>
          <ProblemMessage error={error} />
        </form>
      )}
    </section>
  );
}

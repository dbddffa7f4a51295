import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { OpenRequest, TraineeRecord } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';
import type { Loaded } from '../ui/useLoad';

/**
 * The trainee's requests still waiting in someone's queue (from their own record), each of which
 * they may withdraw, with an optional reason; a withdrawn request leaves the person's queue.
 */
export function MyRequests(props: {
  api: ApiClient;
  traineeId: string;
  record: Loaded<TraineeRecord>;
}) {
  const { api, record } = props;
  const id = encodeURIComponent(props.traineeId);
  const [reason, setReason] = useState('');
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const open = (record.data?.state.openRequests ?? []).filter(
    (r) => !withdrawn.includes(r.requestId),
  );

  const withdraw = async (request: OpenRequest): Promise<void> => {
    setError(undefined);
    try {
      await api.post(
        `/v1/trainees/${id}/requests/${encodeURIComponent(request.requestId)}/withdrawal`,
        reason.trim() ? { reason } : {},
      );
      setWithdrawn((w) => [...w, request.requestId]);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="requests-title" className="card">
      <h2 id="requests-title">My requests ({open.length})</h2>
      <ProblemMessage error={record.error ?? error} />
      {withdrawn.length > 0 && (
        <p role="status" className="success">
          Request {withdrawn[withdrawn.length - 1]} withdrawn.
        </p>
      )}
      {open.length === 0 ? (
        <p>No request of yours is waiting.</p>
      ) : (
        <>
          <label>
            Why you withdraw (optional)
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <table>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Asked of</th>
                <th scope="col">For</th>
                <th scope="col">Asked on</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {open.map((r) => (
                <tr key={r.requestId}>
                  <td>{r.requestId}</td>
                  <td>{r.kind === 'assessment' ? r.assessorId : r.signerId}</td>
                  <td>{r.kind === 'assessment' ? `assessment ${r.type}` : r.competencyId}</td>
                  <td>{r.requestedOn}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Withdraw request ${r.requestId}`}
                      onClick={() => void withdraw(r)}
                    >
                      Withdraw
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

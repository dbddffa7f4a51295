import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { CaseRecord } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';

interface CaseView {
  caseId: string;
  revision: number;
  state: { record?: CaseRecord } & Record<string, unknown>;
}

/**
 * One case in full, signed off or disputed with the revision it was read at (If-Match): if the
 * trainee changed it meanwhile the API answers 412 and the supervisor is told to look again.
 */
export function SignOffPanel(props: {
  api: ApiClient;
  caseId: string;
  onDone: (message: string) => void;
}) {
  const { api, caseId } = props;
  const id = encodeURIComponent(caseId);
  const [round, setRound] = useState(0);
  const loaded = useLoad(() => api.getWithEtag<CaseView>(`/v1/cases/${id}`), `${caseId}${round}`);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const etag = loaded.data?.etag ?? undefined;
  const record = loaded.data?.body.state.record;

  const act = async (e: FormEvent, kind: 'sign-off' | 'disputes'): Promise<void> => {
    e.preventDefault();
    setError(undefined);
    try {
      if (kind === 'sign-off')
        await api.post(`/v1/cases/${id}/sign-off`, comment ? { comment } : {}, etag);
      else await api.post(`/v1/cases/${id}/disputes`, { reason }, etag);
      props.onDone(
        kind === 'sign-off'
          ? `Case ${caseId} signed off.`
          : `Case ${caseId} disputed: the trainee is asked to amend it.`,
      );
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="case-title" className="card">
      <h2 id="case-title">Case {caseId}</h2>
      <ProblemMessage error={loaded.error} />
      {record && <CaseDetails record={record} />}
      <form onSubmit={(e) => void act(e, 'sign-off')} className="form">
        <label>
          Comment for the trainee (optional)
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
        </label>
        <button type="submit" disabled={!etag}>
          Sign off
        </button>
      </form>
      <form onSubmit={(e) => void act(e, 'disputes')} className="form">
        <label>
          Why you dispute it
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
        <button type="submit" className="secondary" disabled={!etag}>
          Dispute
        </button>
      </form>
      <ProblemMessage
        error={error}
        explain={(p: ApiProblem) =>
          p.status === 412
            ? 'The trainee changed this case after you opened it. Review the current version, then sign again.'
            : undefined
        }
      />
      {error instanceof ApiProblem && error.status === 412 && (
        <button
          type="button"
          onClick={() => {
            setError(undefined);
            setRound((r) => r + 1);
          }}
        >
          Show the current version
        </button>
      )}
    </section>
  );
}

function CaseDetails(props: { record: CaseRecord }) {
  const r = props.record;
  const rows: [string, unknown][] = [
    ['Trainee', r.traineeId],
    ['Institution', r.institutionId],
    ['Procedure', r.procedure],
    ['Performed on', r.performedOn],
    ['Operator role', r.operatorRole],
    ['Supervision level', r.supervisionLevel],
    ['Local reference', r.localRef],
    ...Object.entries(r.details ?? {}).filter(([k]) => k !== 'procedure'),
    ['Notes', r.notes],
  ];
  return (
    <dl className="details">
      {rows
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
          </div>
        ))}
    </dl>
  );
}

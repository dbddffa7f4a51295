import { useState, type FormEvent } from 'react';
import { ENTRUSTMENT_RATINGS, LEVELS_BY_ROLE, type OperatorRole } from '../vocabulary';
import type { ApiClient } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { CaseRecord } from '../api/types';
import { LEVEL_LABELS } from '../ui/level-labels';
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
 * With the signature the supervisor may rate entrustment for next time and correct the
 * supervision level the trainee recorded (the API records the correction as its own event).
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
  const [entrustment, setEntrustment] = useState('');
  const [level, setLevel] = useState('');
  const [error, setError] = useState<unknown>();
  const etag = loaded.data?.etag ?? undefined;
  const record = loaded.data?.body.state.record;

  const act = async (e: FormEvent, kind: 'sign-off' | 'disputes'): Promise<void> => {
    e.preventDefault();
    setError(undefined);
    try {
      if (kind === 'sign-off')
        await api.post(
          `/v1/cases/${id}/sign-off`,
          {
            ...(comment && { comment }),
            ...(entrustment && { entrustment: Number(entrustment) }),
            ...(level && { supervisionLevel: Number(level) }),
          },
          etag,
        );
      else await api.post(`/v1/cases/${id}/disputes`, { reason }, etag);
      props.onDone(
        kind === 'sign-off'
          ? [
              `Case ${caseId} signed off.`,
              entrustment && `Entrustment rating ${entrustment}.`,
              level && `Supervision level corrected from ${record?.supervisionLevel} to ${level}.`,
            ]
              .filter(Boolean)
              .join(' ')
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
        <label>
          Entrustment rating for next time (optional)
          <select value={entrustment} onChange={(e) => setEntrustment(e.target.value)}>
            <option value="">not rated</option>
            {ENTRUSTMENT_RATINGS.map((r) => (
              <option key={r} value={r}>
                {LEVEL_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        {record && <LevelCorrection record={record} value={level} onChange={setLevel} />}
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

/**
 * The supervision level as the signer saw it: the recorded one, or another the operator role
 * allows (the domain refuses the others, and an unchanged "correction").
 */
function LevelCorrection(props: {
  record: CaseRecord;
  value: string;
  onChange: (level: string) => void;
}) {
  const { record } = props;
  const others = (LEVELS_BY_ROLE[record.operatorRole as OperatorRole] ?? []).filter(
    (l) => l !== record.supervisionLevel,
  );
  if (others.length === 0) return null;
  return (
    <label>
      Supervision level on the day
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">as recorded: {LEVEL_LABELS[record.supervisionLevel]}</option>
        {others.map((l) => (
          <option key={l} value={l}>
            corrected to {LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
    </label>
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

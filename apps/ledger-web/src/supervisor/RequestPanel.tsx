import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import type { RequestQueueItem } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';
import { ASSESSMENT_OUTCOMES } from '../vocabulary';

/**
 * A trainee's request from the queue, answered through the queue's sign-off route (one item):
 * an assessment with its outcome, or the competency signature asked for. A request the trainee
 * withdrew meanwhile is refused with the API's REQUEST_WITHDRAWN message.
 */
export function RequestPanel(props: {
  api: ApiClient;
  supervisorId: string;
  item: RequestQueueItem;
  onDone: (message: string) => void;
}) {
  const { api, item } = props;
  const assessment = item.kind === 'assessment-request';
  const [outcome, setOutcome] = useState<string>('satisfactory');
  const [performedOn, setPerformedOn] = useState(new Date().toISOString().slice(0, 10));
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();

  const answer = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(undefined);
    try {
      await api.post(`/v1/supervisors/${encodeURIComponent(props.supervisorId)}/queue/sign-offs`, {
        items: [
          {
            kind: item.kind,
            traineeId: item.traineeId,
            requestId: item.requestId,
            ...(assessment && { outcome, performedOn }),
            ...(comment && { comment }),
          },
        ],
      });
      props.onDone(
        assessment
          ? `Assessment for ${item.traineeId} recorded: ${outcome}.`
          : `Competency ${item.competencyId ?? ''} signed off for ${item.traineeId}.`,
      );
    } catch (err) {
      setError(err);
    }
  };

  const rows: [string, string | undefined][] = [
    ['Trainee', item.traineeId],
    ['Institution', item.institutionId],
    ['Assessment', item.assessmentType],
    ['Procedure', item.procedure],
    ['Case', item.caseId],
    ['Competency', item.competencyId],
    ['Requested on', item.requestedOn],
    ['Note from the trainee', item.note],
  ];
  return (
    <section aria-labelledby="request-title" className="card">
      <h2 id="request-title">
        {assessment ? 'Assessment request' : 'Competency sign-off request'} {item.requestId}
      </h2>
      <dl className="details">
        {rows
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <form onSubmit={(e) => void answer(e)} className="form">
        {assessment && (
          <>
            <label>
              Outcome
              <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
                {ASSESSMENT_OUTCOMES.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </label>
            <label>
              Performed on
              <input
                type="date"
                value={performedOn}
                onChange={(e) => setPerformedOn(e.target.value)}
                required
              />
            </label>
          </>
        )}
        <label>
          Comment for the trainee (optional)
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
        </label>
        <button type="submit">{assessment ? 'Record assessment' : 'Sign off competency'}</button>
      </form>
      <ProblemMessage error={error} />
    </section>
  );
}

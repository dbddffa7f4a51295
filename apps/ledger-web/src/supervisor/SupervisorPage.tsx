import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { QueueItem } from '../api/types';
import type { Session } from '../auth/session';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';
import { RequestPanel } from './RequestPanel';
import { SignOffPanel } from './SignOffPanel';

interface Queue {
  supervisorId: string;
  ledgerSize: number;
  items: QueueItem[];
}

/** One item's key in the list: a case, or a trainee's request (request ids are per trainee). */
const keyOf = (i: QueueItem): string =>
  i.kind === 'case' ? `case:${i.caseId}` : `request:${i.traineeId}/${i.requestId}`;

function label(i: QueueItem): string {
  if (i.kind === 'case')
    return `${i.procedure} · ${i.traineeId} · ${i.performedOn}${
      i.signOff === 'withdrawn' ? ' · amended since sign-off' : ''
    }`;
  const what =
    i.kind === 'assessment-request'
      ? `assessment request: ${i.assessmentType ?? ''}`
      : `competency sign-off request: ${i.competencyId ?? ''}`;
  return `${what} · ${i.traineeId} · asked ${i.requestedOn}`;
}

/**
 * What waits for this supervisor, oldest first: cases to sign off, and the assessments and
 * competency sign-offs trainees asked them for; the chosen item opens beside the list.
 */
export default function SupervisorPage(props: { api: ApiClient; session: Session }) {
  const { api, session } = props;
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<string>();
  // Items acted on here leave the list at once; the queue's read model catches up a moment later.
  const [handled, setHandled] = useState<string[]>([]);
  const queue = useLoad(
    () => api.get<Queue>(`/v1/supervisors/${encodeURIComponent(session.subject)}/queue`),
    `q${round}`,
  );
  const items = (queue.data?.items ?? []).filter((i) => !handled.includes(keyOf(i)));
  const selected = items.find((i) => keyOf(i) === open);
  const finish = (key: string) => (message: string) => {
    setDone(message);
    setHandled((h) => [...h, key]);
    setOpen(undefined);
    setRound((r) => r + 1);
  };
  return (
    <>
      <h1>Sign-off queue</h1>
      <ProblemMessage error={queue.error} />
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      <div className="split">
        <section aria-labelledby="queue-title" className="card">
          <h2 id="queue-title">Waiting for you ({items.length})</h2>
          {items.length === 0 && !queue.loading && <p>Nothing is waiting for your sign-off.</p>}
          <ul className="queue">
            {items.map((item) => (
              <li key={keyOf(item)}>
                <button
                  type="button"
                  className={open === keyOf(item) ? 'queue-item selected' : 'queue-item'}
                  aria-pressed={open === keyOf(item)}
                  onClick={() => setOpen(keyOf(item))}
                >
                  <strong>{item.kind === 'case' ? item.caseId : item.requestId}</strong>{' '}
                  {label(item)}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {selected?.kind === 'case' && (
          <SignOffPanel
            key={open}
            api={api}
            caseId={selected.caseId}
            onDone={finish(keyOf(selected))}
          />
        )}
        {selected && selected.kind !== 'case' && (
          <RequestPanel
            key={open}
            api={api}
            supervisorId={session.subject}
            item={selected}
            onDone={finish(keyOf(selected))}
          />
        )}
      </div>
    </>
  );
}

import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { QueueItem } from '../api/types';
import type { Session } from '../auth/session';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';
import { SignOffPanel } from './SignOffPanel';

interface Queue {
  supervisorId: string;
  ledgerSize: number;
  items: QueueItem[];
}

/** What waits for this supervisor's sign-off, oldest first, each case opened beside the list. */
export default function SupervisorPage(props: { api: ApiClient; session: Session }) {
  const { api, session } = props;
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<string>();
  // Cases acted on here leave the list at once; the queue's read model catches up a moment later.
  const [handled, setHandled] = useState<string[]>([]);
  const queue = useLoad(
    () => api.get<Queue>(`/v1/supervisors/${encodeURIComponent(session.subject)}/queue`),
    `q${round}`,
  );
  const items = (queue.data?.items ?? []).filter(
    (i) => i.kind === 'case' && !handled.includes(i.caseId),
  );
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
              <li key={item.caseId}>
                <button
                  type="button"
                  className={open === item.caseId ? 'queue-item selected' : 'queue-item'}
                  aria-pressed={open === item.caseId}
                  onClick={() => setOpen(item.caseId)}
                >
                  <strong>{item.caseId}</strong> {item.procedure} · {item.traineeId} ·{' '}
                  {item.performedOn}
                  {item.signOff === 'withdrawn' ? ' · amended since sign-off' : ''}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {open && (
          <SignOffPanel
            key={open}
            api={api}
            caseId={open}
            onDone={(message) => {
              setDone(message);
              setHandled((h) => [...h, open]);
              setOpen(undefined);
              setRound((r) => r + 1);
            }}
          />
        )}
      </div>
    </>
  );
}

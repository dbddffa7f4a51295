import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { CasePage, CaseRecord, Requirement, TraineeRecord, TraineeStatus } from '../api/types';
import type { Session } from '../auth/session';
import { download } from '../ui/download';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';
import { CaseActions } from './CaseActions';
import { logbookCsv } from './logbook-csv';
import { LogCaseForm } from './LogCaseForm';
import { MyRequests } from './MyRequests';
import { NewRequestForm } from './NewRequestForm';
import { checkpoints, progressHistory } from './progress-history';
// Charts (Chart.js) load after the figures: the table is the first thing a trainee reads.
const RequirementChart = lazy(() => import('./RequirementChart'));

/** The trainee's week: where they stand on each pathway, what awaits sign-off, log a case. */
export function TraineePage(props: { api: ApiClient; session: Session }) {
  const { api, session } = props;
  const id = encodeURIComponent(session.subject);
  const [round, setRound] = useState(0);
  const [logged, setLogged] = useState<string>();
  const status = useLoad(
    () => api.get<TraineeStatus>(`/v1/trainees/${id}/status`),
    `s${id}${round}`,
  );
  const cases = useLoad(
    () => api.get<CasePage>(`/v1/registry/cases?traineeId=${id}&limit=1000`),
    `c${id}${round}`,
  );
  const refresh = (): void => setRound((r) => r + 1);
  // The trainee's own record: their open requests, institutions and pathways (re-read per request).
  const record = useLoad(() => api.get<TraineeRecord>(`/v1/trainees/${id}`), `r${id}`);
  // Time to first render, as the bench reads it (User Timing; a mark costs nothing unread).
  useEffect(() => {
    if (status.data) performance.mark('trainee-view-rendered');
  }, [status.data]);

  const byEvent = useMemo(
    () => new Map((cases.data?.cases ?? []).map((c) => [c.loggedEventId, c])),
    [cases.data],
  );
  const waiting = (cases.data?.cases ?? []).filter(
    (c) => c.signOff !== 'signed-off' && !c.retracted,
  );
  const supervisors = useMemo(
    () => [...new Set((cases.data?.cases ?? []).map((c) => c.supervisorId))].sort(),
    [cases.data],
  );

  return (
    <>
      <h1>My progress</h1>
      <ProblemMessage error={status.error} />
      {status.data && (
        <p className="lede">
          Evaluated on {status.data.evaluatedOn} over the ledger&apos;s first{' '}
          {status.data.ledgerSize.toLocaleString('en-GB')} events.
        </p>
      )}
      {status.data?.pathways.map((p) =>
        'evaluation' in p ? (
          <section key={p.pathwayId} aria-labelledby={`pw-${p.pathwayId}`} className="card">
            <h2 id={`pw-${p.pathwayId}`}>
              {p.pathwayId} <span className="muted">v{p.pathwayVersion}</span>{' '}
              <span className={p.evaluation.met ? 'badge ok' : 'badge'}>
                {p.evaluation.met ? 'all requirements met' : 'in progress'}
              </span>
            </h2>
            <table className="requirements">
              <caption className="visually-hidden">Requirements of {p.pathwayId}</caption>
              <thead>
                <tr>
                  <th scope="col">Requirement</th>
                  <th scope="col">Achieved</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Evidence that counted</th>
                </tr>
              </thead>
              <tbody>
                {p.evaluation.requirements.map((r) => (
                  <RequirementRow
                    key={r.id}
                    pathwayId={p.pathwayId}
                    requirement={r}
                    byEvent={byEvent}
                  />
                ))}
              </tbody>
            </table>
            <History
              api={api}
              traineeId={session.subject}
              pathwayId={p.pathwayId}
              requirements={p.evaluation.requirements}
              since={cases.data?.cases[0]?.performedOn}
              today={status.data?.evaluatedOn ?? p.evaluation.evaluatedOn}
              round={round}
            />
          </section>
        ) : (
          <section key={p.pathwayId} className="card">
            <h2>{p.pathwayId}</h2>
            <p>This pathway is not published in the ledger ({p.error}).</p>
          </section>
        ),
      )}

      <section aria-labelledby="waiting-title" className="card">
        <h2 id="waiting-title">Awaiting sign-off ({waiting.length})</h2>
        <ProblemMessage error={cases.error} />
        {waiting.length === 0 ? (
          <p>Nothing is waiting: every case you logged is signed off.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Performed</th>
                <th scope="col">Supervisor</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((c) => (
                <tr key={c.caseId}>
                  <td>{c.caseId}</td>
                  <td>{c.performedOn}</td>
                  <td>{c.supervisorId}</td>
                  <td>
                    {c.signOff}
                    {c.disputeReason ? `: ${c.disputeReason}` : ''}
                  </td>
                  <td>
                    <CaseActions api={api} record={c} onDone={refresh} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button
          type="button"
          className="secondary"
          disabled={!cases.data}
          onClick={() =>
            download(
              `logbook-${session.subject}.csv`,
              logbookCsv(cases.data?.cases ?? []),
              'text/csv',
            )
          }
        >
          Export my logbook (CSV)
        </button>
      </section>

      <MyRequests api={api} traineeId={session.subject} record={record} />

      <section className="card">
        <NewRequestForm
          api={api}
          traineeId={session.subject}
          record={record.data}
          supervisors={supervisors}
          cases={cases.data?.cases ?? []}
          onSent={record.reload}
        />
      </section>

      <section className="card">
        {logged && (
          <p role="status" className="success">
            Case {logged} logged; it now awaits your supervisor&apos;s sign-off.
          </p>
        )}
        <LogCaseForm
          api={api}
          session={session}
          supervisors={supervisors}
          onLogged={(caseId) => {
            setLogged(caseId);
            refresh();
          }}
        />
      </section>
    </>
  );
}

function RequirementRow(props: {
  pathwayId: string;
  requirement: Requirement;
  byEvent: Map<string, CaseRecord>;
}) {
  const { requirement: r, byEvent } = props;
  const counted = (r.countedEventIds ?? []).flatMap((e) => {
    const c = byEvent.get(e);
    return c ? [c] : [];
  });
  return (
    <tr>
      <th scope="row">
        {r.description}
        {r.met ? <span className="badge ok">met</span> : null}
      </th>
      <td>
        {r.achieved} / {r.target}
      </td>
      <td>
        <progress
          max={r.target}
          value={Math.min(r.achieved, r.target)}
          aria-label={`${r.description}: ${r.achieved} of ${r.target}`}
        />
      </td>
      <td>
        {counted.length > 0 ? (
          <details>
            <summary>{counted.length} cases</summary>
            <ul className="compact">
              {counted.map((c) => (
                <li key={c.caseId}>
                  {c.performedOn} {c.caseId} ({c.operatorRole}, signed off by {c.signedOffBy ?? '—'}
                  {c.entrustment !== undefined && `, entrustment ${c.entrustment}`})
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <span className="muted">{(r.countedEventIds ?? []).length} records</span>
        )}
      </td>
    </tr>
  );
}

/** Seven evaluations from the first case to today: enough to show the trend, cheap to fetch. */
function History(props: {
  api: ApiClient;
  traineeId: string;
  pathwayId: string;
  requirements: Requirement[];
  since: string | undefined;
  today: string;
  round: number;
}) {
  const { since, today } = props;
  const days = useMemo(() => (since ? checkpoints(since, today, 7) : []), [since, today]);
  const history = useLoad(
    () =>
      days.length ? progressHistory(props.api, props.traineeId, days) : Promise.resolve(undefined),
    `${props.traineeId}${props.round}${days.join()}`,
  );
  return (
    <div className="charts">
      <h3>Over time</h3>
      <ProblemMessage error={history.error} />
      {history.loading && !history.data && <p>Loading the history…</p>}
      {history.data && (
        <Suspense fallback={<p>Loading the charts…</p>}>
          <div className="chart-grid">
            {props.requirements.map((r) => (
              <RequirementChart
                key={r.id}
                requirement={r}
                days={days}
                achieved={history.data?.get(`${props.pathwayId}/${r.id}`)}
              />
            ))}
          </div>
        </Suspense>
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { CREDENTIAL_OUTCOMES } from '../vocabulary';
import type { ApiClient } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { ApplicationPage, TraineeStatus } from '../api/types';
import type { Session } from '../auth/session';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';
import { ReviewFlags } from './ReviewFlags';

interface Decided {
  id?: string;
  position: number;
}

/**
 * A credential application before the panel: the pending applications, the applicant's
 * evaluation with the evidence behind each requirement, and the member's vote (the decision
 * where the pathway's quorum is one), and the decisions flagged for review. Granting against an
 * unmet evaluation is an override: the API (and so this form) requires the reason for it.
 */
export default function PanelPage(props: { api: ApiClient; session: Session }) {
  const params = new URLSearchParams(location.search);
  const [trainee, setTrainee] = useState(params.get('trainee') ?? '');
  const [application, setApplication] = useState(params.get('application') ?? '');
  const status = useLoad(
    () =>
      trainee
        ? props.api.get<TraineeStatus>(`/v1/trainees/${encodeURIComponent(trainee)}/status`)
        : Promise.resolve(undefined),
    trainee,
  );
  const evaluation = status.data?.pathways.flatMap((p) =>
    'evaluation' in p ? [p.evaluation] : [],
  )[0];
  const open = (traineeId: string, applicationId: string): void => {
    setTrainee(traineeId);
    setApplication(applicationId);
  };
  return (
    <>
      <h1>Credential application</h1>
      <PendingApplications api={props.api} onOpen={open} />
      <ReviewFlags api={props.api} />
      <form className="inline" onSubmit={(e) => e.preventDefault()} aria-label="Application">
        <label>
          Applicant (trainee id)
          <input value={trainee} onChange={(e) => setTrainee(e.target.value)} />
        </label>
        <label>
          Application id
          <input value={application} onChange={(e) => setApplication(e.target.value)} />
        </label>
      </form>
      <ProblemMessage error={status.error} />
      {evaluation && (
        <section className="card" aria-labelledby="evaluation-title">
          <h2 id="evaluation-title">
            Evaluation under {evaluation.pathwayId} v{evaluation.pathwayVersion}{' '}
            <span className={evaluation.met ? 'badge ok' : 'badge bad'}>
              {evaluation.met ? 'met' : 'not met'}
            </span>
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Achieved / target</th>
                <th scope="col">Evidence behind it</th>
                <th scope="col">Met</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.requirements.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.description}</th>
                  <td>
                    {r.achieved} / {r.target}
                  </td>
                  <td>
                    <details>
                      <summary>{(r.countedEventIds ?? []).length} ledger events</summary>
                      <ul className="compact">
                        {(r.countedEventIds ?? []).map((id) => (
                          <li key={id}>
                            <code>{id}</code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td>{r.met ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {application && (
            <DecisionForm
              api={props.api}
              applicationId={application}
              evaluationMet={evaluation.met}
            />
          )}
        </section>
      )}
    </>
  );
}

/** What waits for the panel (GET /v1/applications), oldest first; "Open" shows one below. */
function PendingApplications(props: {
  api: ApiClient;
  onOpen: (traineeId: string, applicationId: string) => void;
}) {
  const pending = useLoad(() => props.api.get<ApplicationPage>('/v1/applications'), 'pending');
  const applications = pending.data?.applications ?? [];
  return (
    <section className="card" aria-labelledby="pending-title">
      <h2 id="pending-title">Awaiting a decision ({pending.data?.total ?? 0})</h2>
      <ProblemMessage error={pending.error} />
      {applications.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Applicant</th>
              <th scope="col">Pathway</th>
              <th scope="col">Waiting</th>
              <th scope="col">Votes this round</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.applicationId}>
                <th scope="row">
                  {a.traineeId}
                  {a.institutionId ? ` (${a.institutionId})` : ''}
                </th>
                <td>
                  {a.pathwayId} v{a.pathwayVersion}
                </td>
                <td>{a.ageDays} days</td>
                <td>{a.votes.map((v) => `${v.panelMemberId}: ${v.outcome}`).join(', ') || '—'}</td>
                <td>
                  <button type="button" onClick={() => props.onOpen(a.traineeId, a.applicationId)}>
                    Open {a.applicationId.slice(0, 8)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DecisionForm(props: { api: ApiClient; applicationId: string; evaluationMet: boolean }) {
  const [outcome, setOutcome] = useState<(typeof CREDENTIAL_OUTCOMES)[number]>('deferred');
  const [reasons, setReasons] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const overriding = outcome === 'granted' && !props.evaluationMet;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(undefined);
    try {
      // A vote: where the pathway's panel quorum is one, it is the decision (the answer names it).
      const { body } = await props.api.post<Decided>(
        `/v1/applications/${encodeURIComponent(props.applicationId)}/votes`,
        { outcome, reasons, ...(overriding && overrideReason ? { overrideReason } : {}) },
      );
      setDone(
        body.id
          ? `Decision recorded: ${outcome} (${body.id}).`
          : `Vote recorded: ${outcome}. The pathway's panel needs more members to concur.`,
      );
    } catch (err) {
      setError(err);
    }
  };
  const p = error instanceof ApiProblem ? error : undefined;
  if (done)
    return (
      <p role="status" className="success">
        {done}
      </p>
    );
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="form"
      aria-labelledby="decision-title"
      noValidate
    >
      <h3 id="decision-title">Decision</h3>
      <Field label="Outcome" field="outcome" problem={p}>
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
          {CREDENTIAL_OUTCOMES.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </Field>
      <Field label="Reasons" field="reasons" problem={p}>
        <textarea value={reasons} onChange={(e) => setReasons(e.target.value)} rows={2} />
      </Field>
      {overriding && (
        <Field
          label="Reason for the override"
          field="overrideReason"
          problem={p}
          hint="The requirements are not met: granting is an override and needs its reason"
        >
          <textarea
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            rows={2}
          />
        </Field>
      )}
      <button type="submit">Record decision</button>
      <ProblemMessage error={error} />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { CREDENTIAL_OUTCOMES } from '../vocabulary';
import type { ApiClient } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { TraineeStatus } from '../api/types';
import type { Session } from '../auth/session';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';

interface Decided {
  id?: string;
  position: number;
}

/**
 * A credential application before the panel: the applicant's evaluation with the evidence
 * behind each requirement, and the decision. Granting against an unmet evaluation is an
 * override: the API (and so this form) requires the reason for it.
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
  return (
    <>
      <h1>Credential application</h1>
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
      const { body } = await props.api.post<Decided>(
        `/v1/applications/${encodeURIComponent(props.applicationId)}/decisions`,
        { outcome, reasons, ...(overriding && overrideReason ? { overrideReason } : {}) },
      );
      setDone(`Decision recorded: ${outcome}${body.id ? ` (${body.id})` : ''}.`);
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

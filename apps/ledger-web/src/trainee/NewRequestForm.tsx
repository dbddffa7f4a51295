import { useState } from 'react';
import { ASSESSMENT_TYPES, PROCEDURES } from '../vocabulary';
import type { ApiClient } from '../api/client';
import type { CaseRecord, CommandResult, PathwayVersions, TraineeRecord } from '../api/types';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { SupervisorField } from '../ui/SupervisorField';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';

type Kind = 'assessment' | 'competency';
const KINDS: [Kind, string][] = [
  ['assessment', 'An assessment'],
  ['competency', 'A competency sign-off'],
];

// Unset (undefined) choices show the list's first offer, so the form is ready once lists arrive.
const BLANK = {
  supervisorId: undefined as string | undefined,
  assessmentType: 'Rad-DOPS',
  procedure: '',
  caseId: '',
  competencyId: undefined as string | undefined,
  institutionId: undefined as string | undefined,
  note: '',
};
type Fields = typeof BLANK;

const today = (): string => new Date().toISOString().slice(0, 10);

/** Where the trainee trains today: their trust, and any rotation's host trust that covers today. */
function institutionsToday(state: TraineeRecord['state'], day: string): string[] {
  const hosts = (state.rotations ?? [])
    .filter((r) => r.from <= day && day <= r.to)
    .map((r) => r.institutionId);
  return [...new Set([...(state.institutionId ? [state.institutionId] : []), ...hosts])];
}

/** The competencies the trainee's pathways catalogue, each pathway's current version (the last). */
async function competenciesOf(
  api: ApiClient,
  pathwayIds: readonly string[],
): Promise<{ id: string; title: string }[]> {
  const listed = await Promise.all(
    pathwayIds.map((p) =>
      api.get<PathwayVersions>(`/v1/pathways/${encodeURIComponent(p)}/versions`),
    ),
  );
  const byId = new Map(
    listed
      .flatMap((p) => p.versions[p.versions.length - 1]?.document.competencies ?? [])
      .map((c) => [c.id, c]),
  );
  return [...byId.values()];
}

/**
 * Ask a supervisor for a workplace-based assessment or a competency sign-off: the request lands
 * in their queue and under "My requests". The lists offer what the trainee's record and pathways
 * hold; the API decides the rest (an assessor not accredited where the trainee trains today, a
 * competency outside their pathways, a patient identifier in the note) and is quoted as it says.
 */
export function NewRequestForm(props: {
  api: ApiClient;
  traineeId: string;
  record: TraineeRecord | undefined;
  supervisors: string[];
  cases: CaseRecord[];
  onSent: (requestId: string) => void;
}) {
  const { api, record } = props;
  const [kind, setKind] = useState<Kind>('assessment');
  const [sent, setSent] = useState<string>();
  const form = useForm(BLANK, send);
  const { fields, set, problem: p } = form;
  // The pathways' documents are fetched only once the trainee asks for a sign-off.
  const pathwayIds = kind === 'competency' ? (record?.state.enrolment?.pathwayIds ?? []) : [];
  const competencies = useLoad(() => competenciesOf(api, pathwayIds), pathwayIds.join());
  const institutions = record ? institutionsToday(record.state, today()) : [];
  const supervisorId = fields.supervisorId ?? props.supervisors[0] ?? '';
  const competencyId = fields.competencyId ?? competencies.data?.[0]?.id ?? '';
  const institutionId = fields.institutionId ?? institutions[0] ?? '';
  const cases = props.cases
    .filter((c) => !c.retracted)
    .sort((a, b) => b.performedOn.localeCompare(a.performedOn));

  async function send(f: Fields): Promise<void> {
    setSent(undefined);
    const note = f.note.trim() ? { note: f.note } : {};
    const id = encodeURIComponent(props.traineeId);
    const { body } =
      kind === 'assessment'
        ? await api.post<CommandResult>(`/v1/trainees/${id}/assessment-requests`, {
            assessorId: supervisorId,
            assessmentType: f.assessmentType,
            ...(f.procedure && { procedure: f.procedure }),
            ...(f.caseId && { caseId: f.caseId }),
            ...note,
          })
        : await api.post<CommandResult>(`/v1/trainees/${id}/competency-requests`, {
            competencyId,
            signerId: supervisorId,
            institutionId,
            ...note,
          });
    const requestId = body.id ?? '';
    setSent(`Request ${requestId} sent to ${supervisorId}: it now waits in their queue.`);
    form.setFields((g) => ({ ...g, note: '' }));
    props.onSent(requestId);
  }

  return (
    <form
      onSubmit={form.onSubmit}
      className="form grid"
      aria-labelledby="new-request-title"
      noValidate
    >
      <h2 id="new-request-title">Ask for an assessment or a sign-off</h2>
      <fieldset className="wide">
        <legend>What you ask for</legend>
        {KINDS.map(([k, text]) => (
          <label key={k}>
            <input
              type="radio"
              name="request-kind"
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      <SupervisorField
        label="Supervisor asked"
        field={kind === 'assessment' ? 'assessorId' : 'signerId'}
        problem={p}
        hint="Accredited where you train; the request lands in their queue"
        value={supervisorId}
        onChange={(value) => form.setFields((f) => ({ ...f, supervisorId: value }))}
        supervisors={props.supervisors}
      />
      {kind === 'assessment' ? (
        <>
          <Field label="Assessment" field="assessmentType" problem={p}>
            <select value={fields.assessmentType} onChange={set('assessmentType')}>
              {ASSESSMENT_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </Field>
          <Field label="Procedure (optional)" field="procedure" problem={p}>
            <select value={fields.procedure} onChange={set('procedure')}>
              <option value="">any</option>
              {PROCEDURES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </Field>
          <Field label="Case to be assessed (optional)" field="caseId" problem={p}>
            <select value={fields.caseId} onChange={set('caseId')}>
              <option value="">none</option>
              {cases.map((c) => (
                <option key={c.caseId} value={c.caseId}>
                  {c.performedOn} · {c.procedure} · {c.localRef}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : (
        <>
          <Field label="Competency" field="competencyId" problem={p}>
            <select value={competencyId} onChange={set('competencyId')}>
              {(competencies.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title} ({c.id})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Where it is signed" field="institutionId" problem={p}>
            <select value={institutionId} onChange={set('institutionId')}>
              {institutions.map((i) => (
                <option key={i}>{i}</option>
              ))}
            </select>
          </Field>
        </>
      )}
      <div className="wide">
        <Field
          label="Note to the supervisor (optional)"
          field="note"
          problem={p}
          hint="Only they and you read it; no patient identifiers"
        >
          <textarea value={fields.note} onChange={set('note')} rows={2} />
        </Field>
      </div>
      <div className="wide">
        <button type="submit" disabled={form.busy || !record}>
          Send request
        </button>
        {sent && (
          <p role="status" className="success">
            {sent}
          </p>
        )}
        <ProblemMessage error={competencies.error ?? form.error} />
      </div>
    </form>
  );
}

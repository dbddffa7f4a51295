import { useEffect } from 'react';
import {
  ETICI_GRADES,
  MT_COMPLICATIONS,
  MT_TECHNIQUES,
  OCCLUSION_SITES,
  OPERATOR_ROLES,
  SUPERVISION_LEVELS,
} from '../vocabulary';
import type { ApiClient } from '../api/client';
import type { CommandResult } from '../api/types';
import type { Session } from '../auth/session';
import { Field } from '../ui/Field';
import { LEVEL_LABELS } from '../ui/level-labels';
import { ProblemMessage } from '../ui/ProblemMessage';
import { SupervisorField } from '../ui/SupervisorField';
import { useForm } from '../ui/useForm';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A new case as the form starts: today, primary-supervised at level 3, an M1 occlusion. */
function initialFields(institutionId: string, supervisorId: string) {
  return {
    performedOn: today(),
    institutionId,
    operatorRole: 'primary-supervised',
    supervisorId,
    supervisionLevel: '3',
    localRef: '',
    occlusionSite: 'M1',
    technique: 'combined',
    tandemLesion: false,
    balloonGuideCatheter: true,
    rescueStenting: false,
    eticiByPass: '2b67',
    finalEtici: '2b67',
    arrival: '',
    groinPuncture: '',
    complications: [] as string[],
    notes: '',
  };
}
type Fields = ReturnType<typeof initialFields>;

/**
 * Logging a thrombectomy in the domain's vocabulary. The browser checks nothing the API does
 * not: what it refuses comes back as its own problem, shown beside the fields it names.
 */
export function LogCaseForm(props: {
  api: ApiClient;
  session: Session;
  supervisors: string[];
  onLogged: (caseId: string) => void;
}) {
  const {
    fields: form,
    setFields: setForm,
    set,
    busy,
    error: problem,
    problem: p,
    onSubmit,
  } = useForm(initialFields(props.session.institutionId, props.supervisors[0] ?? ''), send);
  const firstSupervisor = props.supervisors[0];
  // The supervisor list arrives with the trainee's cases; offer the first once it does.
  useEffect(() => {
    if (firstSupervisor)
      setForm((f) => (f.supervisorId ? f : { ...f, supervisorId: firstSupervisor }));
  }, [firstSupervisor]);
  const flag = (k: 'tandemLesion' | 'balloonGuideCatheter' | 'rescueStenting') => () =>
    setForm((f) => ({ ...f, [k]: !f[k] }));

  async function send(form: Fields): Promise<void> {
    const times: Record<string, string> = {};
    if (form.arrival) times['arrival'] = form.arrival;
    if (form.groinPuncture) times['groinPuncture'] = form.groinPuncture;
    const body = {
      institutionId: form.institutionId,
      procedure: 'mechanical-thrombectomy',
      performedOn: form.performedOn,
      operatorRole: form.operatorRole,
      supervisorId: form.supervisorId,
      supervisionLevel: Number(form.supervisionLevel),
      localRef: form.localRef,
      details: {
        procedure: 'mechanical-thrombectomy',
        occlusionSite: form.occlusionSite,
        tandemLesion: form.tandemLesion,
        technique: form.technique,
        balloonGuideCatheter: form.balloonGuideCatheter,
        rescueStenting: form.rescueStenting,
        eticiByPass: form.eticiByPass
          .split(/[,\s]+/)
          .map((g) => g.trim())
          .filter(Boolean),
        finalEtici: form.finalEtici,
        times,
        complications: form.complications,
      },
      ...(form.notes.trim() ? { notes: form.notes } : {}),
    };
    const { body: result } = await props.api.post<CommandResult>('/v1/cases', body);
    setForm((f) => ({ ...f, localRef: '', notes: '' }));
    props.onLogged(result.id ?? '');
  }

  return (
    <form onSubmit={onSubmit} className="form grid" aria-labelledby="log-case-title" noValidate>
      <h2 id="log-case-title">Log a thrombectomy</h2>
      <p className="hint wide">
        No patient identifiers: use your department&apos;s pseudonymous local reference. NHS
        numbers, dates of birth and hospital numbers are refused.
      </p>
      <Field label="Performed on" field="performedOn" problem={p}>
        <input type="date" value={form.performedOn} onChange={set('performedOn')} />
      </Field>
      <Field label="Institution" field="institutionId" problem={p}>
        <input value={form.institutionId} onChange={set('institutionId')} />
      </Field>
      <Field label="Your role" field="operatorRole" problem={p}>
        <select value={form.operatorRole} onChange={set('operatorRole')}>
          {OPERATOR_ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </Field>
      <SupervisorField
        label="Supervisor"
        field="supervisorId"
        problem={p}
        hint="Asked to sign the case off"
        value={form.supervisorId}
        onChange={(supervisorId) => setForm((f) => ({ ...f, supervisorId }))}
        supervisors={props.supervisors}
      />
      <Field label="Supervision level" field="supervisionLevel" problem={p}>
        <select value={form.supervisionLevel} onChange={set('supervisionLevel')}>
          {SUPERVISION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Local reference"
        field="localRef"
        problem={p}
        hint="Pseudonymous, e.g. LR-7F3A2C"
      >
        <input value={form.localRef} onChange={set('localRef')} />
      </Field>
      <Field label="Occlusion site" field="details.occlusionSite" problem={p}>
        <select value={form.occlusionSite} onChange={set('occlusionSite')}>
          {OCCLUSION_SITES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </Field>
      <Field label="Technique" field="details.technique" problem={p}>
        <select value={form.technique} onChange={set('technique')}>
          {MT_TECHNIQUES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </Field>
      <Field
        label="eTICI after each pass"
        field="details.eticiByPass"
        problem={p}
        hint="In order, e.g. 2a, 2b67"
      >
        <input value={form.eticiByPass} onChange={set('eticiByPass')} />
      </Field>
      <Field label="Final eTICI" field="details.finalEtici" problem={p}>
        <select value={form.finalEtici} onChange={set('finalEtici')}>
          {ETICI_GRADES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </Field>
      <Field label="Arrival" field="details.times.arrival" problem={p}>
        <input type="datetime-local" value={form.arrival} onChange={set('arrival')} />
      </Field>
      <Field label="Groin puncture" field="details.times.groinPuncture" problem={p}>
        <input type="datetime-local" value={form.groinPuncture} onChange={set('groinPuncture')} />
      </Field>
      <fieldset className="wide">
        <legend>Lesion and devices</legend>
        <label>
          <input type="checkbox" checked={form.tandemLesion} onChange={flag('tandemLesion')} />{' '}
          Tandem lesion
        </label>
        <label>
          <input
            type="checkbox"
            checked={form.balloonGuideCatheter}
            onChange={flag('balloonGuideCatheter')}
          />{' '}
          Balloon guide catheter
        </label>
        <label>
          <input type="checkbox" checked={form.rescueStenting} onChange={flag('rescueStenting')} />{' '}
          Rescue stenting
        </label>
      </fieldset>
      <fieldset className="wide">
        <legend>Complications</legend>
        {MT_COMPLICATIONS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={form.complications.includes(c)}
              onChange={() =>
                setForm((f) => ({
                  ...f,
                  complications: f.complications.includes(c)
                    ? f.complications.filter((x) => x !== c)
                    : [...f.complications, c],
                }))
              }
            />{' '}
            {c}
          </label>
        ))}
      </fieldset>
      <div className="wide">
        <Field
          label="Notes"
          field="notes"
          problem={p}
          hint="Teaching points; no patient identifiers"
        >
          <textarea value={form.notes} onChange={set('notes')} rows={3} />
        </Field>
      </div>
      <div className="wide">
        <button type="submit" disabled={busy}>
          Log case
        </button>
        <ProblemMessage
          error={problem}
          explain={(pr) =>
            pr.code === 'PATIENT_IDENTIFIER_REJECTED'
              ? 'Refused: this looks like a patient identifier. Nothing was recorded.'
              : undefined
          }
        />
      </div>
    </form>
  );
}

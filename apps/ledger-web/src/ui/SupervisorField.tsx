import { useId } from 'react';
import type { ApiProblem } from '../api/problem';
import { Field } from './Field';

/** A supervisor's id, typed or picked from the ones the trainee has worked with. */
export function SupervisorField(props: {
  label: string;
  field: string;
  hint: string;
  problem: ApiProblem | undefined;
  value: string;
  onChange: (value: string) => void;
  supervisors: readonly string[];
}) {
  const listId = useId();
  return (
    <>
      <Field label={props.label} field={props.field} problem={props.problem} hint={props.hint}>
        <input value={props.value} onChange={(e) => props.onChange(e.target.value)} list={listId} />
      </Field>
      <datalist id={listId}>
        {props.supervisors.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}

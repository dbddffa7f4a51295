import { cloneElement, useId, type ReactElement } from 'react';
import type { ApiProblem } from '../api/problem';

/**
 * A labelled control with the API's own messages for its field underneath, tied to it with
 * aria-describedby and aria-invalid so a screen reader reads the reason with the field.
 */
export function Field(props: {
  label: string;
  field: string;
  problem?: ApiProblem;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const messages = props.problem?.messagesFor(props.field) ?? [];
  const describedBy = [props.hint ? `${id}-hint` : '', messages.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={messages.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {cloneElement(props.children, {
        id,
        name: props.field,
        'aria-invalid': messages.length > 0 || undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {props.hint && (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
      {messages.length > 0 && (
        <small id={`${id}-error`} className="error">
          {messages.join('; ')}
        </small>
      )}
    </div>
  );
}

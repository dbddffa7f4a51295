import { ApiProblem } from '../api/problem';

/** A refusal as the API worded it: the detail, the stable code, and each field's message. */
export function ProblemMessage(props: {
  error: unknown;
  explain?: (p: ApiProblem) => string | undefined;
}) {
  const { error } = props;
  if (error === undefined || error === null) return null;
  if (!(error instanceof ApiProblem))
    return (
      <div role="alert" className="problem">
        {error instanceof Error ? error.message : String(error)}
      </div>
    );
  const extra = props.explain?.(error);
  return (
    <div role="alert" className="problem">
      <p>
        <strong>{extra ?? error.detail}</strong> <code>{error.code}</code>
      </p>
      {extra && <p>{error.detail}</p>}
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';

/**
 * A form's fields and its submission: `set(k)` binds a control to field k; `onSubmit` runs
 * `send` with the fields, busy meanwhile, and keeps what it threw (the API's refusal) to show
 * as a whole (`error`) and beside the fields it names (`problem`).
 */
export function useForm<T extends object>(initial: T, send: (fields: T) => Promise<void>) {
  const [fields, setFields] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (k: keyof T) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [k]: e.target.value }));
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    send(fields).then(
      () => setBusy(false),
      (err: unknown) => {
        setError(err);
        setBusy(false);
      },
    );
  };
  const problem = error instanceof ApiProblem ? error : undefined;
  return { fields, setFields, set, busy, error, problem, onSubmit };
}

import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import type { CaseRecord } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';

/** Retract a case logged in error, with the reason the ledger keeps beside it. */
export function CaseActions(props: { api: ApiClient; record: CaseRecord; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const id = encodeURIComponent(props.record.caseId);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(undefined);
    try {
      const { etag } = await props.api.getWithEtag(`/v1/cases/${id}`);
      await props.api.post(`/v1/cases/${id}/retraction`, { reason }, etag ?? undefined);
      setOpen(false);
      props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Retract…
      </button>
    );
  return (
    <form onSubmit={(e) => void submit(e)} className="inline">
      <label>
        Reason for retracting {props.record.caseId}
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button type="submit">Retract</button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ProblemMessage error={error} />
    </form>
  );
}

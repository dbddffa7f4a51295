import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { download } from '../ui/download';
import { ProblemMessage } from '../ui/ProblemMessage';

/** GET /v1/trainees/{id}/subject-access (inr-ledger-subject-access/v1), the parts shown here. */
interface SubjectAccess {
  subjectId: string;
  generatedAt: string;
  personalData: 'held' | 'erased' | 'none-or-unavailable';
  erasure: { erasedOn?: string; reason?: string; recordedAt?: string } | null;
  events: { eventId: string; type: string; position: number; recordedAt: string }[];
}

/**
 * The data-protection officer's page: a person's subject access (everything the ledger holds
 * about them, decrypted; downloadable as the API's JSON) and their erasure, with the reason the
 * API requires. The API applies the same rules as to any caller (the `data-protection` role).
 */
export default function PrivacyPage(props: { api: ApiClient }) {
  const { api } = props;
  const [subject, setSubject] = useState('');
  const [access, setAccess] = useState<{ text: string; body: SubjectAccess }>();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [erased, setErased] = useState<string>();
  const [error, setError] = useState<unknown>();
  const id = encodeURIComponent(subject.trim());

  const load = async (): Promise<void> => {
    const text = await api.text(`/v1/trainees/${id}/subject-access`);
    setAccess({ text, body: JSON.parse(text) as SubjectAccess });
  };
  const run = async (e: FormEvent, action: () => Promise<void>): Promise<void> => {
    e.preventDefault();
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
    }
  };
  const erase = async (): Promise<void> => {
    await api.post(`/v1/subjects/${id}/erasures`, { reason });
    setErased(subject.trim());
    setConfirmed(false);
    await load();
  };

  return (
    <>
      <h1>Personal data</h1>
      <form className="card form" aria-labelledby="sar-title" onSubmit={(e) => void run(e, load)}>
        <h2 id="sar-title">Subject access</h2>
        <label>
          Person (pseudonymous id)
          <input value={subject} onChange={(e) => setSubject(e.target.value)} required />
        </label>
        <button type="submit">Show what the ledger holds</button>
      </form>
      <ProblemMessage error={error} />
      {erased && (
        <p role="status" className="success">
          The personal data of {erased} is erased.
        </p>
      )}
      {access && (
        <section className="card" aria-labelledby="held-title">
          <h2 id="held-title">
            {access.body.subjectId}: {access.body.events.length} events, personal data{' '}
            {access.body.personalData}
          </h2>
          {access.body.erasure && (
            <p>
              Erased on {access.body.erasure.erasedOn}: {access.body.erasure.reason}
            </p>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              download(
                `subject-access-${access.body.subjectId}.json`,
                access.text,
                'application/json',
              )
            }
          >
            Download subject access (JSON)
          </button>
          <table>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Event</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {access.body.events.map((e) => (
                <tr key={e.eventId}>
                  <td>{e.position}</td>
                  <td>{e.type}</td>
                  <td>{e.recordedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <form
        className="card form"
        aria-labelledby="erase-title"
        onSubmit={(e) => void run(e, erase)}
      >
        <h2 id="erase-title">Erase a person&apos;s personal data</h2>
        <p>
          Destroys the person&apos;s data key: their notes, comments and reasons read as [erased]
          everywhere; every proof and decision stands. It cannot be undone.
        </p>
        <label>
          Reason for the erasure
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
        <fieldset>
          <legend>Confirmation</legend>
          <label>
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            I have checked the person and the lawful basis; erase {subject.trim() || 'them'}
          </label>
        </fieldset>
        <button type="submit" disabled={!confirmed || !subject.trim()}>
          Erase
        </button>
      </form>
    </>
  );
}

import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { download } from '../ui/download';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';

/**
 * Where a credential decision came from: its provenance (the events it stood on), the replay
 * under the pathway version it used and under the latest, with what differs, and the bundle
 * anyone can verify offline (or on the Verify page).
 */
export default function AccreditationPage(props: { api: ApiClient }) {
  const params = new URLSearchParams(location.search);
  const [decision, setDecision] = useState(params.get('decision') ?? '');
  const id = encodeURIComponent(decision);
  const load = (path: string) => () =>
    decision ? props.api.get<Record<string, unknown>>(path) : Promise.resolve(undefined);
  const provenance = useLoad(load(`/v1/decisions/${id}/provenance`), `p${decision}`);
  const replay = useLoad(load(`/v1/decisions/${id}/replay?under=latest`), `r${decision}`);
  const [bundleError, setBundleError] = useState<unknown>();
  const getBundle = async (): Promise<void> => {
    setBundleError(undefined);
    try {
      download(
        `bundle-${decision}.json`,
        await props.api.text(`/v1/decisions/${id}/bundle`),
        'application/json',
      );
    } catch (e) {
      setBundleError(e);
    }
  };
  const p = provenance.data;
  const r = replay.data;
  return (
    <>
      <h1>Decision provenance</h1>
      <form className="inline" onSubmit={(e) => e.preventDefault()} aria-label="Decision">
        <label>
          Decision id
          <input value={decision} onChange={(e) => setDecision(e.target.value)} />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!decision}
          onClick={() => void getBundle()}
        >
          Download the provenance bundle
        </button>
      </form>
      <ProblemMessage error={provenance.error ?? bundleError} />
      {p && (
        <section className="card" aria-labelledby="provenance-title">
          <h2 id="provenance-title">Provenance</h2>
          <Summary value={p} />
        </section>
      )}
      <ProblemMessage error={replay.error} />
      {r && (
        <section className="card" aria-labelledby="replay-title">
          <h2 id="replay-title">
            Replay under the latest pathway{' '}
            <span className={r['identical'] ? 'badge ok' : 'badge bad'}>
              {r['identical'] ? 'the same answer' : 'a different answer'}
            </span>
          </h2>
          <ReplayDiff diff={r['diff']} />
          <Summary value={r} />
        </section>
      )}
    </>
  );
}

/** Top-level facts as a list; nested documents (events, diffs) folded away but readable. */
function Summary(props: { value: Record<string, unknown> }) {
  return (
    <dl className="details">
      {Object.entries(props.value).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            {v !== null && typeof v === 'object' ? (
              <details>
                <summary>{Array.isArray(v) ? `${v.length} items` : 'details'}</summary>
                <pre className="json">{JSON.stringify(v, null, 2)}</pre>
              </details>
            ) : (
              String(v)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface FieldChange {
  field: string;
  recorded: unknown;
  replayed: unknown;
}

/** What the replay changed, requirement by requirement, recorded beside replayed. */
function ReplayDiff(props: { diff: unknown }) {
  const diff = props.diff as
    { requirements?: { id: string; change: string; fields?: FieldChange[] }[] } | undefined;
  const changed = (diff?.requirements ?? []).filter((r) => r.change !== 'unchanged');
  if (changed.length === 0) return <p>Every requirement evaluates as recorded.</p>;
  return (
    <table>
      <caption className="visually-hidden">Requirements whose evaluation changed</caption>
      <thead>
        <tr>
          <th scope="col">Requirement</th>
          <th scope="col">Change</th>
          <th scope="col">Recorded → replayed</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.id}</th>
            <td>{r.change}</td>
            <td>
              {(r.fields ?? [])
                .map((f) => `${f.field}: ${String(f.recorded)} → ${String(f.replayed)}`)
                .join('; ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

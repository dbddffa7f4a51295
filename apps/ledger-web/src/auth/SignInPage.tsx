import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../vocabulary';
import { ApiClient } from '../api/client';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';
import { beginOidcSignIn } from './oidc';
import { DEFAULT_SUBJECT, ROLE_LABEL } from './roles';
import { sessionFromToken, type Session } from './session';

interface KnownPerson {
  id: string;
  institutionIds: string[];
}

type Options =
  | {
      mode: 'development';
      people: { institutions: string[]; trainees: KnownPerson[]; supervisors: KnownPerson[] };
    }
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string }
  | { mode: 'external' };

/** Sign-in: the identity provider in production, a chosen person of the ledger in development. */
export function SignInPage(props: { onSignedIn: (s: Session) => void }) {
  const options = useLoad(() => new ApiClient(undefined).get<Options>('/v1/sign-in'), 'sign-in');
  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">Sign in</h1>
      {options.loading && <p>Loading…</p>}
      <ProblemMessage error={options.error} />
      {options.data?.mode === 'development' && (
        <DevelopmentSignIn people={options.data.people} onSignedIn={props.onSignedIn} />
      )}
      {options.data?.mode === 'oidc' && <OidcSignIn {...options.data} />}
      {options.data?.mode === 'external' && (
        <p>
          This service takes tokens from your organisation&apos;s identity provider, and no OpenID
          Connect client is configured for the web app (LEDGER_OIDC_ISSUER, LEDGER_OIDC_CLIENT_ID).
        </p>
      )}
    </section>
  );
}

function OidcSignIn(props: { issuer: string; clientId: string; scope: string }) {
  const [error, setError] = useState<unknown>();
  return (
    <>
      <p>You sign in with your organisation&apos;s account at {new URL(props.issuer).host}.</p>
      <button type="button" onClick={() => beginOidcSignIn(props).catch(setError)}>
        Continue to sign in
      </button>
      <ProblemMessage error={error} />
    </>
  );
}

function DevelopmentSignIn(props: {
  people: { institutions: string[]; trainees: KnownPerson[]; supervisors: KnownPerson[] };
  onSignedIn: (s: Session) => void;
}) {
  const { people } = props;
  const [role, setRole] = useState<Role>('trainee');
  const listed =
    role === 'trainee' ? people.trainees : role === 'supervisor' ? people.supervisors : undefined;
  const [subject, setSubject] = useState(people.trainees[0]?.id ?? '');
  const [institution, setInstitution] = useState(
    people.trainees[0]?.institutionIds[0] ?? people.institutions[0] ?? '',
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const institutionsOf = (id: string): string[] =>
    listed?.find((p) => p.id === id)?.institutionIds ?? people.institutions;

  const chooseRole = (next: Role): void => {
    setRole(next);
    const list =
      next === 'trainee' ? people.trainees : next === 'supervisor' ? people.supervisors : undefined;
    const first = list?.[0];
    setSubject(first?.id ?? DEFAULT_SUBJECT[next] ?? '');
    setInstitution(first?.institutionIds[0] ?? people.institutions[0] ?? '');
  };
  const choosePerson = (id: string): void => {
    setSubject(id);
    setInstitution(institutionsOf(id)[0] ?? '');
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { body } = await new ApiClient(undefined).post<{ token: string }>(
        '/v1/sign-in/development-token',
        { role, sub: subject, institution },
      );
      const session = sessionFromToken(body.token);
      if (!session) throw new Error('the service answered with a token that names no one');
      props.onSignedIn(session);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="form">
      <p className="notice">
        Development sign-in: this service runs with its development key, so you may act as anyone in
        its ledger. A production service signs people in through their identity provider.
      </p>
      <label>
        Role
        <select value={role} onChange={(e) => chooseRole(e.target.value as Role)} name="role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      {listed ? (
        <label>
          Person
          <select value={subject} onChange={(e) => choosePerson(e.target.value)} name="person">
            {listed.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({p.institutionIds.join(', ')})
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          Your id
          <input
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            name="person"
            required
          />
        </label>
      )}
      <label>
        Institution
        <select
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
          name="institution"
        >
          {institutionsOf(subject).map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || subject === ''}>
        Sign in as {ROLE_LABEL[role].toLowerCase()}
      </button>
      <ProblemMessage error={error} />
    </form>
  );
}

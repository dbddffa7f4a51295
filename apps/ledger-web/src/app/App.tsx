import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/client';
import { CALLBACK_PATH, completeOidcSignIn } from '../auth/oidc';
import { HOME, ROLE_LABEL } from '../auth/roles';
import { loadSession, saveSession, type Session } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { Link } from '../ui/Link';
import { ProblemMessage } from '../ui/ProblemMessage';
import { navigate, usePath } from './router';
import { TraineePage } from '../trainee/TraineePage';

// Views other than the trainee's load on demand: most people only ever open their own.
const SupervisorPage = lazy(() => import('../supervisor/SupervisorPage'));
const VerifierPage = lazy(() => import('../verifier/VerifierPage'));
const PanelPage = lazy(() => import('../panel/PanelPage'));
const AuditPage = lazy(() => import('../audit/AuditPage'));
const AccreditationPage = lazy(() => import('../accreditation/AccreditationPage'));
const PrivacyPage = lazy(() => import('../privacy/PrivacyPage'));

interface View {
  path: string;
  title: string;
  /** Roles that see it in the menu (the API decides what they may actually read). */
  roles: Session['role'][] | 'anyone';
  render: (api: ApiClient, session: Session) => ReactNode;
}

const VIEWS: View[] = [
  {
    path: '/trainee',
    title: 'My progress',
    roles: ['trainee'],
    render: (api, s) => <TraineePage api={api} session={s} />,
  },
  {
    path: '/supervisor',
    title: 'Sign-off queue',
    roles: ['supervisor', 'medical-director'],
    render: (api, s) => <SupervisorPage api={api} session={s} />,
  },
  {
    path: '/panel',
    title: 'Applications',
    roles: ['panel'],
    render: (api, s) => <PanelPage api={api} session={s} />,
  },
  {
    path: '/audit',
    title: 'Trust audit',
    roles: ['trust-auditor', 'medical-director', 'admin', 'regulator', 'accreditor', 'panel'],
    render: (api, s) => <AuditPage api={api} session={s} />,
  },
  {
    path: '/accreditation',
    title: 'Provenance',
    roles: ['accreditor', 'regulator', 'panel', 'admin'],
    render: (api) => <AccreditationPage api={api} />,
  },
  {
    path: '/privacy',
    title: 'Personal data',
    roles: ['data-protection'],
    render: (api) => <PrivacyPage api={api} />,
  },
];

export function App() {
  const path = usePath();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [callbackError, setCallbackError] = useState<unknown>();

  const signIn = (s: Session): void => {
    saveSession(s);
    setSession(s);
    navigate(HOME[s.role]);
  };
  const signOut = (): void => {
    saveSession(undefined);
    setSession(undefined);
    navigate('/');
  };

  useEffect(() => {
    if (path === CALLBACK_PATH) completeOidcSignIn(location.search).then(signIn, setCallbackError);
  }, [path]);

  const api = new ApiClient(session?.token);
  const view = VIEWS.find((v) => v.path === path);
  const menu = session
    ? VIEWS.filter((v) => v.roles === 'anyone' || v.roles.includes(session.role))
    : [];

  let main: ReactNode;
  if (path === '/verify') main = <VerifierPage />;
  else if (path === CALLBACK_PATH)
    main = callbackError ? <ProblemMessage error={callbackError} /> : <p>Signing in…</p>;
  else if (!session) main = <SignInPage onSignedIn={signIn} />;
  else if (view) main = view.render(api, session);
  else {
    main = <Redirect to={HOME[session.role]} />;
  }

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="bar">
        <span className="brand">inr-ledger</span>
        <nav aria-label="Main">
          <ul>
            {menu.map((v) => (
              <li key={v.path}>
                <Link to={v.path} current={v.path === path}>
                  {v.title}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/verify" current={path === '/verify'}>
                Verify a bundle
              </Link>
            </li>
          </ul>
        </nav>
        {session && (
          <div className="who">
            <span>
              {ROLE_LABEL[session.role]} <strong>{session.subject}</strong> ·{' '}
              {session.institutionId}
            </span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p>Loading…</p>}>{main}</Suspense>
      </main>
    </>
  );
}

function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to), [props.to]);
  return null;
}

import type { Role } from '../vocabulary';

/** Who is signed in, as their bearer token says (the API verifies it on every call). */
export interface Session {
  token: string;
  role: Role;
  subject: string;
  institutionId: string;
  expiresAt: number;
}

const KEY = 'inr-ledger.session';

/** The token's claims, read without verifying: the API is the one that checks it. */
export function sessionFromToken(token: string): Session | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    const { sub, role, institution, exp } = claims;
    if (typeof sub !== 'string' || typeof role !== 'string' || typeof institution !== 'string')
      return undefined;
    return {
      token,
      role: role as Role,
      subject: sub,
      institutionId: institution,
      expiresAt: typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY,
    };
  } catch {
    return undefined;
  }
}

/** Kept for this tab only: closing it signs out. */
export function loadSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  const session = token ? sessionFromToken(token) : undefined;
  return session && session.expiresAt > Date.now() ? session : undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
}

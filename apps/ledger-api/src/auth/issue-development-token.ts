import { SignJWT } from 'jose';
import { ROLES, type Role } from '@inr/domain';
import { DEV_AUDIENCE, DEV_ISSUER } from '../config/identity-config';
import { loadOrCreateDevelopmentKey } from './development-key';

export interface DevelopmentTokenRequest {
  role: Role;
  sub: string;
  institution: string;
  /** A jose time span ("1h", "30d") or seconds; default 12 hours. */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
  /** The body whose pathways the holder publishes (the `issuer` claim), e.g. "rcr". */
  publishesFor?: string;
}

/** Mints a token signed with the local development key (the CLI's `inr-ledger token`). */
export async function issueDevelopmentToken(
  request: DevelopmentTokenRequest,
  dataDir: string,
): Promise<string> {
  if (!ROLES.includes(request.role))
    throw new Error(`unknown role '${request.role}'; one of ${ROLES.join(', ')}`);
  const { privateKey } = loadOrCreateDevelopmentKey(dataDir);
  const expiresIn = request.expiresIn ?? '12h';
  return new SignJWT({
    role: request.role,
    institution: request.institution,
    ...(request.publishesFor !== undefined && { issuer: request.publishesFor }),
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(
      typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn,
    )
    .sign(privateKey);
}

/**
 * The HTTPS origin a `did:web` names (did:web method §3.2.1: `%3A` is a port's colon). Only
 * the host form is accepted (`did:web:trust.example`), whose document is at
 * `/.well-known/did.json`: the ledger serves that one path.
 */
export function didWebOrigin(did: string): string {
  const match = /^did:web:([a-z0-9.-]+(?:%3[aA]\d{1,5})?)$/.exec(did);
  if (!match) throw new Error(`not a did:web host identifier (did:web:host[%3Aport]): ${did}`);
  return `https://${match[1]!.replace(/%3[aA]/, ':')}`;
}

/** The verification method id of a key under the issuer: `<did>#<publicKeyMultibase>`. */
export const verificationMethodId = (issuerId: string, multibase: string): string =>
  `${issuerId}#${multibase}`;

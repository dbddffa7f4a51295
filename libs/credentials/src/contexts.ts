import credentialsV2 from './contexts/credentials-v2.json';
import dataIntegrityV2 from './contexts/data-integrity-v2.json';
import didV1 from './contexts/did-v1.json';
import multikeyV1 from './contexts/multikey-v1.json';
import openBadgesV3 from './contexts/open-badges-v3p0-3.0.3.json';

/** The context URLs this ledger's credentials and documents use. */
export const CONTEXT = {
  credentialsV2: 'https://www.w3.org/ns/credentials/v2',
  openBadgesV3: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  dataIntegrityV2: 'https://w3id.org/security/data-integrity/v2',
  multikeyV1: 'https://w3id.org/security/multikey/v1',
  didV1: 'https://www.w3.org/ns/did/v1',
} as const;

/**
 * Every JSON-LD context, bundled: copies of the published context documents, so that signing
 * and verifying never depend on (or reveal anything to) the hosts that publish them.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  [CONTEXT.credentialsV2, credentialsV2],
  [CONTEXT.openBadgesV3, openBadgesV3],
  [CONTEXT.dataIntegrityV2, dataIntegrityV2],
  [CONTEXT.multikeyV1, multikeyV1],
  [CONTEXT.didV1, didV1],
]);

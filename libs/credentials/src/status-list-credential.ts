import { encodeBitstring } from './bitstring';
import { CONTEXT } from './contexts';
import type { JsonLdDocument } from './data-integrity';
import type { Issuer } from './open-badge-credential';
import { statusListUrl, type StatusPurpose } from './status-purpose';
import { LIST_LENGTH } from './bitstring';

/**
 * The unsigned BitstringStatusListCredential of list `list` for `purpose`: the bits of the
 * credentials whose status is set (revoked, or suspended now), valid from the last change.
 */
export function statusListCredential(
  issuer: Issuer,
  purpose: StatusPurpose,
  list: number,
  setIndexes: readonly number[],
  validFrom: string,
): JsonLdDocument {
  const id = statusListUrl(issuer.origin, purpose, list * LIST_LENGTH);
  const first = list * LIST_LENGTH;
  return {
    '@context': [CONTEXT.credentialsV2],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.id,
    validFrom,
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      encodedList: encodeBitstring(
        setIndexes.filter((i) => i >= first && i < first + LIST_LENGTH).map((i) => i - first),
      ),
    },
  };
}

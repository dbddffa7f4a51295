import { BUNDLED_CONTEXTS } from './contexts';

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Thrown for any URL that is not bundled: the loader never goes to the network. */
export class DocumentNotBundledError extends Error {
  constructor(readonly url: string) {
    super(`refusing to load '${url}': only bundled JSON-LD contexts are used, nothing is fetched`);
  }
}

/**
 * A JSON-LD document loader that answers from the bundled contexts (and `extra`, e.g. an
 * issuer's DID document the caller already holds) and refuses everything else.
 */
export function offlineDocumentLoader(
  extra: ReadonlyMap<string, object> = new Map(),
): DocumentLoader {
  return (url: string) => {
    const document = BUNDLED_CONTEXTS.get(url) ?? extra.get(url);
    if (document === undefined) return Promise.reject(new DocumentNotBundledError(url));
    return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
}

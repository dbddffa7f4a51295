import jsonld from 'jsonld';
import type { DocumentLoader } from './document-loader';

type Canonize = (
  input: object,
  options: {
    algorithm: 'RDFC-1.0';
    format: 'application/n-quads';
    safe: boolean;
    documentLoader: DocumentLoader;
  },
) => Promise<string>;

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document as N-Quads. Safe mode: a term
 * no context defines, or a relative IRI, is an error instead of being dropped silently (a
 * dropped term would be left unsigned).
 */
export function canonicalize(document: object, documentLoader: DocumentLoader): Promise<string> {
  return (jsonld.canonize as unknown as Canonize)(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    documentLoader,
  });
}

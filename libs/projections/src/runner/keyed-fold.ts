import type { LedgerEvent } from '../events/ledger-event';

/**
 * The one pure fold of a read model: documents keyed by id, each evolved by the events that
 * name it. The SQLite projection stores the documents; time-travel queries fold the same way
 * in memory over the events before `asOf`.
 */
export interface KeyedFold<D> {
  /** The document an event changes, or undefined when the event does not concern this read model. */
  keyOf(event: LedgerEvent): string | undefined;
  /** The document after the event; undefined deletes it. */
  evolve(doc: D | undefined, event: LedgerEvent): D | undefined;
}

export function foldDocuments<D>(
  fold: KeyedFold<D>,
  events: Iterable<LedgerEvent>,
): Map<string, D> {
  const docs = new Map<string, D>();
  for (const event of events) {
    const key = fold.keyOf(event);
    if (key === undefined) continue;
    const next = fold.evolve(docs.get(key), event);
    if (next === undefined) docs.delete(key);
    else docs.set(key, next);
  }
  return docs;
}

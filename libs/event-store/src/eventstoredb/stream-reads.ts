/** One event the caller wants, located in its stream. */
export interface LocatedEvent {
  streamId: string;
  revision: number;
}

/** A forward stream read covering some wanted events (and the few unwanted ones between them). */
export interface StreamRead {
  streamId: string;
  fromRevision: number;
  count: number;
}

/**
 * Plans the stream reads that fetch the wanted events: per stream, one read per run of wanted
 * revisions whose gaps are at most `maxGap`. ESDB has no multi-get; reading a few unwanted events
 * in a gap is cheaper than another round trip, reading a long gap is not.
 */
export function planStreamReads(events: readonly LocatedEvent[], maxGap = 32): StreamRead[] {
  const byStream = new Map<string, number[]>();
  for (const { streamId, revision } of events) {
    const list = byStream.get(streamId);
    if (list) list.push(revision);
    else byStream.set(streamId, [revision]);
  }
  const reads: StreamRead[] = [];
  for (const [streamId, revisions] of byStream) {
    revisions.sort((a, b) => a - b);
    let first = revisions[0]!;
    let last = first;
    for (const revision of revisions.slice(1)) {
      if (revision - last > maxGap) {
        reads.push({ streamId, fromRevision: first, count: last - first + 1 });
        first = revision;
      }
      last = revision;
    }
    reads.push({ streamId, fromRevision: first, count: last - first + 1 });
  }
  return reads;
}

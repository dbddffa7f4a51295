import { canonicalJson, fastJson, withFallback } from './canonical-json';

/** The fields of a recorded event that a leaf commits to (structurally a RecordedEvent). */
export interface LeafSource {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  recordedAt: string;
  data: unknown;
  metadata: unknown;
}

/** The canonical leaf JSON: RFC 8785 of exactly these seven members. */
export function leafJson(event: LeafSource): string {
  // The members' order is fixed, so the audit's hot path writes them in their sorted order
  // with constant keys; any member the fast writer doubts goes through canonicalJson whole.
  return withFallback(
    () =>
      `{"data":${fastJson(event.data)},"eventId":${fastJson(event.id)},` +
      `"metadata":${fastJson(event.metadata)},"recordedAt":${fastJson(event.recordedAt)},` +
      `"revision":${fastJson(event.revision)},"streamId":${fastJson(event.streamId)},` +
      `"type":${fastJson(event.type)}}`,
    () => canonicalJson(leafObject(event)),
  );
}

const leafObject = (event: LeafSource): Record<string, unknown> => ({
  streamId: event.streamId,
  revision: event.revision,
  eventId: event.id,
  type: event.type,
  recordedAt: event.recordedAt,
  data: event.data,
  metadata: event.metadata,
});

/** The leaf bytes the Merkle tree hashes: UTF-8 of the canonical leaf JSON. */
export function encodeLeaf(event: LeafSource): Uint8Array {
  return new Uint8Array(Buffer.from(leafJson(event), 'utf8'));
}

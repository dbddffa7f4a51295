import { canonicalJson } from './canonical-json';

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
  return canonicalJson({
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: event.metadata,
  });
}

/** The leaf bytes the Merkle tree hashes: UTF-8 of the canonical leaf JSON. */
export function encodeLeaf(event: LeafSource): Uint8Array {
  return new Uint8Array(Buffer.from(leafJson(event), 'utf8'));
}

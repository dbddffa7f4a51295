import { canonicalJson, fastJson, withFallback } from './canonical-json';
import { canonicalJsonText, needsNoEscape } from './canonical-text';

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

/** An event as a store keeps it: `data` and `metadata` as JSON text, the rest as read. */
export interface StoredLeafSource {
  streamId: unknown;
  revision: unknown;
  id: unknown;
  type: unknown;
  recordedAt: unknown;
  dataText: unknown;
  metadataText: unknown;
}

/**
 * The leaf JSON built from stored text without parsing it: exactly what leafJson gives for the
 * parsed event. The members' canonical texts come from canonicalJsonText (re-ordering members
 * as text where needed), in the members' sorted order. Undefined when that cannot be told
 * cheaply (an odd value or text): the caller then parses and uses leafJson.
 */
export function leafJsonFromText(e: StoredLeafSource): string | undefined {
  const { streamId, revision, id, type, recordedAt, dataText, metadataText } = e;
  if (typeof revision !== 'number' || !Number.isFinite(revision)) return undefined;
  if (!isPlainString(streamId) || !isPlainString(id)) return undefined;
  if (!isPlainString(type) || !isPlainString(recordedAt)) return undefined;
  if (typeof dataText !== 'string' || typeof metadataText !== 'string') return undefined;
  const data = canonicalJsonText(dataText);
  const metadata = data === undefined ? undefined : canonicalJsonText(metadataText);
  if (metadata === undefined) return undefined;
  return (
    `{"data":${data},"eventId":"${id}","metadata":${metadata},` +
    `"recordedAt":"${recordedAt}","revision":${revision},"streamId":"${streamId}","type":"${type}"}`
  );
}

const isPlainString = (v: unknown): v is string => typeof v === 'string' && needsNoEscape(v);

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

export const LEAF_MEMBERS = [
  'data',
  'eventId',
  'metadata',
  'recordedAt',
  'revision',
  'streamId',
  'type',
] as const;

const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The seven-member leaf schema (docs/ledger-format.md §1): undefined when `leaf` (parsed)
 * conforms, else why not. No member may be missing and no other member present.
 */
export function leafSchemaError(leaf: unknown): string | undefined {
  if (!isObject(leaf)) return 'the leaf is not a JSON object';
  const extra = Object.keys(leaf).filter((k) => !(LEAF_MEMBERS as readonly string[]).includes(k));
  if (extra.length > 0) return `unknown leaf member '${extra[0]}'`;
  const missing = LEAF_MEMBERS.find((k) => !(k in leaf));
  if (missing !== undefined) return `leaf member '${missing}' is missing`;
  for (const k of ['streamId', 'eventId', 'type'] as const) {
    if (typeof leaf[k] !== 'string' || leaf[k] === '')
      return `leaf '${k}' is not a non-empty string`;
  }
  const revision = leaf['revision'];
  if (!Number.isSafeInteger(revision) || (revision as number) < 0)
    return "leaf 'revision' is not a non-negative integer";
  if (typeof leaf['recordedAt'] !== 'string' || !RECORDED_AT.test(leaf['recordedAt']))
    return "leaf 'recordedAt' is not YYYY-MM-DDThh:mm:ss.sssZ";
  if (!isObject(leaf['data'])) return "leaf 'data' is not a JSON object";
  if (!isObject(leaf['metadata'])) return "leaf 'metadata' is not a JSON object";
  return undefined;
}

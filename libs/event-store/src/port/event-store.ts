import type { Observable } from 'rxjs';

/** A JSON value as stored in an event's data or metadata. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * The state a stream must be in for an append to go through (EventStoreDB semantics):
 * 'any' skips the check, 'no_stream' requires that the stream has no events,
 * 'stream_exists' requires at least one, and a number is the exact revision of the last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event as the caller proposes it. The id is chosen by the client (a UUID) and makes retries idempotent. */
export interface EventData {
  id: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

/** An event as the store recorded it. */
export interface RecordedEvent {
  streamId: string;
  /** 0-based position within its stream. */
  revision: number;
  /** 0-based, gap-free position in the store's one global order ($all); equals the Merkle leaf index. */
  position: number;
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** Set by the store (ISO 8601, UTC, millisecond precision), non-decreasing in global order. */
  recordedAt: string;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event written (the stream's new ETag). */
  nextExpectedRevision: number;
  /** Global position of the first and last event of this append. */
  firstPosition: number;
  lastPosition: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start; default the first event (forwards) or the last (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Inclusive start position; default 0 (forwards) or the head (backwards). */
  fromPosition?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events with position >= fromPosition (default 0), then continue live. */
  fromPosition?: number;
}

/** The port every adapter implements (sqlite, eventstoredb); tests/contract checks them all alike. */
export interface EventStore {
  append(streamId: string, events: EventData[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as []. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The events at these global positions (any order, repeats allowed), in ascending position
   * order, each once; positions past the head are left out. One call instead of one read per
   * position: read models that index a key's positions fetch its events this way.
   */
  readPositions(positions: readonly number[]): Promise<RecordedEvent[]>;
  /** Catch-up then live, in global order, with no gap and no duplicate at the switch. */
  subscribeToAll(options?: SubscribeOptions): Observable<RecordedEvent>;
  /** Number of events in $all (the next position to be written). */
  count(): Promise<number>;
  close(): Promise<void>;
}

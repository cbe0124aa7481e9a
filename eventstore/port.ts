/**
 * The event store port: the only way the rest of the system touches the ledger.
 *
 * Three adapters implement it (PostgreSQL over `pg`, the same SQL over PGlite, and
 * EventStoreDB) and one contract suite (test/eventstore/contract.ts) holds them to it.
 */
import type { EventMetadata } from './metadata';

/**
 * Where an event sits in the global order. Opaque to callers, with one promise:
 * positions compare as strings in delivery order (`a < b` means `a` is delivered first),
 * so a read model may keep "the last position applied" and compare it.
 */
export type GlobalPosition = string & { readonly __brand: 'GlobalPosition' };

/** Before the first event: reading or subscribing from here delivers everything. */
export const START = '' as GlobalPosition;

/**
 * What the caller believes about the stream before appending.
 * A number is the exact revision of the stream's last event (revisions start at 0).
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent {
  readonly streamId: string;
  /** 0-based position of the event within its stream. */
  readonly streamRevision: number;
  readonly globalPosition: GlobalPosition;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** Hex SHA-256 of the previous event's hash and this event's canonical form. */
  readonly hash: string;
  /** ISO 8601 time at which the store recorded the event. */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written (or found, for an idempotent repeat). */
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events strictly after this position. Default START. */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
}

export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Stops the subscription; a pending iteration ends. */
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends events atomically to one stream.
   * @throws WrongExpectedVersion when the stream is not at `expected`.
   * @throws InvalidEvent when an event's data fails its schema (nothing is written).
   * Appending events whose ids are already stored in this stream returns the
   * original result and writes nothing.
   */
  appendToStream(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult>;

  /** Events of one stream in revision order; an absent stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * Events of all streams in global order, strictly after `options.after`.
   * Never returns an event before one that may still commit with a lower position.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up from `after`, then live, in global order; each event exactly once. */
  subscribeToAll(after?: GlobalPosition): Subscription;

  close(): Promise<void>;
}

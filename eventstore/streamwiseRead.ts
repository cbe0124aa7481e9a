import type { EventStore, GlobalPosition, RecordedEvent } from './port';

export interface StreamsBegunOptions {
  /** Streams whose first event lies among the `span` events in global order after this position... */
  readonly after: GlobalPosition;
  readonly span: number;
  /** ...and at or before this one, which also bounds the events returned (a gap-safe head). */
  readonly through: GlobalPosition;
}

export interface StreamsBegun {
  /** Each of those streams' events up to `through`, stream after stream (in the order they began), each in revision order. */
  readonly records: readonly RecordedEvent[];
  /** The last of the events searched for first events; undefined when there was none after `after`. */
  readonly searchedThrough: GlobalPosition | undefined;
}

/**
 * A second way to read the ledger, for a rebuild of a read model no reader sees yet: stream
 * by stream instead of in global order. Each complaint is then folded in one go and its
 * documents written once, not once per batch its events fall in. Only ledgers that can find
 * a stream's events by its first event cheaply offer it (PostgreSQL and PGlite).
 */
export interface StreamwiseRead {
  /**
   * A position at or before which every event is committed and readable: no event can still
   * commit there. START when the ledger is empty.
   */
  gapSafeHead(): Promise<GlobalPosition>;
  readStreamsBegun(options: StreamsBegunOptions): Promise<StreamsBegun>;
}

export const offersStreamwiseRead = (events: EventStore): events is EventStore & StreamwiseRead =>
  typeof (events as Partial<StreamwiseRead>).gapSafeHead === 'function' && typeof (events as Partial<StreamwiseRead>).readStreamsBegun === 'function';

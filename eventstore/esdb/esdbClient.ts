import type { AllStreamResolvedEvent, AppendExpectedRevision, AppendResult, Direction, EventData, Filter, ReadPosition, ResolvedEvent } from '@eventstore/db-client';
import type { DroppableSource } from './resubscribingSubscription';

/**
 * The part of `EventStoreDBClient` (6.2.1) the adapter uses, narrowed to what it passes
 * and reads. The real client satisfies it as is; tests can stand in for it without a server.
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: EventData[], options: { expectedRevision: AppendExpectedRevision }): Promise<AppendResult>;
  /** Fails during iteration with StreamNotFoundError for a stream never written. */
  readStream(streamName: string, options: { direction: Direction; fromRevision: bigint; maxCount?: number; requiresLeader?: boolean }): AsyncIterable<ResolvedEvent>;
  /** Starts at `fromPosition` inclusive. */
  readAll(options: { direction: Direction; fromPosition: ReadPosition; maxCount: number }): AsyncIterable<AllStreamResolvedEvent>;
  /** Catch-up then live, starting after `fromPosition`. */
  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): DroppableSource<AllStreamResolvedEvent>;
  dispose(): Promise<void>;
}

import type { EventStore } from '../../eventstore/port';
import type { ReadModelStore } from '../store/readModelStore';

export interface ProjectionLag {
  readonly projection: string;
  /** undefined until a generation is live. */
  readonly generation: number | undefined;
  /** Ledger events after the live checkpoint, counted up to `cap`. */
  readonly eventsBehind: number;
  /** True when there are at least `cap` (the count stopped there). */
  readonly eventsBehindCapped: boolean;
  /** Age of the oldest event not yet applied; 0 when at the head. */
  readonly secondsBehind: number;
  readonly poisonedEvents: number;
}

/**
 * How far a projection's live generation trails the ledger, for /readyz and /metrics.
 * The EventStore port has no "count after" yet, so events are counted by reading up to
 * `cap` of them (see the projections notes for the port method that would replace this).
 */
export async function projectionLag(
  events: EventStore,
  store: ReadModelStore,
  projection: string,
  options: { readonly now?: Date; readonly cap?: number } = {},
): Promise<ProjectionLag> {
  const cap = options.cap ?? 1000;
  const live = (await store.generations(projection)).find((g) => g.state === 'live');
  const behind = await events.readAll({ after: live?.checkpoint, maxCount: cap });
  const oldest = behind[0];
  const now = (options.now ?? new Date()).getTime();
  return {
    projection,
    generation: live?.generation,
    eventsBehind: behind.length,
    eventsBehindCapped: behind.length >= cap,
    secondsBehind: oldest ? Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000) : 0,
    poisonedEvents: live ? (await store.poisonRecords(live)).length : 0,
  };
}

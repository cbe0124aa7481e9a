import { NO_STREAM, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import type { ExpectedRevision } from '../port';

/** Where a stream stands: the revision of its last event, or no event at all. */
export type StreamRevisionState = number | 'no_stream';

/** The client speaks bigint; our port speaks number. Refuses what a number cannot hold exactly. */
export function revisionFromClient(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`EventStoreDB revision out of range: ${revision}`);
  return Number(revision);
}

export function currentRevisionFromClient(current: CurrentRevision): StreamRevisionState {
  return current === NO_STREAM ? 'no_stream' : revisionFromClient(current);
}

/** Whether the caller's expectation holds for a stream standing at `actual`. */
export function expectationHolds(expected: ExpectedRevision, actual: StreamRevisionState): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

/**
 * The adapter always appends at the exact state it read (the hash chain was computed
 * from that state's head), so EventStoreDB refuses the write if anyone got in between.
 */
export function appendRevisionFor(actual: StreamRevisionState): AppendExpectedRevision {
  return actual === 'no_stream' ? NO_STREAM : BigInt(actual);
}

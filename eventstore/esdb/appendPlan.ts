import { IdempotencyConflict, WrongExpectedVersion } from '../errors';
import { GENESIS_HASH } from '../hashChain';
import type { AppendResult, ExpectedRevision, RecordedEvent } from '../port';
import { expectationHolds, type StreamRevisionState } from './esdbRevision';

export type AppendPlan =
  /** Every event id is already in the stream: answer as the first append did, write nothing. */
  | { readonly kind: 'already_stored'; readonly result: AppendResult }
  /** Write at exactly this state, chaining from its head hash. */
  | { readonly kind: 'append'; readonly at: StreamRevisionState; readonly previousHash: string };

/**
 * Decides an append from the stream as read (in revision order). EventStoreDB only
 * recognises a repeated append at the same expected revision, and never refuses an
 * event id seen earlier in the stream, so both checks happen here, before the
 * expectation: a retried append must succeed even though the stream has moved on.
 */
export function planAppend(streamId: string, stream: readonly RecordedEvent[], expected: ExpectedRevision, eventIds: readonly string[]): AppendPlan {
  const storedById = new Map(stream.map((event) => [event.metadata.eventId, event]));
  const stored = eventIds.flatMap((id) => storedById.get(id) ?? []);
  if (stored.length === eventIds.length) {
    const last = stored.reduce((a, b) => (b.streamRevision > a.streamRevision ? b : a));
    return { kind: 'already_stored', result: { nextExpectedRevision: last.streamRevision, position: last.globalPosition } };
  }
  if (stored.length > 0) throw new IdempotencyConflict(streamId, stored.map((event) => event.metadata.eventId));
  const head = stream.at(-1);
  const actual: StreamRevisionState = head ? head.streamRevision : 'no_stream';
  if (!expectationHolds(expected, actual)) throw new WrongExpectedVersion(streamId, expected, actual);
  return { kind: 'append', at: actual, previousHash: head ? head.hash : GENESIS_HASH };
}

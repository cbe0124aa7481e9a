import { IdempotencyConflict, WrongExpectedVersion } from '../../../eventstore/errors';
import { planAppend } from '../../../eventstore/esdb/appendPlan';
import { encodeEsdbPosition } from '../../../eventstore/esdb/esdbPosition';
import { GENESIS_HASH } from '../../../eventstore/hashChain';
import type { ExpectedRevision, RecordedEvent } from '../../../eventstore/port';
import { counterIncremented } from '../testEvents';

function storedStream(length: number): RecordedEvent[] {
  return Array.from({ length }, (_, revision) => {
    const event = counterIncremented(revision);
    return {
      ...event,
      streamId: 's',
      streamRevision: revision,
      globalPosition: encodeEsdbPosition({ commit: BigInt(100 * (revision + 1)), prepare: BigInt(100 * (revision + 1)) }),
      hash: String(revision).repeat(64).slice(0, 64),
      recordedAt: '2026-11-28T01:00:00.000Z',
    };
  });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const fresh = (): string => counterIncremented(0).metadata.eventId;

describe('planning an append on EventStoreDB', () => {
  test('a new stream chains from the genesis hash and is written as no_stream', () => {
    expect(planAppend('s', [], 'no_stream', [fresh()])).toEqual({ kind: 'append', at: 'no_stream', previousHash: GENESIS_HASH });
  });

  test('an existing stream chains from its head and is written at its exact revision, whatever the caller allowed', () => {
    const stream = storedStream(3);
    for (const expected of ['any', 'stream_exists', 2] as ExpectedRevision[]) {
      expect(planAppend('s', stream, expected, [fresh()])).toEqual({ kind: 'append', at: 2, previousHash: stream[2]!.hash });
    }
  });

  test.each<[ExpectedRevision, number, number | 'no_stream']>([
    ['no_stream', 1, 0],
    [1, 3, 2],
    [5, 3, 2],
    ['stream_exists', 0, 'no_stream'],
    [0, 0, 'no_stream'],
  ])('expected %p on a stream of %p events is refused with actual %p', (expected, length, actual) => {
    const error = thrown(() => planAppend('s', storedStream(length), expected, [fresh()]));
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect((error as WrongExpectedVersion).actual).toBe(actual);
  });

  test('a repeated batch answers as the first append did, even with a stale expectation', () => {
    const stream = storedStream(4);
    const batch = [stream[1]!.metadata.eventId, stream[2]!.metadata.eventId];
    expect(planAppend('s', stream, 'no_stream', batch)).toEqual({
      kind: 'already_stored',
      result: { nextExpectedRevision: 2, position: stream[2]!.globalPosition },
    });
  });

  test('a batch repeating only some stored ids is a conflict naming them', () => {
    const stream = storedStream(2);
    const error = thrown(() => planAppend('s', stream, 'any', [stream[0]!.metadata.eventId, fresh()]));
    expect(error).toBeInstanceOf(IdempotencyConflict);
    expect((error as IdempotencyConflict).eventIds).toEqual([stream[0]!.metadata.eventId]);
  });
});

import { IdempotencyConflict, InvalidEvent, WrongExpectedVersion } from '../../eventstore/errors';
import { verifyChain } from '../../eventstore/hashChain';
import { START, type EventStore, type GlobalPosition, type RecordedEvent } from '../../eventstore/port';
import { counterIncremented, uniqueStreamId } from './testEvents';

export interface ContractSubject {
  /** A store built with `testEventRegistry`. */
  readonly store: EventStore;
  /** Writers run truly in parallel (PGlite serialises everything: concurrency proves less there). */
  readonly concurrentWriters: number;
}

async function expectWrongVersion(promise: Promise<unknown>, actual: number | 'no_stream'): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  expect((error as WrongExpectedVersion).actual).toBe(actual);
}

/** Collects the events of one stream until `count` of them arrived (other streams may interleave). */
async function collectStream(iterable: AsyncIterable<RecordedEvent>, streamId: string, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  for await (const event of iterable) {
    if (event.streamId === streamId) received.push(event);
    if (received.length === count) break;
  }
  return received;
}

async function readAllAfter(store: EventStore, after: GlobalPosition): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let position = after;
  for (;;) {
    const batch = await store.readAll({ after: position, maxCount: 500 });
    if (batch.length === 0) return all;
    all.push(...batch);
    position = batch[batch.length - 1]!.globalPosition;
  }
}

/**
 * Events of the given streams after `after`, once `count` of them are readable: a gap-safe
 * reader holds back rows newer than any transaction still running anywhere on the cluster
 * (other test files' appends included), so they may show up a moment late, never out of order.
 */
async function readStreamsAfter(store: EventStore, after: GlobalPosition, streamIds: readonly string[], count: number): Promise<RecordedEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mine = (await readAllAfter(store, after)).filter((e) => streamIds.includes(e.streamId));
    if (mine.length >= count || Date.now() > deadline) return mine;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The behaviour every event store adapter must show; run by each adapter's test file. */
export function eventStoreContract(name: string, subject: () => ContractSubject): void {
  describe(`${name} honours the event store contract`, () => {
    let store: EventStore;
    beforeAll(() => {
      store = subject().store;
    });

    test('appends to a new stream and reads back data, metadata and revisions', async () => {
      const streamId = uniqueStreamId();
      const first = counterIncremented(1, { note: 'first' });
      const result = await store.appendToStream(streamId, 'no_stream', [first, counterIncremented(2)]);
      expect(result.nextExpectedRevision).toBe(1);
      const events = await store.readStream(streamId);
      expect(events.map((e) => [e.streamRevision, e.type, e.data])).toEqual([
        [0, 'CounterIncremented', { by: 1, note: 'first' }],
        [1, 'CounterIncremented', { by: 2 }],
      ]);
      expect(events[0]!.metadata).toEqual(first.metadata);
      expect(events[1]!.globalPosition).toBe(result.position);
      expect(events[0]!.globalPosition < events[1]!.globalPosition).toBe(true);
    });

    test('an absent stream reads as empty', async () => {
      expect(await store.readStream(uniqueStreamId())).toEqual([]);
    });

    test('no_stream on an existing stream is refused with the actual revision', async () => {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1)]);
      await expectWrongVersion(store.appendToStream(streamId, 'no_stream', [counterIncremented(2)]), 0);
    });

    test('an exact revision that is stale is refused with the actual revision', async () => {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1), counterIncremented(2), counterIncremented(3)]);
      await expectWrongVersion(store.appendToStream(streamId, 1, [counterIncremented(4)]), 2);
      const appended = await store.appendToStream(streamId, 2, [counterIncremented(4)]);
      expect(appended.nextExpectedRevision).toBe(3);
    });

    test('stream_exists on an absent stream is refused as no_stream; any appends anywhere', async () => {
      const streamId = uniqueStreamId();
      await expectWrongVersion(store.appendToStream(streamId, 'stream_exists', [counterIncremented(1)]), 'no_stream');
      expect((await store.appendToStream(streamId, 'any', [counterIncremented(1)])).nextExpectedRevision).toBe(0);
      expect((await store.appendToStream(streamId, 'any', [counterIncremented(1)])).nextExpectedRevision).toBe(1);
      expect((await store.appendToStream(streamId, 'stream_exists', [counterIncremented(1)])).nextExpectedRevision).toBe(2);
    });

    test('an exact revision no stream can have is refused before anything is stored', async () => {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1)]);
      for (const impossible of [-1, 0.5, Number.NaN]) {
        await expect(store.appendToStream(streamId, impossible, [counterIncremented(2)])).rejects.toBeInstanceOf(RangeError);
      }
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    test('appending the same event ids again stores them once and answers as the first time', async () => {
      const streamId = uniqueStreamId();
      const batch = [counterIncremented(1), counterIncremented(2)];
      const first = await store.appendToStream(streamId, 'no_stream', batch);
      const again = await store.appendToStream(streamId, 'no_stream', batch);
      expect(again).toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });

    test('a batch that repeats only some stored event ids is refused', async () => {
      const streamId = uniqueStreamId();
      const stored = counterIncremented(1);
      await store.appendToStream(streamId, 'no_stream', [stored]);
      await expect(store.appendToStream(streamId, 'any', [stored, counterIncremented(2)])).rejects.toBeInstanceOf(IdempotencyConflict);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    test('events whose data fail their schema are refused with the schema message before they reach the store', async () => {
      const streamId = uniqueStreamId();
      const bad = { ...counterIncremented(1), data: { by: 'one' } };
      const error = await store.appendToStream(streamId, 'any', [bad]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidEvent);
      expect((error as InvalidEvent).issues[0]).toMatchObject({ path: 'by' });
      expect((error as InvalidEvent).issues[0]!.message).toMatch(/number/i);
      const nul = counterIncremented(1, { note: 'a\u0000b' });
      await expect(store.appendToStream(streamId, 'any', [nul])).rejects.toBeInstanceOf(InvalidEvent);
      expect(await store.readStream(streamId)).toEqual([]);
    });

    test('reads a stream from a revision with a maximum count, in revision order', async () => {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', Array.from({ length: 10 }, (_, i) => counterIncremented(i)));
      const page = await store.readStream(streamId, { fromRevision: 3, maxCount: 4 });
      expect(page.map((e) => e.streamRevision)).toEqual([3, 4, 5, 6]);
    });

    test('reads all events in global order after a position', async () => {
      const head = (await readAllAfter(store, START)).at(-1)?.globalPosition ?? START;
      const a = uniqueStreamId();
      const b = uniqueStreamId();
      await store.appendToStream(a, 'no_stream', [counterIncremented(1)]);
      await store.appendToStream(b, 'no_stream', [counterIncremented(2)]);
      await store.appendToStream(a, 0, [counterIncremented(3)]);
      const after = await readStreamsAfter(store, head, [a, b], 3);
      expect(after.map((e) => [e.streamId, (e.data as { by: number }).by])).toEqual([
        [a, 1],
        [b, 2],
        [a, 3],
      ]);
      const positions = after.map((e) => e.globalPosition);
      expect([...positions].sort()).toEqual(positions);
    });

    test('a subscription catches up, then delivers live events, each once and in order', async () => {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1), counterIncremented(2)]);
      const before = (await store.readStream(streamId))[0]!.globalPosition;
      const subscription = store.subscribeToAll(before);
      const received = collectStream(subscription, streamId, 2);
      // Wait until the catch-up has had time to run, then append live.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.appendToStream(streamId, 1, [counterIncremented(3)]);
      const mine = (await received).map((e) => (e.data as { by: number }).by);
      await subscription.close();
      expect(mine).toEqual([2, 3]);
    });

    test('many writers on one stream: exactly one wins each revision and nothing is lost or duplicated', async () => {
      const streamId = uniqueStreamId();
      const writers = subject().concurrentWriters;
      const perWriter = 5;
      const won: string[] = [];
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let i = 0; i < perWriter; i++) {
            const event = counterIncremented(1, { note: `w${writer}-${i}` });
            for (;;) {
              const current = await store.readStream(streamId);
              const expected = current.length === 0 ? 'no_stream' : current.length - 1;
              try {
                await store.appendToStream(streamId, expected, [event]);
                won.push(event.metadata.eventId);
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedVersion)) throw error;
              }
            }
          }
        }),
      );
      const stored = await store.readStream(streamId);
      expect(stored.map((e) => e.streamRevision)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i));
      expect(new Set(stored.map((e) => e.metadata.eventId))).toEqual(new Set(won));
      expect(verifyChain(stored).valid).toBe(true);
    });

    test('every stored stream verifies as an unbroken hash chain', async () => {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1)]);
      await store.appendToStream(streamId, 0, [counterIncremented(2), counterIncremented(3)]);
      const verification = verifyChain(await store.readStream(streamId));
      expect(verification).toMatchObject({ valid: true, eventCount: 3 });
    });
  });
}

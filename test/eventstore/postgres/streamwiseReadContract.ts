import type { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { GlobalPosition, RecordedEvent } from '../../../eventstore/port';
import { counterIncremented, uniqueStreamId } from '../testEvents';
import { untilStreamsVisible } from './ledgerVisibility';

/** Reads every window of `maxStreams` streams begun after `after` up to `through`. */
async function readAllWindows(store: PostgresEventStore, after: GlobalPosition, through: GlobalPosition, maxStreams: number): Promise<{ records: RecordedEvent[]; windows: number }> {
  const records: RecordedEvent[] = [];
  let windows = 0;
  for (let from = after; ; windows++) {
    const window = await store.readStreamsBegun({ after: from, through, maxStreams });
    expect(window.streams).toBeLessThanOrEqual(maxStreams);
    records.push(...window.records);
    if (window.lastBegun === undefined) return { records, windows };
    from = window.lastBegun;
  }
}

/** The ledger read stream by stream, for a rebuild (pg and PGlite alike). */
export function streamwiseReadContract(name: string, subject: () => { readonly store: PostgresEventStore }): void {
  describe(`${name} ledger read stream by stream`, () => {
    test('streams come whole and in the order they began, each in revision order, every event up to the head exactly once', async () => {
      const { store } = subject();
      const before = await store.gapSafeHead();
      const [a, b, c] = [uniqueStreamId('sw'), uniqueStreamId('sw'), uniqueStreamId('sw')];
      // Interleaved as a live ledger is: a0 b0 a1 c0 b1 a2 c1.
      for (const [stream, revision] of [[a, 0], [b, 0], [a, 1], [c, 0], [b, 1], [a, 2], [c, 1]] as const) {
        await store.appendToStream(stream, revision === 0 ? 'no_stream' : revision - 1, [counterIncremented(revision + 1)]);
      }
      await untilStreamsVisible(store, [a, b, c]);
      const head = await store.gapSafeHead();
      // Written after the head was fixed: not part of this read.
      await store.appendToStream(a, 2, [counterIncremented(4)]);
      await store.appendToStream(uniqueStreamId('sw'), 'no_stream', [counterIncremented(1)]);

      const { records, windows } = await readAllWindows(store, before, head, 2);
      const ours = records.filter((r) => [a, b, c].includes(r.streamId)).map((r) => `${r.streamId === a ? 'a' : r.streamId === b ? 'b' : 'c'}${r.streamRevision}`);
      expect(ours).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'c0', 'c1']);
      expect(windows).toBeGreaterThanOrEqual(2);
      expect(records.every((r) => r.globalPosition <= head)).toBe(true);
      // The same events as the ledger in global order holds between the two positions, none twice.
      const inOrder = (await store.readAll({ after: before, maxCount: 10_000 })).filter((r) => r.globalPosition <= head);
      const begunAfter = new Set(inOrder.filter((r) => r.streamRevision === 0).map((r) => r.streamId));
      const expected = inOrder.filter((r) => begunAfter.has(r.streamId)).map((r) => r.globalPosition).sort();
      expect(records.map((r) => r.globalPosition).sort()).toEqual(expected);
    });

    test('a window ends at the first event of the last stream it returns, and an empty range returns nothing', async () => {
      const { store } = subject();
      const before = await store.gapSafeHead();
      const [first, second] = [uniqueStreamId('sw'), uniqueStreamId('sw')];
      const started = await store.appendToStream(first, 'no_stream', [counterIncremented(1)]);
      await store.appendToStream(second, 'no_stream', [counterIncremented(1)]);
      await store.appendToStream(first, 0, [counterIncremented(2)]);
      await untilStreamsVisible(store, [first, second]);
      const head = await store.gapSafeHead();
      let from = before;
      // Earlier tests' streams may still lie between `before` and ours: read up to our first.
      for (let window = await store.readStreamsBegun({ after: from, through: head, maxStreams: 1 }); window.records[0]?.streamId !== first; ) {
        from = window.lastBegun!;
        window = await store.readStreamsBegun({ after: from, through: head, maxStreams: 1 });
      }
      const window = await store.readStreamsBegun({ after: from, through: head, maxStreams: 1 });
      expect(window.records.map((r) => [r.streamId, r.streamRevision])).toEqual([[first, 0], [first, 1]]);
      expect(window.lastBegun).toBe(started.position);
      expect(window.streams).toBe(1);
      expect(await store.readStreamsBegun({ after: head, through: head, maxStreams: 10 })).toEqual({ records: [], lastBegun: undefined, streams: 0 });
    });
  });
}

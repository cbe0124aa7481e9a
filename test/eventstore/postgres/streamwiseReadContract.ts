import type { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { GlobalPosition, RecordedEvent } from '../../../eventstore/port';
import { counterIncremented, uniqueStreamId } from '../testEvents';
import { untilStreamsVisible } from './ledgerVisibility';

/** Reads every window of `span` events after `after` up to `through`. */
async function readAllWindows(store: PostgresEventStore, after: GlobalPosition, through: GlobalPosition, span: number): Promise<{ records: RecordedEvent[]; windows: number }> {
  const records: RecordedEvent[] = [];
  let windows = 0;
  for (let from = after; ; windows++) {
    const window = await store.readStreamsBegun({ after: from, span, through });
    records.push(...window.records);
    if (window.searchedThrough === undefined) return { records, windows };
    expect(window.searchedThrough > from && window.searchedThrough <= through).toBe(true);
    from = window.searchedThrough;
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
      expect(windows).toBeGreaterThanOrEqual(4);
      expect(records.every((r) => r.globalPosition <= head)).toBe(true);
      // The same events as the ledger in global order holds for the streams begun between the two positions, none twice.
      const inOrder = (await store.readAll({ after: before, maxCount: 10_000 })).filter((r) => r.globalPosition <= head);
      const begunAfter = new Set(inOrder.filter((r) => r.streamRevision === 0).map((r) => r.streamId));
      const expected = inOrder.filter((r) => begunAfter.has(r.streamId)).map((r) => r.globalPosition).sort();
      expect(records.map((r) => r.globalPosition).sort()).toEqual(expected);
    });

    test('a window searches `span` events for first events: a span without one returns no records but says how far it searched', async () => {
      const { store } = subject();
      const [first, second] = [uniqueStreamId('sw'), uniqueStreamId('sw')];
      const begun = await store.appendToStream(first, 'no_stream', [counterIncremented(1)]);
      const next = await store.appendToStream(first, 0, [counterIncremented(2)]);
      await store.appendToStream(second, 'no_stream', [counterIncremented(1)]);
      await untilStreamsVisible(store, [first, second]);
      const head = await store.gapSafeHead();
      // From just before `first` began (its first event is the only one in its append): one event searched, the whole stream returned.
      const [justBefore] = (await store.readAll({ maxCount: 100_000 })).filter((r) => r.globalPosition < begun.position).slice(-1);
      const window = await store.readStreamsBegun({ after: justBefore!.globalPosition, span: 1, through: head });
      expect(window.records.map((r) => [r.streamId, r.streamRevision])).toEqual([[first, 0], [first, 1]]);
      expect(window.searchedThrough).toBe(begun.position);
      const nothingBegun = await store.readStreamsBegun({ after: begun.position, span: 1, through: head });
      expect(nothingBegun).toEqual({ records: [], searchedThrough: next.position });
      expect(await store.readStreamsBegun({ after: head, span: 10, through: head })).toEqual({ records: [], searchedThrough: undefined });
    });
  });
}

import { UnavailableError } from '@eventstore/db-client';
import { CorruptEvent } from '../../../eventstore/errors';
import { isTransientSubscriptionError } from '../../../eventstore/esdb/esdbErrors';
import { encodeEsdbPosition } from '../../../eventstore/esdb/esdbPosition';
import { ResubscribingSubscription, resubscribeDelayMs, type DroppableSource } from '../../../eventstore/esdb/resubscribingSubscription';
import { START, type GlobalPosition, type RecordedEvent } from '../../../eventstore/port';
import { counterIncremented } from '../testEvents';

/** A fake $all: the server's log, and a script of how each opened subscription behaves. */
type Step = { deliver: number } | { drop: unknown } | 'end' | 'hang';

const position = (n: number): GlobalPosition => encodeEsdbPosition({ commit: BigInt(n), prepare: BigInt(n) });

const log: RecordedEvent[] = Array.from({ length: 6 }, (_, i) => ({
  ...counterIncremented(i),
  streamId: 's',
  streamRevision: i,
  globalPosition: position(100 * (i + 1)),
  hash: '0'.repeat(64),
  recordedAt: '2026-11-28T01:00:00.000Z',
}));

function fakeAll(scripts: Step[][]) {
  const openedFrom: GlobalPosition[] = [];
  let unsubscribed = 0;
  const open = (after: GlobalPosition): DroppableSource<RecordedEvent> => {
    openedFrom.push(after);
    const script = scripts.shift() ?? ['hang'];
    // A real server may repeat the event at `after`: start one early to prove it is skipped.
    let index = Math.max(0, log.findIndex((e) => e.globalPosition > after) - 1);
    if (after === START) index = 0;
    return {
      async *[Symbol.asyncIterator]() {
        for (const step of script) {
          if (step === 'end') return;
          if (step === 'hang') await new Promise(() => undefined);
          else if ('drop' in step) throw step.drop;
          else for (let n = 0; n < step.deliver && index < log.length; n++) yield log[index++]!;
        }
        await new Promise(() => undefined);
      },
      unsubscribe: async () => {
        unsubscribed++;
      },
    };
  };
  return { open, openedFrom, unsubscribed: () => unsubscribed };
}

const fast = { initialDelayMs: 1, maxDelayMs: 4, maxAttempts: 3 };

async function take(subscription: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  for await (const event of subscription) {
    taken.push(event);
    if (taken.length === count) break;
  }
  return taken;
}

describe('a subscription to $all that survives drops', () => {
  test('delivers catch-up then live events after the starting position', async () => {
    const all = fakeAll([[{ deliver: 3 }, 'hang']]);
    const subscription = new ResubscribingSubscription({ open: all.open, toRecorded: (e) => e, isTransient: isTransientSubscriptionError }, log[0]!.globalPosition, fast);
    expect((await take(subscription, 2)).map((e) => e.streamRevision)).toEqual([1, 2]);
    expect(all.openedFrom).toEqual([log[0]!.globalPosition]);
  });

  test('after a drop it resubscribes from the last delivered position and delivers each event once, in order', async () => {
    const all = fakeAll([[{ deliver: 2 }, { drop: new UnavailableError() }], ['end'], [{ deliver: 5 }]]);
    const subscription = new ResubscribingSubscription({ open: all.open, toRecorded: (e) => e, isTransient: isTransientSubscriptionError }, START, fast);
    expect((await take(subscription, 6)).map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(all.openedFrom).toEqual([START, log[1]!.globalPosition, log[1]!.globalPosition]);
    expect(all.unsubscribed()).toBeGreaterThanOrEqual(3);
  });

  test('skips what the mapping skips (system events)', async () => {
    const all = fakeAll([[{ deliver: 6 }]]);
    const odd = (e: RecordedEvent): RecordedEvent | undefined => (e.streamRevision % 2 === 1 ? e : undefined);
    const subscription = new ResubscribingSubscription({ open: all.open, toRecorded: odd, isTransient: isTransientSubscriptionError }, START, fast);
    expect((await take(subscription, 3)).map((e) => e.streamRevision)).toEqual([1, 3, 5]);
  });

  test('gives up with the last error after the bounded number of consecutive failures', async () => {
    const drop = new UnavailableError();
    const all = fakeAll([[{ drop }], [{ drop }], [{ drop }], [{ drop }], [{ drop }]]);
    const subscription = new ResubscribingSubscription({ open: all.open, toRecorded: (e) => e, isTransient: isTransientSubscriptionError }, START, fast);
    await expect(take(subscription, 1)).rejects.toBe(drop);
    expect(all.openedFrom).toHaveLength(fast.maxAttempts + 1);
  });

  test('a permanent error (corruption) ends the iteration at once', async () => {
    const corrupt = new CorruptEvent('s', 0, 'metadata');
    const all = fakeAll([[{ drop: corrupt }]]);
    const subscription = new ResubscribingSubscription({ open: all.open, toRecorded: (e) => e, isTransient: isTransientSubscriptionError }, START, fast);
    await expect(take(subscription, 1)).rejects.toBe(corrupt);
    expect(all.openedFrom).toHaveLength(1);
  });

  test('close() ends a pending iteration and unsubscribes', async () => {
    const all = fakeAll([['hang']]);
    const subscription = new ResubscribingSubscription({ open: all.open, toRecorded: (e) => e, isTransient: isTransientSubscriptionError }, START, fast);
    const pending = take(subscription, 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await subscription.close();
    await expect(pending).resolves.toEqual([]);
    expect(all.unsubscribed()).toBeGreaterThanOrEqual(1);
  });

  test('the wait before resubscribing doubles and is bounded', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 10 };
    expect([1, 2, 3, 4, 5, 9].map((n) => resubscribeDelayMs(n, options))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});

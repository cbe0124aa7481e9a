import type { GlobalPosition, RecordedEvent } from '../../eventstore/port';
import { PollingSubscription } from '../../eventstore/pollingSubscription';
import { WakeSignal } from '../../eventstore/wakeSignal';

const event = (position: string): RecordedEvent => ({
  streamId: 'counter-1',
  streamRevision: 0,
  globalPosition: position as GlobalPosition,
  type: 'CounterIncremented',
  data: { by: 1 },
  metadata: { eventId: 'e', actor: { id: 'a', role: 'admin' }, channel: 'web', correlationId: 'c', causationId: 'c', occurredAt: '2025-03-03T09:00:00+07:00', schemaVersion: 1 },
  hash: 'h',
  recordedAt: '2025-03-03T02:00:00.000Z',
});

/**
 * A subscription (polling every ten minutes) to a ledger whose one appended event becomes
 * readable only when `show` is called: an older transaction ends, and nothing wakes anyone then.
 */
function heldBackAppend() {
  const wake = new WakeSignal();
  let visible = false;
  let reads = 0;
  const readAll = async () => {
    reads++;
    return visible ? [event('0000000001')] : [];
  };
  const subscription = new PollingSubscription(readAll, '' as GlobalPosition, wake, { batchSize: 10, pollIntervalMs: 600_000 });
  return { wake, subscription, show: () => (visible = true), reads: () => reads };
}

describe('PollingSubscription', () => {
  it('keeps looking soon after a wake whose append is still held back, instead of waiting a whole poll interval', async () => {
    const { wake, subscription, show, reads } = heldBackAppend();
    const first = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    wake.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    show();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([first, new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting'), 2_000)))]);
    clearTimeout(timer);
    await subscription.close();
    expect(outcome).toEqual({ done: false, value: event('0000000001') });
    expect(reads()).toBeGreaterThan(2);
  });

  it('keeps looking, less and less often, while an append stays held back for long, and delivers it about a second after it shows', async () => {
    jest.useFakeTimers();
    try {
      const { wake, subscription, show, reads } = heldBackAppend();
      let delivered: unknown;
      void subscription[Symbol.asyncIterator]()
        .next()
        .then((next) => (delivered = next.value));
      await jest.advanceTimersByTimeAsync(10);
      wake.wake();
      // Another transaction holds the append back for a minute (longer than any fixed window of retries).
      await jest.advanceTimersByTimeAsync(60_000);
      const readsWhileHeldBack = reads();
      show();
      await jest.advanceTimersByTimeAsync(1_100);
      expect(delivered).toEqual(event('0000000001'));
      // Backing off to one look a second: about 60 reads in that minute, not one every 25 ms (2,400).
      expect(readsWhileHeldBack).toBeGreaterThan(50);
      expect(readsWhileHeldBack).toBeLessThan(80);
      await subscription.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits the poll interval when nothing woke it', async () => {
    const wake = new WakeSignal();
    let reads = 0;
    const subscription = new PollingSubscription(async () => (reads++, []), '' as GlobalPosition, wake, { batchSize: 10, pollIntervalMs: 600_000 });
    const pending = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toBe(1);
    await subscription.close();
    await pending;
  });
});

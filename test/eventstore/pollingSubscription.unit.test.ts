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

describe('PollingSubscription', () => {
  it('keeps looking soon after a wake whose append is still held back, instead of waiting a whole poll interval', async () => {
    const wake = new WakeSignal();
    let visible = false;
    let reads = 0;
    // The appended event becomes readable only some reads after the wake (an older transaction ends; nothing wakes anyone then).
    const readAll = async () => {
      reads++;
      return visible ? [event('0000000001')] : [];
    };
    const subscription = new PollingSubscription(readAll, '' as GlobalPosition, wake, { batchSize: 10, pollIntervalMs: 600_000 });
    const first = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    wake.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    visible = true;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([first, new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting'), 2_000)))]);
    clearTimeout(timer);
    await subscription.close();
    expect(outcome).toEqual({ done: false, value: event('0000000001') });
    expect(reads).toBeGreaterThan(2);
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

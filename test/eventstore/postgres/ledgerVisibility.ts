import { START, type EventStore, type RecordedEvent } from '../../../eventstore/port';

/**
 * The ledger as a gap-safe reader sees it now. That reader holds committed rows back while
 * any earlier transaction on the shared cluster (another test file's) is still open, so a
 * test that reads the ledger right after its own append may have to wait for it.
 */
async function visibleEvents(store: Pick<EventStore, 'readAll'>, visit: (event: RecordedEvent) => void): Promise<void> {
  let after = START;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) return;
    batch.forEach(visit);
    after = batch[batch.length - 1]!.globalPosition;
  }
}

export async function visibleEventCount(store: Pick<EventStore, 'readAll'>): Promise<number> {
  let count = 0;
  await visibleEvents(store, () => (count += 1));
  return count;
}

/** Waits (at most 30 s) until the gap-safe reader shows at least `count` events. */
export async function untilEventCountVisible(store: Pick<EventStore, 'readAll'>, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await visibleEventCount(store)) < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Waits (at most 30 s) until the gap-safe reader shows an event that `wanted` accepts. */
async function untilVisible(store: Pick<EventStore, 'readAll'>, wanted: (event: RecordedEvent) => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    let seen = false;
    await visibleEvents(store, (event) => (seen ||= wanted(event)));
    if (seen || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits (at most 30 s) until the gap-safe reader shows an event of the stream. */
export const untilStreamVisible = (store: Pick<EventStore, 'readAll'>, streamId: string): Promise<void> => untilVisible(store, (event) => event.streamId === streamId);

/** Waits (at most 30 s) until the gap-safe reader shows every event of these streams, the last one written included. */
export async function untilStreamsVisible(store: Pick<EventStore, 'readAll' | 'readStream'>, streamIds: readonly string[]): Promise<void> {
  const lasts = await Promise.all(streamIds.map(async (streamId) => (await store.readStream(streamId)).at(-1)?.globalPosition ?? START));
  const last = lasts.reduce((a, b) => (b > a ? b : a), START);
  await untilVisible(store, (event) => event.globalPosition >= last);
}

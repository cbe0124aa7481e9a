import { START, type RecordedEvent } from '../../../eventstore/port';
import type { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';

/**
 * The ledger as a gap-safe reader sees it now. That reader holds committed rows back while
 * any earlier transaction on the shared cluster (another test file's) is still open, so a
 * test that reads the ledger right after its own append may have to wait for it.
 */
async function visibleEvents(store: PostgresEventStore, visit: (event: RecordedEvent) => void): Promise<void> {
  let after = START;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) return;
    batch.forEach(visit);
    after = batch[batch.length - 1]!.globalPosition;
  }
}

export async function visibleEventCount(store: PostgresEventStore): Promise<number> {
  let count = 0;
  await visibleEvents(store, () => (count += 1));
  return count;
}

/** Waits (at most 30 s) until the gap-safe reader shows an event of the stream. */
export async function untilStreamVisible(store: PostgresEventStore, streamId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    let seen = false;
    await visibleEvents(store, (event) => (seen ||= event.streamId === streamId));
    if (seen || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

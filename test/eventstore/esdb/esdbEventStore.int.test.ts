import { createEsdbEventStore } from '../../../eventstore/esdb/esdbEventStore';
import { START, type EventStore } from '../../../eventstore/port';
import { eventStoreContract } from '../eventStoreContract';
import { counterIncremented, testEventRegistry, uniqueStreamId } from '../testEvents';

// e.g. EVENTSTORE_URL='esdb://admin:changeit@localhost:2113?tls=false' (reading $all needs an admin user).
const connectionString = process.env.EVENTSTORE_URL ?? '';
const isEsdbUrl = /^esdb(\+discover)?:\/\//.test(connectionString);

if (isEsdbUrl) {
  let store: EventStore;

  beforeAll(() => {
    store = createEsdbEventStore({ connectionString, registry: testEventRegistry });
  });

  afterAll(async () => {
    await store.close();
  });

  eventStoreContract('EventStoreDB', () => ({ store, concurrentWriters: 8 }));

  test("EventStoreDB's own events in $all never reach readers", async () => {
    await store.appendToStream(uniqueStreamId(), 'no_stream', [counterIncremented(1)]);
    const events = await store.readAll({ after: START, maxCount: 2000 });
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type.startsWith('$') || e.streamId.startsWith('$'))).toEqual([]);
    const positions = events.map((e) => e.globalPosition);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort()).toEqual(positions);
  });
} else {
  // Say why, every run: a silent pass would look like a verified adapter.
  const reason = `EventStoreDB contract skipped: EVENTSTORE_URL is not an esdb:// URL (got ${connectionString === '' ? 'nothing' : 'a non-esdb URL'})`;
  console.warn(reason);
  test.skip(reason, () => undefined);
}

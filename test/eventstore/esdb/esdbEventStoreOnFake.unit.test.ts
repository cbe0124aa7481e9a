import { UnavailableError } from '@eventstore/db-client';
import { EsdbEventStore } from '../../../eventstore/esdb/esdbEventStore';
import { verifyChain } from '../../../eventstore/hashChain';
import { eventStoreContract } from '../eventStoreContract';
import { counterIncremented, testEventRegistry, uniqueStreamId } from '../testEvents';
import { FakeEsdbClient } from './fakeEsdbClient';

// The adapter's own logic (hash chain, retries, idempotency, paging past system events,
// position mapping, resubscription) held to the contract without a server.
const client = new FakeEsdbClient();
const store = new EsdbEventStore(client, { registry: testEventRegistry, resubscribe: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 } });

afterAll(() => store.close());

eventStoreContract('EventStoreDB adapter over an in-memory fake client', () => ({ store, concurrentWriters: 8 }));

test('a subscription dropped by the server resumes after the last delivered event, each event once', async () => {
  const streamId = uniqueStreamId();
  await store.appendToStream(streamId, 'no_stream', [counterIncremented(1), counterIncremented(2)]);
  const [first] = await store.readStream(streamId);
  const subscription = store.subscribeToAll(first!.globalPosition);
  const received: number[] = [];
  const done = (async () => {
    for await (const event of subscription) {
      if (event.streamId === streamId) received.push((event.data as { by: number }).by);
      if (received.length === 3) return;
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(received).toEqual([2]);
  for (const open of [...client.openSubscriptions]) open.drop(new UnavailableError());
  await store.appendToStream(streamId, 1, [counterIncremented(3)]);
  await store.appendToStream(streamId, 2, [counterIncremented(4)]);
  await done;
  await subscription.close();
  expect(received).toEqual([2, 3, 4]);
});

test.each([
  ['lost races thrown as WrongExpectedVersionError', true],
  ['lost races resolved as success: false (throwOnAppendFailure=false)', false],
])("concurrent 'any' appends to one stream all land, chained, when %s", async (_, throwOnAppendFailure) => {
  const racing = new EsdbEventStore(new FakeEsdbClient(throwOnAppendFailure), { registry: testEventRegistry });
  const streamId = uniqueStreamId();
  // Each writer appends once, so none can lose more races than there are other writers.
  await Promise.all(Array.from({ length: 8 }, (_, i) => racing.appendToStream(streamId, 'any', [counterIncremented(i)])));
  const stored = await racing.readStream(streamId);
  expect(stored.map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(verifyChain(stored).valid).toBe(true);
  await racing.close();
});

import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { eventStoreContract } from '../eventStoreContract';
import { ledgerSafetyContract } from './ledgerSafetyContract';
import { streamwiseReadContract } from './streamwiseReadContract';
import { personalDataVaultContract } from '../vault/personalDataVaultContract';
import { counterIncremented, testEventRegistry, uniqueStreamId } from '../testEvents';
import { connect, dropSchema, uniqueSchema } from './testDatabase';
import { untilStreamsVisible } from './ledgerVisibility';

const schema = uniqueSchema('contract');
let client: SqlClient;
let store: PostgresEventStore;

beforeAll(async () => {
  client = connect();
  store = await PostgresEventStore.open({ client, schema, registry: testEventRegistry, pollIntervalMs: 50 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(client, schema);
  await client.close();
});

eventStoreContract('PostgreSQL', () => ({ store, concurrentWriters: 16 }));
ledgerSafetyContract('PostgreSQL', () => ({ store, client, schema }));
streamwiseReadContract('PostgreSQL', () => ({ store }));
personalDataVaultContract('PostgreSQL', () => ({ store, client, schema }));

test('an append in another process wakes a subscriber through NOTIFY long before its next poll', async () => {
  const otherProcessClient = connect(4);
  const otherProcess = await PostgresEventStore.open({ client: otherProcessClient, schema, registry: testEventRegistry, pollIntervalMs: 600_000 });
  try {
    const head = (await otherProcess.readAll({ maxCount: 100_000 })).at(-1)?.globalPosition;
    const subscription = otherProcess.subscribeToAll(head);
    const streamId = uniqueStreamId();
    const arrived = (async () => {
      for await (const event of subscription) if (event.streamId === streamId) return event.streamId;
      return 'subscription ended';
    })();
    // Let the subscription read up to the head and start its (ten-minute) wait.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.appendToStream(streamId, 'no_stream', [counterIncremented(1)]);
    const outcome = await Promise.race([arrived, new Promise((resolve) => setTimeout(() => resolve('not woken'), 10_000))]);
    await subscription.close();
    expect(outcome).toBe(streamId);
  } finally {
    await otherProcess.close();
    await otherProcessClient.close();
  }
});

test('the gap-safe head stays before an event while an earlier transaction is still open, and passes it once that ends', async () => {
  const streamId = uniqueStreamId('horizon');
  let appended: string | undefined;
  let headWhileOpen: string | undefined;
  await client.transaction(async (tx) => {
    // This transaction takes its id before the append below: until it ends, it could still write before it.
    await tx.query('SELECT pg_current_xact_id()');
    appended = (await store.appendToStream(streamId, 'no_stream', [counterIncremented(1)])).position;
    headWhileOpen = await store.gapSafeHead();
  });
  expect(headWhileOpen! < appended!).toBe(true);
  await untilStreamsVisible(store, [streamId]);
  expect((await store.gapSafeHead()) >= appended!).toBe(true);
});

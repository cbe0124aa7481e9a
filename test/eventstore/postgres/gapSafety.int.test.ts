import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { START, type RecordedEvent } from '../../../eventstore/port';
import { counterIncremented, testEventRegistry, uniqueStreamId } from '../testEvents';
import { connect, dropSchema, uniqueSchema } from './testDatabase';

interface AppendedRow {
  last_global_position: string;
}

/**
 * Holds every append's transaction open for a random while after its rows are inserted,
 * so that positions are taken in one order and committed in another: the situation in
 * which readers trusting `global_position > checkpoint` lose events. Records the order
 * in which append calls (each a group of appends) committed, by their first position.
 */
function withSlowAppends(client: SqlClient, maxDelayMs: number, commitOrder: bigint[]): SqlClient {
  return {
    ...client,
    async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
      if (!text.includes('append_batch')) return client.query<Row>(text, params);
      const rows = await client.transaction(async (tx) => {
        const inserted = await tx.query<Row>(text, params);
        await tx.query('SELECT pg_sleep($1)', [(Math.random() * maxDelayMs) / 1000]);
        return inserted;
      });
      commitOrder.push(BigInt((rows[0] as AppendedRow).last_global_position));
      return rows;
    },
  };
}

const schema = uniqueSchema('gap');
const commitOrder: bigint[] = [];
let client: SqlClient;
let writer: PostgresEventStore;
let reader: PostgresEventStore;

beforeAll(async () => {
  client = connect(60);
  // Ten calls in flight at once: many transactions overlap, and each carries a group of appends.
  writer = await PostgresEventStore.open({ client: withSlowAppends(client, 40, commitOrder), schema, registry: testEventRegistry, maxAppendCallsInFlight: 10 });
  reader = await PostgresEventStore.open({ client, schema, registry: testEventRegistry, pollIntervalMs: 5 });
});

afterAll(async () => {
  await reader.close();
  await writer.close();
  await dropSchema(client, schema);
  await client.close();
});

test('a live subscriber receives every event exactly once, in order, while 40 writers commit out of order', async () => {
  const writers = 40;
  const appendsPerWriter = 15;
  const subscription = reader.subscribeToAll(START);
  const expectedTotal = writers * appendsPerWriter;
  const received: RecordedEvent[] = [];
  const receiving = (async () => {
    for await (const event of subscription) {
      received.push(event);
      if (received.length === expectedTotal) break;
    }
  })();

  const appended = new Set<string>();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = 0; i < appendsPerWriter; i++) {
        // Requests arrive at random moments, so appends spread over many overlapping calls
        // (appends arriving in the same turn would all go in one).
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
        const event = counterIncremented(i);
        await writer.appendToStream(uniqueStreamId('gap'), 'no_stream', [event]);
        appended.add(event.metadata.eventId);
      }
    }),
  );
  // A reader that skipped an event would wait for ever: give it a bounded time, then judge.
  await Promise.race([receiving, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  await subscription.close();

  // The run really committed out of position order, so a naive reader would have skipped.
  expect(commitOrder.some((position, i) => i > 0 && position < commitOrder[i - 1]!)).toBe(true);

  const receivedIds = received.map((e) => e.metadata.eventId);
  expect(new Set(receivedIds).size).toBe(receivedIds.length);
  expect(new Set(receivedIds)).toEqual(appended);
  const positions = received.map((e) => e.globalPosition);
  expect([...positions].sort()).toEqual(positions);
});

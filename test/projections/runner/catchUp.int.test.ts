/**
 * The runner's catch-up on real PostgreSQL: reading ahead while members commit, what a
 * generation started empty is spared, the batch size a rebuild takes by default, and the
 * rebuild that reads the ledger stream by stream.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventStore, RecordedEvent } from '../../../eventstore/port';
import type { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { StreamsBegunOptions } from '../../../eventstore/streamwiseRead';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { allProjections } from '../../../projections/catalog';
import type { Projection } from '../../../projections/projection';
import { publicComplaintsCollection, publicProjection } from '../../../projections/public/publicProjection';
import { catchUpTogether, type CatchUpMember } from '../../../projections/runner/catchUp';
import { nextGenerationNumber } from '../../../projections/runner/generations';
import { rebuildProjection } from '../../../projections/runner/rebuildProjection';
import type { DocumentRef } from '../../../projections/store/documents';
import type { ProjectionSlot } from '../../../projections/store/generations';
import type { ProjectionBatch, ReadModelStore } from '../../../projections/store/readModelStore';
import { untilStreamsVisible } from '../../eventstore/postgres/ledgerVisibility';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';
import { writeFixtureLedger } from '../canaryLedger';
import { openSqlLedger, type SqlLedger } from '../suiteSetup';

const schema = uniqueSchema('catch_up');
let client: SqlClient;
let ledger: SqlLedger;
let store: ReadModelStore;
let head: string;

beforeAll(async () => {
  client = connect(10);
  ledger = await openSqlLedger(client, schema);
  store = await ledger.openStore(allProjections);
  const fixture = await writeFixtureLedger(ledger.events, ledger.vault, 8);
  await untilStreamsVisible(ledger.events, fixture.complaintIds.map((id) => `complaint-${id}`));
  const all = await ledger.events.readAll({ maxCount: 100_000 });
  head = all.at(-1)!.globalPosition;
}, 60_000);

afterAll(async () => {
  await ledger.close();
  await dropSchema(client, schema);
  await client.close();
});

/** The ledger as one that offers no stream-by-stream read (EventStoreDB): a rebuild reads it in global order. */
function inGlobalOrderOnly(events: EventStore): EventStore {
  return Object.assign(Object.create(events) as EventStore, { gapSafeHead: undefined, readStreamsBegun: undefined });
}

/** The store, telling when a commit starts and counting the documents loaded from it. */
function watchedStore(): { store: ReadModelStore; nextCommit: () => Promise<void>; loaded: DocumentRef[] } {
  const waiting: (() => void)[] = [];
  const loaded: DocumentRef[] = [];
  const watched = Object.assign(Object.create(store) as ReadModelStore, {
    commitBatch: (slot: ProjectionSlot, batch: ProjectionBatch) => {
      waiting.splice(0).forEach((resume) => resume());
      return store.commitBatch(slot, batch);
    },
    loadDocuments: (slot: ProjectionSlot, refs: readonly DocumentRef[]) => {
      loaded.push(...refs);
      return store.loadDocuments(slot, refs);
    },
  });
  return { store: watched, nextCommit: () => new Promise((resume) => waiting.push(resume)), loaded };
}

async function freshMembers(): Promise<CatchUpMember[]> {
  const members: CatchUpMember[] = [];
  for (const projection of allProjections) {
    const generation = nextGenerationNumber(await store.generations(projection.name));
    const slot = { projection: projection.name, generation };
    await store.beginGeneration(slot, projection.version);
    members.push({ projection, slot });
  }
  return members;
}

test('a read ahead that finds nothing while members commit is made again once they are done: the catch-up reaches the head', async () => {
  const watched = watchedStore();
  let emptiedWhileCommitting = 0;
  let readAhead = false;
  // Each read that follows a batch (the read ahead) comes back once a member commits, and
  // then empty, as the gap-safe read does while another transaction is open.
  const events = Object.assign(inGlobalOrderOnly(ledger.events), {
    readAll: async (options: Parameters<EventStore['readAll']>[0]) => {
      if (readAhead) {
        readAhead = false;
        await watched.nextCommit();
        emptiedWhileCommitting += 1;
        return [];
      }
      const batch = await ledger.events.readAll(options);
      readAhead = batch.length > 0;
      return batch;
    },
  });
  const members = await freshMembers();
  await catchUpTogether({ events, store: watched.store, personalData: ledger.vault }, members, { batchSize: 9 });
  expect(emptiedWhileCommitting).toBeGreaterThan(1);
  for (const { slot } of members) {
    expect((await store.generations(slot.projection)).find((g) => g.generation === slot.generation)?.checkpoint).toBe(head);
  }
}, 60_000);

test('a generation started empty loads none of its aggregates from the store, and equals one that did (in global order, resumed)', async () => {
  const fresh = watchedStore();
  const members = await freshMembers();
  await catchUpTogether({ events: ledger.events, store: fresh.store, personalData: ledger.vault }, members, { batchSize: 9 });
  const residentRefs = fresh.loaded.filter((ref) => members.some((m) => m.projection.residentCollections?.includes(ref.collection)));
  expect(residentRefs).toEqual([]);

  // The same projections resumed from a checkpoint past the start read their aggregates back.
  const resumed = watchedStore();
  const halfway = (await ledger.events.readAll({ maxCount: 100_000 })).at(40)!.globalPosition;
  const partial = await freshMembers();
  await catchUpTogether({ events: boundedAt(halfway), store, personalData: ledger.vault }, partial, { batchSize: 9 });
  await catchUpTogether({ events: ledger.events, store: resumed.store, personalData: ledger.vault }, partial, { batchSize: 9 });
  expect(resumed.loaded.length).toBeGreaterThan(0);
  for (const [index, { slot }] of members.entries()) {
    expect(await store.dumpGeneration(partial[index]!.slot)).toEqual(await store.dumpGeneration(slot));
  }
}, 60_000);

/** The ledger as if it ended at `last`. */
function boundedAt(last: string): EventStore {
  return Object.assign(inGlobalOrderOnly(ledger.events), {
    readAll: async (options: Parameters<EventStore['readAll']>[0]) => (await ledger.events.readAll(options)).filter((event) => event.globalPosition <= last),
  });
}

test('a stream quarantined in one batch has its later events parked in the next batches of the same catch-up', async () => {
  const members = await freshMembers();
  const dependencies = { events: ledger.events, store, personalData: ledger.vault };
  await catchUpTogether(dependencies, members, { batchSize: 500 });
  const badStream = `complaint-${randomUUID()}`;
  const metadata = { actor: { id: 'x', role: 'admin' as const }, channel: 'web' as const, correlationId: 'p', causationId: 'p', occurredAt: '2025-03-03T09:00:00+07:00', schemaVersion: 1 };
  await ledger.appendUnchecked(badStream, [
    { type: 'ComplaintSubmitted', data: { complaintId: 'not a uuid' }, metadata: { ...metadata, eventId: randomUUID() } },
    { type: 'ComplaintVerified', data: { at: '2025-03-03T09:00:00+07:00' }, metadata: { ...metadata, eventId: randomUUID() } },
  ]);
  await untilStreamsVisible(ledger.events, [badStream]);
  // One event per batch: the second event comes after the batch that quarantined its stream.
  await catchUpTogether(dependencies, members, { batchSize: 1 });
  for (const { slot } of members) {
    expect((await store.poisonRecords(slot)).map((r) => [r.eventType, r.kind])).toEqual([
      ['ComplaintSubmitted', 'poisoned'],
      ['ComplaintVerified', 'parked'],
    ]);
  }
}, 60_000);

test("a rebuild told no batch size reads the ledger in batches of the store's preferred size", async () => {
  const sized = Object.assign(Object.create(store) as ReadModelStore, { preferredBatchSize: 7 });
  const read: number[] = [];
  await rebuildProjection({ events: inGlobalOrderOnly(ledger.events), store: sized, personalData: ledger.vault }, allProjections[0]!, {
    promote: false,
    onProgress: (progress) => read.push(progress.eventsRead),
  });
  const batches = read.map((total, index) => total - (read[index - 1] ?? 0));
  expect(batches.length).toBeGreaterThan(2);
  expect(batches.slice(0, -1)).toEqual(batches.slice(0, -1).map(() => 7));
  expect(batches.at(-1)).toBeLessThanOrEqual(7);
});

test("a rebuild stream by stream searches windows of the store's preferred size for streams begun, and ends where the head stood", async () => {
  const sized = Object.assign(Object.create(store) as ReadModelStore, { preferredBatchSize: 18 });
  // Earlier tests appended to the ledger after the fixture.
  const headNow = (await ledger.events.readAll({ maxCount: 100_000 })).at(-1)!.globalPosition;
  const asked: number[] = [];
  const ledgerEvents = ledger.events as PostgresEventStore;
  const events = Object.assign(Object.create(ledgerEvents) as PostgresEventStore, {
    readStreamsBegun: (options: StreamsBegunOptions) => {
      asked.push(options.span);
      return ledgerEvents.readStreamsBegun(options);
    },
  });
  const order: boolean[] = [];
  const result = await rebuildProjection({ events, store: sized, personalData: ledger.vault }, allProjections[0]!, {
    promote: false,
    onProgress: (progress) => order.push(progress.streamByStream),
  });
  // Progress says so while the head is set; the window that reaches it clears it.
  expect(order.slice(0, -1).every(Boolean)).toBe(true);
  expect(order.at(-1)).toBe(false);
  expect(asked.length).toBeGreaterThan(2);
  expect(new Set(asked)).toEqual(new Set([18]));
  const generation = (await store.generations(result.slot.projection)).find((g) => g.generation === result.slot.generation)!;
  expect(generation.checkpoint).toBe(headNow);
  expect(generation.streamwiseHead).toBeUndefined();
  await store.dropGeneration(result.slot);
});

test("an event failing among a complaint's events applied together: those before it apply, it is poison and the rest parked, as when applied one by one", async () => {
  // The complaint with the longest history, its aggregates failing at its third event.
  const all = await ledger.events.readAll({ maxCount: 100_000 });
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of all) if (event.streamId.startsWith('complaint-')) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const history = [...streams.values()].sort((a, b) => b.length - a.length)[0]!;
  expect(history.length).toBeGreaterThan(4);
  const third = history[2]!;
  const failing: Projection = {
    ...publicProjection,
    name: 'public_failing_mid_run',
    aggregate: async (event, transition, context) => {
      if (event.type === third.type && JSON.stringify(event.data) === JSON.stringify(third.data)) throw new Error('this aggregate cannot count the event');
      return publicProjection.aggregate!(event, transition, context);
    },
  };
  const failingStore = await ledger.openStore([...allProjections, failing]);
  const dependencies = { events: ledger.events, store: failingStore, personalData: ledger.vault };
  const together = await rebuildProjection(dependencies, failing, { promote: false, batchSize: 500 });
  const oneByOne = await rebuildProjection({ ...dependencies, events: inGlobalOrderOnly(ledger.events) }, failing, { promote: false, batchSize: 1 });

  // (An earlier test left a stream of unreadable events in the ledger: poison too.)
  const poison = (await failingStore.poisonRecords(together.slot)).filter((r) => r.streamId === third.streamId).map((r) => [r.position, r.kind]);
  expect(poison).toEqual(history.slice(2).map((event, index) => [event.globalPosition, index === 0 ? 'poisoned' : 'parked']));
  expect(await failingStore.poisonRecords(oneByOne.slot)).toEqual(await failingStore.poisonRecords(together.slot));
  const documents = await failingStore.dumpGeneration(together.slot);
  expect(documents).toEqual(await failingStore.dumpGeneration(oneByOne.slot));
  // The complaint's page stands as its first two events left it.
  const { trackingId } = z.object({ trackingId: z.string() }).parse(history[0]!.data);
  const page = documents.find((d) => d.collection === publicComplaintsCollection.name && d.id === trackingId);
  expect(page?.lastPosition).toBeDefined();
  expect(page!.lastPosition <= history[1]!.globalPosition).toBe(true);
}, 60_000);

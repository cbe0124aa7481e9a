/**
 * The batch journal on FerretDB (MONGODB_URL, `.ci/ferretdb-start`), deterministically: the
 * state a crash leaves when it strikes after a batch's journal mark, with the aggregate
 * documents (counts, statistics, agency figures) written and the complaint states not. The
 * SIGKILL test (projectionCrashFerretdb) hits such moments only by chance.
 */
import type { Db, MongoClient } from 'mongodb';
import { START } from '../../eventstore/port';
import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { collectionCatalogOf } from '../../projections/catalog';
import { publicProjection } from '../../projections/public/publicProjection';
import { catchUp } from '../../projections/runner/catchUp';
import { processBatch, type BatchDependencies } from '../../projections/runner/processBatch';
import { rebuildProjection } from '../../projections/runner/rebuildProjection';
import type { ProjectionSlot } from '../../projections/store/generations';
import { writeJournal } from '../../projections/store/mongodb/batchJournal';
import { batchWritesOf } from '../../projections/store/mongodb/batchWrites';
import { GENERATIONS_COLLECTION, generationKey } from '../../projections/store/mongodb/collectionNames';
import { MongoReadModelStore } from '../../projections/store/mongodb/mongoReadModelStore';
import { openMongoDatabase } from '../../projections/store/mongodb/openMongoDatabase';
import { upsertAll } from '../../projections/store/mongodb/upsertAll';
import type { ProjectionBatch } from '../../projections/store/readModelStore';
import { writeFixtureLedger } from './canaryLedger';
import { openSqlLedger, type SqlLedger } from './suiteSetup';

const MONGODB_URL = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/?directConnection=true&retryWrites=false';
const database = `lapor_journal_${process.pid}_${Date.now()}`;

let sql: SqlClient;
let ledger: SqlLedger;
let store: MongoReadModelStore;
let raw: { client: MongoClient; db: Db };

const dependencies = (): BatchDependencies => ({ events: ledger.events, store, personalData: ledger.vault });

beforeAll(async () => {
  raw = await openMongoDatabase(MONGODB_URL, database, 5000);
  sql = createPGliteSqlClient(await openPGlite());
  ledger = await openSqlLedger(sql, 'lapor');
  store = await MongoReadModelStore.open({ url: MONGODB_URL, database, catalog: collectionCatalogOf([publicProjection]) });
  await writeFixtureLedger(ledger.events, ledger.vault, 12);
}, 60_000);

afterAll(async () => {
  await raw?.db.dropDatabase();
  await raw?.client.close();
  await store?.close();
  await ledger?.close();
  await sql?.close();
});

/** The second batch of a fresh generation (the first committed), as the runner would hand it to the store (not committed). */
async function secondBatchOf(slot: ProjectionSlot): Promise<ProjectionBatch> {
  // Not the first: a generation still at the start of the ledger is known empty, and its counters are not read back.
  const first = await processBatch(dependencies(), publicProjection, slot, START, 5);
  let captured: ProjectionBatch | undefined;
  const capturing = Object.assign(Object.create(store) as MongoReadModelStore, {
    commitBatch: async (_slot: ProjectionSlot, batch: ProjectionBatch) => void (captured = batch),
  });
  await processBatch({ ...dependencies(), store: capturing }, publicProjection, slot, first.checkpoint, 40);
  if (!captured) throw new Error('no batch was committed');
  return captured;
}

/** Leaves the generation as a crash would: the aggregates of its second batch written, the complaint states not. */
async function crashMidBatch(generation: number, options: { journalMarked: boolean }): Promise<ProjectionSlot> {
  const slot = { projection: publicProjection.name, generation };
  await store.beginGeneration(slot, publicProjection.version);
  const batch = await secondBatchOf(slot);
  const writes = batchWritesOf(slot, batch);
  if (options.journalMarked) {
    const pending = await writeJournal(raw.db, slot, batch.to, batch.toHead, writes);
    await raw.db.collection<{ _id: string }>(GENERATIONS_COLLECTION).updateOne({ _id: generationKey(slot.projection, generation) }, { $set: { pending } });
  }
  const aggregates = writes.filter((write) => /\.(counts|statistics|agencies)\.\d+$/.test(write.collection));
  expect(aggregates.length).toBeGreaterThan(0);
  expect(aggregates.length).toBeLessThan(writes.length);
  await upsertAll(raw.db, aggregates);
  return slot;
}

async function cleanRebuildEquals(slot: ProjectionSlot): Promise<boolean> {
  const clean = await rebuildProjection(dependencies(), publicProjection, { promote: false, batchSize: 500 });
  const equal = JSON.stringify(await store.dumpGeneration(slot)) === JSON.stringify(await store.dumpGeneration(clean.slot));
  await store.dropGeneration(clean.slot);
  return equal;
}

test('a crash after the journal mark, counters written and complaint states not: the next writer finishes the batch, and the read models equal a clean rebuild', async () => {
  const slot = await crashMidBatch(101, { journalMarked: true });
  await catchUp(dependencies(), publicProjection, slot, { batchSize: 7 });
  expect(await cleanRebuildEquals(slot)).toBe(true);
  await store.dropGeneration(slot);
}, 120_000);

test('the same partial write without a journal mark double-counts on replay (what the journal prevents)', async () => {
  const slot = await crashMidBatch(201, { journalMarked: false });
  // The restarted worker: a new store, which knows nothing of what the crashed one wrote.
  const restarted = await MongoReadModelStore.open({ url: MONGODB_URL, database, catalog: collectionCatalogOf([publicProjection]) });
  await catchUp({ ...dependencies(), store: restarted }, publicProjection, slot, { batchSize: 7 }).finally(() => restarted.close());
  expect(await cleanRebuildEquals(slot)).toBe(false);
  await store.dropGeneration(slot);
}, 120_000);

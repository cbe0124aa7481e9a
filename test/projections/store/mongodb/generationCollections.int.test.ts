/**
 * Collections per generation on FerretDB (MONGODB_URL, `.ci/ferretdb-start`): a generation is
 * written without its declared indexes until it is promoted, dropped with its collections,
 * and documents of the older layout (every generation in one collection) are moved on open.
 */
import type { Db, MongoClient } from 'mongodb';
import { START } from '../../../../eventstore/port';
import { collectionCatalogOf } from '../../../../projections/catalog';
import { PUBLIC_PROJECTION, publicComplaintsCollection, publicProjection } from '../../../../projections/public/publicProjection';
import type { ProjectionSlot } from '../../../../projections/store/generations';
import { mongoDocumentOf } from '../../../../projections/store/mongodb/mongoDocument';
import { mongoIndexesOf } from '../../../../projections/store/mongodb/mongoIndexes';
import { MongoReadModelStore } from '../../../../projections/store/mongodb/mongoReadModelStore';
import { openMongoDatabase } from '../../../../projections/store/mongodb/openMongoDatabase';
import { at, listedComplaint, listedComplaints } from '../generationFixtures';

const MONGODB_URL = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/?directConnection=true&retryWrites=false';
const catalog = collectionCatalogOf([publicProjection]);
const opened: { client: MongoClient; db: Db }[] = [];
const stores: MongoReadModelStore[] = [];

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const { client, db } of opened) {
    await db.dropDatabase();
    await client.close();
  }
});

async function freshDatabase(): Promise<{ name: string; db: Db }> {
  const name = `lapor_generations_${process.pid}_${opened.length}_${Date.now()}`;
  const raw = await openMongoDatabase(MONGODB_URL, name, 5000);
  opened.push(raw);
  return { name, db: raw.db };
}

async function openStore(database: string): Promise<MongoReadModelStore> {
  const store = await MongoReadModelStore.open({ url: MONGODB_URL, database, catalog });
  stores.push(store);
  return store;
}




const indexNames = async (db: Db, collection: string): Promise<string[]> => (await db.collection(collection).listIndexes().toArray()).map((index) => String(index.name)).sort();

const collectionNames = async (db: Db): Promise<string[]> => (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => String(c.name)).sort();

test('a generation being built has the _id index only; promoting it builds every declared index, and readers then see it', async () => {
  const { name, db } = await freshDatabase();
  const store = await openStore(name);
  const slot: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 1 };
  await store.beginGeneration(slot, 1);
  await store.commitBatch(slot, { from: START, to: at(2), changes: [listedComplaint('LPR-1', at(1)), listedComplaint('LPR-2', at(2))], poisoned: [] });

  expect(await indexNames(db, 'read.public.complaints.1')).toEqual(['_id_']);
  expect((await listedComplaints(store)).items).toEqual([]);

  await store.promoteGeneration(slot);

  const declared = mongoIndexesOf(publicComplaintsCollection).map((index) => String(index.name));
  expect(await indexNames(db, 'read.public.complaints.1')).toEqual(['_id_', ...declared].sort());
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-1', 'LPR-2']);
});

test('dropping a retired generation drops its collections; the live one stays', async () => {
  const { name, db } = await freshDatabase();
  const store = await openStore(name);
  for (const generation of [1, 2]) {
    const slot = { projection: PUBLIC_PROJECTION, generation };
    await store.beginGeneration(slot, 1);
    await store.commitBatch(slot, { from: START, to: at(1), changes: [listedComplaint(`LPR-${generation}`, at(1))], poisoned: [] });
    await store.promoteGeneration(slot);
  }
  await store.dropGeneration({ projection: PUBLIC_PROJECTION, generation: 1 });
  const names = await collectionNames(db);
  expect(names).not.toContain('read.public.complaints.1');
  expect(names).toContain('read.public.complaints.2');
});

test('documents of the older layout (every generation in one collection) move to their generations\' collections when the store opens', async () => {
  const { name, db } = await freshDatabase();
  await db.collection('read_generations').insertMany([
    { _id: 'public:3', projection: 'public', generation: 3, version: 1, state: 'live', checkpoint: at(5) },
    { _id: 'public:4', projection: 'public', generation: 4, version: 1, state: 'building', checkpoint: at(1) },
  ] as never[]);
  await db.collection('read_live').insertOne({ _id: 'public', generation: 3 } as never);
  await db.collection('read.public.complaints').insertMany([mongoDocumentOf(3, listedComplaint('LPR-OLD', at(5))), mongoDocumentOf(4, listedComplaint('LPR-NEW', at(1)))] as never[]);

  const store = await openStore(name);

  expect(await collectionNames(db)).not.toContain('read.public.complaints');
  expect((await store.getDocument(PUBLIC_PROJECTION, 'complaints', 'LPR-OLD'))?.body).toEqual({ trackingId: 'LPR-OLD' });
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-OLD']);
  const building: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 4 };
  expect((await store.dumpGeneration(building)).map((d) => d.id)).toEqual(['LPR-NEW']);
  await store.promoteGeneration(building);
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-NEW']);
});

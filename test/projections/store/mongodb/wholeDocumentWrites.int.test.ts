/**
 * writeWholeDocuments on FerretDB (MONGODB_URL, `.ci/ferretdb-start`): both ways of replacing
 * documents (upserts for a generation readers see, delete and insert for one being built)
 * leave the same documents, and repeating a write changes nothing.
 */
import type { Db, MongoClient } from 'mongodb';
import { openMongoDatabase } from '../../../../projections/store/mongodb/openMongoDatabase';
import { writeWholeDocuments, type WholeDocumentWrite } from '../../../../projections/store/mongodb/upsertAll';

const MONGODB_URL = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/?directConnection=true&retryWrites=false';
const database = `lapor_whole_${process.pid}_${Date.now()}`;
let raw: { client: MongoClient; db: Db };

beforeAll(async () => {
  raw = await openMongoDatabase(MONGODB_URL, database, 5000);
});

afterAll(async () => {
  await raw.db.dropDatabase();
  await raw.client.close();
});

const write = (collection: string, id: number, version: number): WholeDocumentWrite => ({ collection, document: { _id: `doc-${id}`, version, text: `versi ${version} dokumen ${id}` } });
const stored = (collection: string) => raw.db.collection(collection).find({}).sort({ _id: 1 }).toArray();

describe.each([
  { readers: 'a generation readers see', unseen: false },
  { readers: 'a generation being built', unseen: true },
])('writeWholeDocuments for $readers', ({ unseen }) => {
  const collection = `docs_${unseen ? 'unseen' : 'seen'}`;

  test('existing documents are replaced whole, new ones inserted, and a repeat changes nothing', async () => {
    await raw.db.collection<{ _id: string }>(collection).insertMany(Array.from({ length: 1200 }, (_, id) => write(collection, id, 1).document));
    // 1,100 existing ones (more than one command's worth), 100 of them wrongly "known new", and 300 new ones.
    const batch = Array.from({ length: 1400 }, (_, index) => write(collection, index + 100, 2));
    const isKnownNew = (w: WholeDocumentWrite): boolean => Number(w.document._id.slice(4)) >= 1100;
    await writeWholeDocuments(raw.db, batch, { isKnownNew, unseen });
    const expected = [...Array.from({ length: 100 }, (_, id) => write(collection, id, 1).document), ...batch.map((w) => w.document)].sort((a, b) => a._id.localeCompare(b._id));
    expect(await stored(collection)).toEqual(expected);
    await writeWholeDocuments(raw.db, batch, { isKnownNew, unseen });
    expect(await stored(collection)).toEqual(expected);
  });
});

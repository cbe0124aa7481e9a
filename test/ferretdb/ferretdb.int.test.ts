/**
 * Integration test: a real MongoDB wire-protocol server (FerretDB 1.24.2 in CI,
 * started by `.ci/ferretdb-start`) reached through the official `mongodb` driver.
 *
 * MONGODB_URL defaults to the URL `.ci/ferretdb-start` prints. An unreachable
 * server FAILS this suite (it does not skip): CI starts FerretDB first.
 *
 * The second block pins FerretDB 1.24 behaviours that read models must avoid
 * (see test/ferretdb/README.md); it asserts them only when the server says it is
 * FerretDB (buildInfo.ferretdbVersion), since a real MongoDB differs.
 */
import { Db, Decimal128, MongoClient, MongoServerError } from 'mongodb';

const MONGODB_URL =
  process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/?directConnection=true&retryWrites=false';

const clientOptions = { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000 } as const;

let client: MongoClient | undefined;
let db: Db;
let isFerretDB = false;

function database(): Db {
  if (!client) throw new Error('not connected');
  return db;
}

beforeAll(async () => {
  const c = new MongoClient(MONGODB_URL, clientOptions);
  try {
    await c.connect();
    await c.db('admin').command({ ping: 1 });
  } catch (err) {
    await c.close().catch(() => undefined);
    throw new Error(
      `No MongoDB-compatible server answers at MONGODB_URL=${MONGODB_URL} ` +
        `(${err instanceof Error ? err.message : String(err)}). ` +
        'Start FerretDB first with `.ci/ferretdb-start` (it builds the server on first use), ' +
        'or set MONGODB_URL to a reachable server.',
    );
  }
  client = c;
  const info = await c.db('admin').command({ buildInfo: 1 });
  isFerretDB = 'ferretdbVersion' in info;
  db = c.db(`lapor_it_ferretdb_${process.pid}_${Date.now()}`);
});

afterAll(async () => {
  if (!client) return;
  await db.dropDatabase().catch(() => undefined);
  await client.close();
});

interface Complaint {
  _id: string;
  agency: string;
  status: 'open' | 'closed';
  receivedAt: Date;
  followUps: number;
  lastPosition: number;
}

describe('MongoDB wire protocol (FerretDB in CI)', () => {
  const complaints = () => database().collection<Complaint>('complaints');
  const day = (d: number) => new Date(Date.UTC(2024, 0, d));

  beforeAll(async () => {
    await complaints().insertMany([
      { _id: 'c1', agency: 'kemenkes', status: 'open', receivedAt: day(3), followUps: 0, lastPosition: 1 },
      { _id: 'c2', agency: 'kemenkes', status: 'closed', receivedAt: day(1), followUps: 2, lastPosition: 2 },
      { _id: 'c3', agency: 'polri', status: 'open', receivedAt: day(2), followUps: 1, lastPosition: 3 },
      { _id: 'c4', agency: 'kemenkes', status: 'open', receivedAt: day(5), followUps: 3, lastPosition: 4 },
      { _id: 'c5', agency: 'bpjs', status: 'closed', receivedAt: day(4), followUps: 1, lastPosition: 5 },
    ]);
  });

  test('insert, then find with a filter and a sort', async () => {
    const open = await complaints()
      .find({ status: 'open', agency: { $in: ['kemenkes', 'polri'] } })
      .sort({ receivedAt: -1 })
      .project<{ _id: string }>({ _id: 1 })
      .toArray();
    expect(open.map((d) => d._id)).toEqual(['c4', 'c1', 'c3']);

    const page = await complaints().find({}).sort({ agency: 1, receivedAt: 1 }).skip(1).limit(2).toArray();
    expect(page.map((d) => d._id)).toEqual(['c2', 'c1']);

    const one = await complaints().findOne({ _id: 'c3' });
    expect(one?.receivedAt).toEqual(day(2));
  });

  test('updateOne with upsert inserts once, then updates', async () => {
    const stats = database().collection<{ _id: string; count: number }>('stats');
    const first = await stats.updateOne({ _id: 'kemenkes' }, { $inc: { count: 1 } }, { upsert: true });
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).toBe('kemenkes');

    const second = await stats.updateOne({ _id: 'kemenkes' }, { $inc: { count: 2 } }, { upsert: true });
    expect(second.upsertedCount).toBe(0);
    expect(second.matchedCount).toBe(1);
    expect(await stats.findOne({ _id: 'kemenkes' })).toEqual({ _id: 'kemenkes', count: 3 });
  });

  test('idempotent apply: a write guarded by the last applied position is a no-op when replayed', async () => {
    // The read-model pattern: each document keeps the last ledger position applied.
    const apply = (position: number) =>
      complaints().updateOne(
        { _id: 'c1', lastPosition: { $lt: position } },
        { $set: { status: 'closed', lastPosition: position }, $inc: { followUps: 1 } },
      );
    expect((await apply(10)).modifiedCount).toBe(1);
    expect((await apply(10)).matchedCount).toBe(0); // replayed event: nothing changes
    expect(await complaints().findOne({ _id: 'c1' })).toMatchObject({ status: 'closed', followUps: 1, lastPosition: 10 });
    // restore for the other tests
    await complaints().updateOne({ _id: 'c1' }, { $set: { status: 'open', followUps: 0, lastPosition: 1 } });
  });

  test('a unique index rejects a duplicate with E11000', async () => {
    const trackers = database().collection<{ trackingId: string; complaintId: string }>('trackers');
    await trackers.createIndex({ trackingId: 1 }, { unique: true, name: 'trackingId_unique' });
    await trackers.insertOne({ trackingId: 'LAP-0001', complaintId: 'c1' });

    const dup = trackers.insertOne({ trackingId: 'LAP-0001', complaintId: 'c2' });
    await expect(dup).rejects.toBeInstanceOf(MongoServerError);
    await expect(dup).rejects.toMatchObject({ code: 11000 });

    expect(await trackers.countDocuments({ trackingId: 'LAP-0001' })).toBe(1);
    const names = (await trackers.listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['_id_', 'trackingId_unique']));
  });

  test('countDocuments with and without a filter', async () => {
    expect(await complaints().countDocuments()).toBe(5);
    expect(await complaints().countDocuments({ agency: 'kemenkes' })).toBe(3);
    expect(await complaints().countDocuments({ followUps: { $gte: 1 }, status: 'open' })).toBe(2);
  });

  test('aggregate with $match, $group/$sum and $sort (one accumulator per $group)', async () => {
    // One accumulator per $group: FerretDB 1.24 computes only the first one (see below).
    const casesByAgency = await complaints()
      .aggregate<{ _id: string; cases: number }>([
        { $match: { receivedAt: { $gte: day(1) } } },
        { $group: { _id: '$agency', cases: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(casesByAgency).toEqual([
      { _id: 'bpjs', cases: 1 },
      { _id: 'kemenkes', cases: 3 },
      { _id: 'polri', cases: 1 },
    ]);

    const followUpsByAgency = await complaints()
      .aggregate<{ _id: string; followUps: number }>([
        { $match: { status: { $in: ['open', 'closed'] } } },
        { $group: { _id: '$agency', followUps: { $sum: '$followUps' } } },
        { $sort: { followUps: -1 } },
      ])
      .toArray();
    expect(followUpsByAgency[0]).toEqual({ _id: 'kemenkes', followUps: 5 });
    expect(followUpsByAgency).toHaveLength(3);

    const byStatus = await complaints()
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $count: {} } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(byStatus).toEqual([
      { _id: 'closed', n: 2 },
      { _id: 'open', n: 3 },
    ]);
  });

  test('deleteMany removes exactly the matching documents', async () => {
    const scratch = database().collection<{ _id: number; batch: string }>('scratch');
    await scratch.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, batch: i % 2 === 0 ? 'even' : 'odd' })));
    const res = await scratch.deleteMany({ batch: 'odd' });
    expect(res.deletedCount).toBe(5);
    expect(await scratch.countDocuments()).toBe(5);
    expect(await scratch.countDocuments({ batch: 'odd' })).toBe(0);
  });
});

/**
 * FerretDB 1.24.2 (SQLite backend) differences, verified here so that the README
 * stays true. Skipped in effect (returns early) on a server that is not FerretDB.
 */
describe('FerretDB 1.24 differences our read models must avoid', () => {
  const onFerretDB = (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      if (!isFerretDB) return; // a real MongoDB behaves differently; nothing to pin
      await fn();
    });

  const notImplemented = { code: 238 }; // NotImplemented

  onFerretDB('no transactions', async () => {
    const col = database().collection('tx');
    const session = client!.startSession();
    try {
      await expect(session.withTransaction(async () => void (await col.insertOne({ a: 1 }, { session })))).rejects.toThrow();
    } finally {
      await session.endSession();
    }
  });

  onFerretDB('no change streams', async () => {
    const stream = database().collection('cs').watch();
    try {
      await expect(stream.tryNext()).rejects.toMatchObject(notImplemented);
    } finally {
      await stream.close().catch(() => undefined);
    }
  });

  onFerretDB('no $text search (no text index, no $text operator)', async () => {
    const col = database().collection('text');
    await col.insertOne({ body: 'jalan rusak di desa' });
    await expect(col.createIndex({ body: 'text' })).rejects.toThrow();
    await expect(col.find({ $text: { $search: 'jalan' } }).toArray()).rejects.toThrow(/\$text/);
    // case-insensitive $regex works on both stores (but uses no index)
    expect(await col.countDocuments({ body: { $regex: 'JALAN', $options: 'i' } })).toBe(1);
  });

  onFerretDB('only $sum and $count accumulators; no $avg/$min/$max/$push, no $facet/$lookup, no $expr', async () => {
    const col = database().collection('acc');
    await col.insertMany([{ g: 'a', v: 1 }, { g: 'a', v: 3 }]);
    for (const acc of ['$avg', '$min', '$max', '$push', '$first']) {
      await expect(col.aggregate([{ $group: { _id: '$g', x: { [acc]: '$v' } } }]).toArray()).rejects.toMatchObject(notImplemented);
    }
    await expect(col.aggregate([{ $facet: { n: [{ $count: 'n' }] } }]).toArray()).rejects.toMatchObject(notImplemented);
    await expect(col.aggregate([{ $lookup: { from: 'x', localField: 'g', foreignField: 'g', as: 'j' } }]).toArray()).rejects.toMatchObject(notImplemented);
    await expect(col.find({ $expr: { $gt: ['$v', 1] } }).toArray()).rejects.toMatchObject(notImplemented);
  });

  onFerretDB('a $group with several accumulators computes only the first; the others come back 0', async () => {
    // stages/group.go shares one iterator over the group between all accumulators.
    const col = database().collection('multiacc');
    await col.insertMany([{ g: 'a', v: 2 }, { g: 'a', v: 3 }]);
    const [row] = await col.aggregate([{ $group: { _id: '$g', n: { $sum: 1 }, total: { $sum: '$v' } } }]).toArray();
    expect(row).toEqual({ _id: 'a', n: 2, total: 0 }); // MongoDB: total 5
    const [swapped] = await col.aggregate([{ $group: { _id: '$g', total: { $sum: '$v' }, n: { $sum: 1 } } }]).toArray();
    expect(swapped).toEqual({ _id: 'a', total: 5, n: 0 }); // MongoDB: n 2
  });

  onFerretDB("keys containing '.' or starting with '$' are rejected, at any depth", async () => {
    const col = database().collection('keys');
    await expect(col.insertOne({ 'a.b': 1 })).rejects.toThrow(/must not contain '\.'/);
    await expect(col.insertOne({ $a: 1 })).rejects.toThrow(/must not start with '\$'/);
    await expect(col.insertOne({ nested: { 'kab.kota': 1 } })).rejects.toThrow(/must not contain '\.'/);
  });

  onFerretDB('$elemMatch on an array of subdocuments silently matches nothing (use dotted paths)', async () => {
    const col = database().collection('elem');
    await col.insertOne({ _id: 1 as never, steps: [{ agency: 'a' }, { agency: 'b' }] });
    expect(await col.countDocuments({ steps: { $elemMatch: { agency: 'b' } } })).toBe(0); // MongoDB: 1
    expect(await col.countDocuments({ 'steps.agency': 'b' })).toBe(1);
  });

  onFerretDB('Decimal128 values drop the connection (server-side panic); other clients are unaffected', async () => {
    const other = await new MongoClient(MONGODB_URL, clientOptions).connect();
    try {
      await expect(other.db(database().databaseName).collection('dec').insertOne({ d: Decimal128.fromString('1.5') })).rejects.toThrow();
    } finally {
      await other.close().catch(() => undefined);
    }
    expect(await database().command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  onFerretDB('NUL characters in string values round-trip on the SQLite backend', async () => {
    // The PostgreSQL backend (jsonb) cannot store U+0000; sanitise free text anyway.
    const col = database().collection<{ _id: string; s: string }>('nul');
    await col.insertOne({ _id: 'n', s: 'a\u0000b' });
    expect((await col.findOne({ _id: 'n' }))?.s).toBe('a\u0000b');
  });
});

import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import { specOf, type CollectionCatalog, type CollectionSpec } from '../collectionSpec';
import type { DocumentQuery, Page } from '../documentQuery';
import type { DocumentRef, StoredDocument } from '../documents';
import { CheckpointMoved, type GenerationStatus, type ProjectionSlot } from '../generations';
import type { PoisonRecord } from '../poison';
import { filterOnlyFields, omittingFields, pageFrom } from '../queryRules';
import type { ProjectionBatch, ReadModelStore } from '../readModelStore';
import {
  GenerationShape,
  generationStatusOf,
  PoisonShape,
  poisonRecordOf,
  type GenerationDocument,
  type LivePointerDocument,
  type PoisonDocument,
} from './bookkeepingDocuments';
import { documentKey, documentsCollectionName, GENERATIONS_COLLECTION, generationKey, LIVE_COLLECTION, POISON_COLLECTION } from './collectionNames';
import { moveSharedCollections } from './legacyLayout';
import { liveGenerationOf, readLiveGeneration } from './liveGeneration';
import { storedDocumentFromOwn, storedDocumentOf, type MongoDocument } from './mongoDocument';
import { ensureIndexes, isNamespaceNotFound, mongoIndexesOf } from './mongoIndexes';
import { dropJournal, replayJournal, writeJournal, type PendingBatch } from './batchJournal';
import { batchWritesOf, documentWritesOf } from './batchWrites';
import { writeWholeDocuments, type WholeDocumentWrite } from './upsertAll';
import { WrittenDocuments } from './writtenDocuments';
import { mongoFind } from './mongoQuery';
import { openMongoDatabase } from './openMongoDatabase';

const isDuplicateKey = (error: unknown): boolean => error instanceof MongoServerError && error.code === 11000;

function byCollection<T extends { readonly collection: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.collection);
    if (group) group.push(item);
    else groups.set(item.collection, [item]);
  }
  return groups;
}

/**
 * Read models in MongoDB (FerretDB 1.x in tests). There are no transactions to lean on, so
 * a batch goes through a redo journal (batchJournal): whole documents replaced by id; a
 * crash at any point either leaves the batch unwritten or lets the next commit finish it;
 * the checkpoint moves last, by a compare on the batch's `from`.
 *
 * SINGLE WRITER per projection: the checkpoint compare is an update, which FerretDB 1.x
 * does not make atomic against a concurrent writer (MongoDB does). Run one projection
 * worker per projection (the runner's design); a second one could double-apply a batch.
 * The same rule lets the store remember what it wrote (writtenDocuments) and skip loads.
 */
export class MongoReadModelStore implements ReadModelStore {
  /**
   * FerretDB spends its CPU per document written, and a larger batch writes each complaint's
   * documents once for more of its events. On a ledger in time order (its streams interleaved),
   * first 30k events of 100k complaints over a year: 985 ledger events/s and 0.97 s of
   * FerretDB CPU per 1,000 at 2,500; 1,211/s and 0.75 s at 5,000; 1,652/s and 0.51 s at
   * 10,000 (the most a batch may be), for 684 MB of peak RSS against about 570.
   */
  readonly preferredBatchSize = 10_000;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly catalog: CollectionCatalog,
  ) {}

  /** By generation key: what this writer knows each generation holds. */
  private readonly written = new Map<string, WrittenDocuments>();
  /**
   * Generations this store created. Only these can be known empty from checkpoint '': a
   * restarted worker finds what a crashed one left and asks the server.
   */
  private readonly begun = new Set<string>();

  /** Empty for sure: created here, no checkpoint yet, nothing pending. */
  private knownEmpty(stored: GenerationDocument): boolean {
    return this.begun.has(stored._id) && stored.checkpoint === '' && !stored.pending;
  }

  static async open(options: { url: string; database: string; catalog: CollectionCatalog }): Promise<MongoReadModelStore> {
    const { client, db } = await openMongoDatabase(options.url, options.database);
    try {
      await moveSharedCollections(db, options.catalog);
      // An index a spec declares since the live generation was promoted is built now.
      const pointers = db.collection<LivePointerDocument>(LIVE_COLLECTION);
      for (const [projection, specs] of Object.entries(options.catalog)) {
        const live = await liveGenerationOf(pointers, projection);
        if (live !== undefined) await ensureGenerationIndexes(db, projection, specs, live);
      }
      await db.collection(GENERATIONS_COLLECTION).createIndex({ projection: 1, generation: 1 }, { name: 'read_generations_by_projection' });
      await db.collection(POISON_COLLECTION).createIndex({ projection: 1, generation: 1, position: 1 }, { name: 'read_poison_by_generation' });
    } catch (error) {
      await client.close();
      throw error;
    }
    return new MongoReadModelStore(client, db, options.catalog);
  }

  private get generationsCollection(): Collection<GenerationDocument> {
    return this.db.collection<GenerationDocument>(GENERATIONS_COLLECTION);
  }

  private get livePointers(): Collection<LivePointerDocument> {
    return this.db.collection<LivePointerDocument>(LIVE_COLLECTION);
  }

  private get poisonCollection(): Collection<PoisonDocument> {
    return this.db.collection<PoisonDocument>(POISON_COLLECTION);
  }

  private documents(projection: string, collection: string, generation: number): Collection<MongoDocument> {
    return this.db.collection<MongoDocument>(documentsCollectionName(projection, collection, generation));
  }

  private specsOf(projection: string): readonly CollectionSpec[] {
    return this.catalog[projection] ?? [];
  }

  private async storedGeneration(slot: ProjectionSlot): Promise<GenerationDocument | undefined> {
    const stored = await this.generationsCollection.findOne({ _id: generationKey(slot.projection, slot.generation) });
    return stored ? GenerationShape.parse(stored) : undefined;
  }

  async generations(projection: string): Promise<GenerationStatus[]> {
    const stored = await this.generationsCollection.find({ projection }).sort({ generation: 1 }).toArray();
    const live = await liveGenerationOf(this.livePointers, projection);
    return stored.map((raw) => generationStatusOf(GenerationShape.parse(raw), live));
  }

  async beginGeneration(slot: ProjectionSlot, version: number): Promise<void> {
    const _id = generationKey(slot.projection, slot.generation);
    try {
      await this.generationsCollection.insertOne({ _id, ...slot, version, state: 'building', checkpoint: '' });
      this.begun.add(_id);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** The pointer switch is the one write readers see; the states follow it (see generationStatusOf). */
  async promoteGeneration(slot: ProjectionSlot): Promise<void> {
    const target = await this.storedGeneration(slot);
    if (!target || target.state === 'retired') throw new Error(`${slot.projection} generation ${slot.generation} does not exist or was retired`);
    // Readers query the live generation's collections by their declared indexes: built (in one pass each) before they come.
    await ensureGenerationIndexes(this.db, slot.projection, this.specsOf(slot.projection), slot.generation);
    await this.livePointers.replaceOne({ _id: slot.projection }, { generation: slot.generation }, { upsert: true });
    await this.generationsCollection.updateMany({ projection: slot.projection, state: 'live', generation: { $ne: slot.generation } }, { $set: { state: 'retired' } });
    await this.generationsCollection.updateOne({ _id: target._id }, { $set: { state: 'live' } });
  }

  async dropGeneration(slot: ProjectionSlot): Promise<void> {
    if ((await liveGenerationOf(this.livePointers, slot.projection)) === slot.generation) {
      throw new Error(`${slot.projection} generation ${slot.generation} is live and cannot be dropped`);
    }
    for (const spec of this.specsOf(slot.projection)) await this.documents(slot.projection, spec.name, slot.generation).drop().catch(ignoreMissingNamespace);
    await this.poisonCollection.deleteMany({ projection: slot.projection, generation: slot.generation });
    await dropJournal(this.db, slot);
    this.written.delete(generationKey(slot.projection, slot.generation));
    this.begun.delete(generationKey(slot.projection, slot.generation));
    await this.generationsCollection.deleteOne({ _id: generationKey(slot.projection, slot.generation) });
  }

  /** This writer's copy of a generation, started (complete if the generation is empty) on first use. */
  private async writtenDocuments(slot: ProjectionSlot): Promise<WrittenDocuments | undefined> {
    const key = generationKey(slot.projection, slot.generation);
    const known = this.written.get(key);
    if (known) return known;
    const stored = await this.storedGeneration(slot);
    if (!stored) return undefined;
    const fresh = new WrittenDocuments(stored.checkpoint, this.knownEmpty(stored));
    this.written.set(key, fresh);
    return fresh;
  }

  async loadDocuments(slot: ProjectionSlot, refs: readonly DocumentRef[]): Promise<StoredDocument[]> {
    const written = await this.writtenDocuments(slot);
    const found: StoredDocument[] = [];
    const toLoad: DocumentRef[] = [];
    for (const ref of refs) {
      const known = written ? written.lookup(documentsCollectionName(slot.projection, ref.collection, slot.generation), documentKey(slot.generation, ref.id)) : 'unknown';
      if (known === 'unknown') toLoad.push(ref);
      else if (known) {
        const stored = storedDocumentFromOwn(ref.collection, known);
        if (stored) found.push(stored);
      }
    }
    const loaded = await Promise.all(
      [...byCollection(toLoad)].map(async ([collection, wanted]) => {
        const name = documentsCollectionName(slot.projection, collection, slot.generation);
        const ids = [...new Set(wanted.map((ref) => documentKey(slot.generation, ref.id)))];
        // One lookup per id, sent together: FerretDB (SQLite) finds `{_id: value}` by index but scans the collection for `_id: {$in}`.
        const raw = await Promise.all(ids.map((_id) => this.documents(slot.projection, collection, slot.generation).findOne({ _id })));
        return ids.map((_id, index) => {
          const document = raw[index] ?? undefined;
          const stored = document === undefined ? undefined : storedDocumentOf(collection, document);
          written?.remember(name, _id, document);
          return stored;
        });
      }),
    );
    return [...found, ...loaded.flat().filter((document) => document !== undefined)];
  }

  /**
   * Journal first, then one atomic mark that commits it, then the documents, then the
   * checkpoint (see batchJournal). A batch found pending is a writer's that stopped midway:
   * it is finished here, and the batch in hand (read before it) is refused.
   */
  async commitBatch(slot: ProjectionSlot, batch: ProjectionBatch): Promise<void> {
    const key = generationKey(slot.projection, slot.generation);
    const written = this.written.get(key);
    // Forgotten now and kept only if the batch commits: a failure anywhere leaves nothing stale.
    this.written.delete(key);
    const current = await this.storedGeneration(slot);
    if (!current || current.state === 'retired') throw new CheckpointMoved(slot);
    if (current.pending) {
      await this.finishPending(slot, current.pending);
      throw new CheckpointMoved(slot);
    }
    if (current.checkpoint !== batch.from || (current.streamwiseHead ?? undefined) !== batch.fromHead) throw new CheckpointMoved(slot);
    const known = written?.checkpoint === current.checkpoint ? written : new WrittenDocuments(current.checkpoint, this.knownEmpty(current));
    const documents = documentWritesOf(slot, batch);
    const writes = batchWritesOf(slot, batch, documents);
    const pending = writes.length === 0 ? undefined : await writeJournal(this.db, slot, batch.to, batch.toHead, writes);
    const marked = await this.generationsCollection.updateOne(
      { _id: current._id, checkpoint: batch.from, streamwiseHead: batch.fromHead ?? null, pending: null, state: { $ne: 'retired' } },
      pending ? { $set: { pending } } : { $set: { checkpoint: batch.to, streamwiseHead: batch.toHead ?? null } },
    );
    if (marked.matchedCount === 0) throw new CheckpointMoved(slot);
    if (pending) {
      // Only the writer that builds a generation promotes it, after its last batch: not during this one.
      const unseen = (await liveGenerationOf(this.livePointers, slot.projection)) !== slot.generation;
      await this.finishPending(slot, pending, { writes, known, unseen });
    }
    known.committed(batch.to, documents);
    this.written.set(key, known);
  }

  /** Applies a committed batch (from memory, or from the journal after a crash) and moves the checkpoint past it. */
  private async finishPending(
    slot: ProjectionSlot,
    pending: PendingBatch,
    inMemory?: { readonly writes: readonly WholeDocumentWrite[]; readonly known: WrittenDocuments; readonly unseen: boolean },
  ): Promise<void> {
    if (inMemory) await writeWholeDocuments(this.db, inMemory.writes, { isKnownNew: (write) => inMemory.known.isKnownNew(write), unseen: inMemory.unseen });
    else await replayJournal(this.db, slot, pending);
    await this.generationsCollection.updateOne(
      { _id: generationKey(slot.projection, slot.generation), 'pending.to': pending.to },
      { $set: { checkpoint: pending.to, streamwiseHead: pending.head ?? null, pending: null } },
    );
  }

  async poisonRecords(slot: ProjectionSlot): Promise<PoisonRecord[]> {
    const stored = await this.poisonCollection.find({ projection: slot.projection, generation: slot.generation }).sort({ position: 1 }).toArray();
    return stored.map((raw) => poisonRecordOf(PoisonShape.parse(raw)));
  }

  async getDocument<Body = unknown>(projection: string, collection: string, id: string): Promise<StoredDocument<Body> | undefined> {
    specOf(this.catalog, projection, collection);
    const raw = await readLiveGeneration(this.livePointers, projection, (generation) =>
      this.documents(projection, collection, generation).findOne({ _id: documentKey(generation, id) }),
    );
    return raw ? storedDocumentOf<Body>(collection, raw) : undefined;
  }

  /** BSON has no JSON text to hand out: the decoded body, serialised. */
  async getDocumentJson(projection: string, collection: string, id: string): Promise<string | undefined> {
    const document = await this.getDocument(projection, collection, id);
    return document === undefined ? undefined : JSON.stringify(document.body);
  }

  async findDocuments<Body = unknown>(projection: string, query: DocumentQuery): Promise<Page<Body>> {
    const spec = specOf(this.catalog, projection, query.collection);
    let pageSize = 1;
    const raw = await readLiveGeneration(this.livePointers, projection, (generation) => {
      const find = mongoFind(spec, generation, query);
      pageSize = find.pageSize;
      return this.documents(projection, query.collection, generation).find(find.filter).sort(find.sort).limit(find.limit).toArray();
    });
    const fetched = (raw ?? []).map((document) => storedDocumentOf<Body>(query.collection, document)).filter((document) => document !== undefined);
    const filterOnly = filterOnlyFields(spec);
    const items = fetched.map((d) => ({ ...d, keys: omittingFields(d.keys, filterOnly), body: omittingFields(d.body, query.omitBodyFields) }));
    return pageFrom(items, pageSize, query.orderBy.field);
  }

  async dumpGeneration(slot: ProjectionSlot): Promise<StoredDocument[]> {
    const names = this.specsOf(slot.projection).map((spec) => spec.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const dumped: StoredDocument[] = [];
    for (const collection of names) {
      const raw = await this.documents(slot.projection, collection, slot.generation).find({ generation: slot.generation, deleted: false }).sort({ id: 1 }).toArray();
      for (const document of raw) {
        const stored = storedDocumentOf(collection, document);
        if (stored) dumped.push(stored);
      }
    }
    return dumped;
  }

  /** This store opened its client from the URL, so it closes it. */
  async close(): Promise<void> {
    await this.client.close();
  }
}

const ignoreMissingNamespace = (error: unknown): void => {
  if (!isNamespaceNotFound(error)) throw error;
};

async function ensureGenerationIndexes(db: Db, projection: string, specs: readonly CollectionSpec[], generation: number): Promise<void> {
  for (const spec of specs) await ensureIndexes(db.collection(documentsCollectionName(projection, spec.name, generation)), mongoIndexesOf(spec));
}

import type { AnyBulkWriteOperation, Db, Document } from 'mongodb';
import type { CollectionCatalog } from '../collectionSpec';
import { documentsCollectionName, sharedCollectionName } from './collectionNames';

const CHUNK = 500;

/**
 * Moves the documents of the layout before 29 Nov 2026 (every generation of a collection in
 * one MongoDB collection) into a collection per generation, then drops the shared one. The
 * copy replaces by _id, so a copy cut short by a crash is simply made again at the next start;
 * the shared collection goes only once everything is copied.
 */
export async function moveSharedCollections(db: Db, catalog: CollectionCatalog): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => String(c.name)));
  for (const [projection, specs] of Object.entries(catalog)) {
    for (const spec of specs) {
      const shared = sharedCollectionName(projection, spec.name);
      if (!existing.has(shared)) continue;
      const byGeneration = new Map<number, AnyBulkWriteOperation<Document>[]>();
      const flush = async (generation: number, operations: AnyBulkWriteOperation<Document>[]): Promise<void> => {
        if (operations.length === 0) return;
        await db.collection(documentsCollectionName(projection, spec.name, generation)).bulkWrite(operations, { ordered: false });
        operations.length = 0;
      };
      for await (const document of db.collection(shared).find({})) {
        const generation = Number(document['generation']);
        const operations = byGeneration.get(generation) ?? [];
        byGeneration.set(generation, operations);
        operations.push({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } });
        if (operations.length >= CHUNK) await flush(generation, operations);
      }
      for (const [generation, operations] of byGeneration) await flush(generation, operations);
      await db.collection(shared).drop();
    }
  }
}

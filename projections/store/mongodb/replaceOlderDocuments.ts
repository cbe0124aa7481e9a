import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type WriteError } from 'mongodb';
import type { MongoDocument } from './mongoDocument';

const DUPLICATE_KEY = 11000;

/**
 * Writes each document unless the stored one already has its position or a later one: the
 * filter `lastPosition < position` makes a replay a no-op, and the upsert it then attempts
 * fails with a duplicate key, which means "already newer" and is skipped.
 *
 * Ordered on purpose: FerretDB 1.24 stops an *unordered* bulk write at its first error too
 * (MongoDB would go on), so the only behaviour both share is "stop at the first error";
 * we resume after it. A replay costs one extra round trip per document already newer.
 */
export async function replaceOlderDocuments(collection: Collection<MongoDocument>, documents: readonly MongoDocument[]): Promise<void> {
  let pending: AnyBulkWriteOperation<MongoDocument>[] = documents.map((document) => ({
    replaceOne: { filter: { _id: document._id, lastPosition: { $lt: document.lastPosition } }, replacement: document, upsert: true },
  }));
  while (pending.length > 0) {
    try {
      await collection.bulkWrite(pending, { ordered: true });
      return;
    } catch (error) {
      const failedAt = alreadyNewerAt(error);
      if (failedAt === undefined) throw error;
      pending = pending.slice(failedAt + 1);
    }
  }
}

/** The index of the one write refused as a duplicate key, if that is all that went wrong. */
function alreadyNewerAt(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = error.writeErrors;
  const list: WriteError[] = Array.isArray(errors) ? errors : [errors];
  const [only] = list;
  return list.length === 1 && only?.code === DUPLICATE_KEY ? only.index : undefined;
}

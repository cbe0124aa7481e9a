import type { Db } from 'mongodb';

/** A whole document for one collection, replacing whatever has its _id. */
export interface WholeDocumentWrite {
  readonly collection: string;
  readonly document: { readonly _id: string } & Readonly<Record<string, unknown>>;
}

/**
 * Replaces (or inserts) every document by _id: no read before writing, one unordered bulk
 * write per collection, all collections at once. Repeating it changes nothing.
 */
export async function upsertAll(db: Db, writes: readonly WholeDocumentWrite[]): Promise<void> {
  const byCollection = new Map<string, WholeDocumentWrite['document'][]>();
  for (const { collection, document } of writes) {
    const documents = byCollection.get(collection);
    if (documents) documents.push(document);
    else byCollection.set(collection, [document]);
  }
  await Promise.all(
    [...byCollection].map(([collection, documents]) =>
      db.collection<{ _id: string }>(collection).bulkWrite(
        documents.map((document) => ({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } })),
        { ordered: false },
      ),
    ),
  );
}

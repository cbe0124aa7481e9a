import { lastChangePerDocument } from '../lastChangePerDocument';
import type { ProjectionSlot } from '../generations';
import type { ProjectionBatch } from '../readModelStore';
import { poisonDocumentOf } from './bookkeepingDocuments';
import { documentsCollectionName, POISON_COLLECTION } from './collectionNames';
import { mongoDocumentOf, type MongoDocument } from './mongoDocument';
import type { WholeDocumentWrite } from './upsertAll';

/** A read-model document to write, in its MongoDB collection. */
export interface DocumentWrite extends WholeDocumentWrite {
  readonly document: MongoDocument;
}

/** Each document's last change in the batch. */
export const documentWritesOf = (slot: ProjectionSlot, batch: ProjectionBatch): DocumentWrite[] =>
  lastChangePerDocument(batch.changes).map((change) => ({
    collection: documentsCollectionName(slot.projection, change.collection, slot.generation),
    document: mongoDocumentOf(slot.generation, change),
  }));

/** Everything a batch writes, as whole documents: the documents, and the poison records. */
export function batchWritesOf(slot: ProjectionSlot, batch: ProjectionBatch, documents: readonly DocumentWrite[] = documentWritesOf(slot, batch)): WholeDocumentWrite[] {
  return [...documents, ...batch.poisoned.map((record) => ({ collection: POISON_COLLECTION, document: poisonDocumentOf(slot.projection, slot.generation, record) }))];
}

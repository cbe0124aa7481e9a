import { lastChangePerDocument } from '../lastChangePerDocument';
import type { ProjectionSlot } from '../generations';
import type { ProjectionBatch } from '../readModelStore';
import { poisonDocumentOf } from './bookkeepingDocuments';
import { documentsCollectionName, POISON_COLLECTION } from './collectionNames';
import { mongoDocumentOf } from './mongoDocument';
import type { WholeDocumentWrite } from './upsertAll';

/** Everything a batch writes, as whole documents: each document's last change, and the poison records. */
export function batchWritesOf(slot: ProjectionSlot, batch: ProjectionBatch): WholeDocumentWrite[] {
  return [
    ...lastChangePerDocument(batch.changes).map((change) => ({
      collection: documentsCollectionName(slot.projection, change.collection),
      document: mongoDocumentOf(slot.generation, change),
    })),
    ...batch.poisoned.map((record) => ({ collection: POISON_COLLECTION, document: poisonDocumentOf(slot.projection, slot.generation, record) })),
  ];
}

import { refKey, type DocumentRef, type StoredDocument } from '../store/documents';

/**
 * Documents of the collections a projection keeps resident (aggregates: counters,
 * histograms, per-agency figures; their number does not grow with the ledger), kept in
 * memory from one batch to the next so that a batch does not read them again. Only what a
 * committed batch left behind goes in, so the copy equals the store as long as this
 * writer alone moves the checkpoint; whoever sees the checkpoint move, or any failure,
 * forgets it all (`clear`) and reads from the store again.
 */
export class ResidentDocuments {
  private readonly collections: ReadonlySet<string>;
  /** undefined: known to be absent from the store. */
  private readonly documents = new Map<string, StoredDocument | undefined>();

  constructor(collections: readonly string[] = []) {
    this.collections = new Set(collections);
  }

  holds(ref: DocumentRef): boolean {
    return this.documents.has(refKey(ref));
  }

  get(ref: DocumentRef): StoredDocument | undefined {
    return this.documents.get(refKey(ref));
  }

  /** After a commit: the batch's final state of each resident document it read or wrote. */
  absorb(documents: Iterable<readonly [DocumentRef, StoredDocument | undefined]>): void {
    for (const [ref, document] of documents) {
      if (this.collections.has(ref.collection)) this.documents.set(refKey(ref), document);
    }
  }

  clear(): void {
    this.documents.clear();
  }
}

import type { GlobalPosition } from '../../eventstore/port';
import type { DocumentChange, DocumentRef, PositionedChange, StoredDocument } from '../store/documents';
import { refKey } from '../store/documents';
import type { ProjectionSlot } from '../store/generations';
import type { ReadModelStore } from '../store/readModelStore';
import { ResidentDocuments } from './residentDocuments';

/**
 * The documents one batch reads and writes: taken from the resident documents or loaded
 * from the store once, then read from here, so each event sees the changes of the events
 * before it in the batch. The changes are committed together at the end.
 */
export class BatchWorkingSet {
  private readonly documents = new Map<string, { readonly ref: DocumentRef; readonly document: StoredDocument | undefined }>();
  private readonly log: PositionedChange[] = [];

  constructor(
    private readonly store: ReadModelStore,
    private readonly slot: ProjectionSlot,
    private readonly resident: ResidentDocuments = new ResidentDocuments(),
  ) {}

  async document(ref: DocumentRef): Promise<StoredDocument | undefined> {
    const key = refKey(ref);
    let entry = this.documents.get(key);
    if (entry === undefined) {
      const document = this.resident.holds(ref) ? this.resident.get(ref) : (await this.store.loadDocuments(this.slot, [ref]))[0];
      entry = { ref, document };
      this.documents.set(key, entry);
    }
    return entry.document;
  }

  apply(changes: readonly DocumentChange[], position: GlobalPosition): void {
    for (const change of changes) {
      this.log.push({ ...change, position });
      const ref = { collection: change.collection, id: change.id };
      const document = change.kind === 'put' ? { ...ref, keys: change.keys, body: change.body, lastPosition: position } : undefined;
      this.documents.set(refKey(change), { ref, document });
    }
  }

  get changes(): readonly PositionedChange[] {
    return this.log;
  }

  /** Every document the batch read or wrote, as it stands at the end of the batch. */
  *finalDocuments(): Iterable<readonly [DocumentRef, StoredDocument | undefined]> {
    for (const { ref, document } of this.documents.values()) yield [ref, document];
  }
}

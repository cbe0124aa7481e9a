import type { GlobalPosition } from '../../eventstore/port';
import type { DocumentChange, DocumentRef, PositionedChange, StoredDocument } from '../store/documents';
import { refKey } from '../store/documents';
import type { ProjectionSlot } from '../store/generations';
import type { ReadModelStore } from '../store/readModelStore';
import { ResidentDocuments } from './residentDocuments';

/**
 * The documents one batch reads and writes: taken from the resident documents or loaded
 * from the store once (in bulk where the projection said what it needs), then read from
 * here, so each event sees the changes of the events before it in the batch. The changes
 * are committed together at the end.
 */
export class BatchWorkingSet {
  private readonly documents = new Map<string, { readonly ref: DocumentRef; readonly document: StoredDocument | undefined }>();
  private readonly log: PositionedChange[] = [];

  constructor(
    private readonly store: ReadModelStore,
    private readonly slot: ProjectionSlot,
    private readonly resident: ResidentDocuments = new ResidentDocuments(),
  ) {}

  async prefetch(refs: readonly DocumentRef[]): Promise<void> {
    const missing = new Map<string, DocumentRef>();
    for (const ref of refs) {
      const key = refKey(ref);
      if (this.documents.has(key) || missing.has(key)) continue;
      if (this.resident.holds(ref)) this.documents.set(key, { ref, document: this.resident.get(ref) });
      else missing.set(key, ref);
    }
    if (missing.size === 0) return;
    const found = new Map((await this.store.loadDocuments(this.slot, [...missing.values()])).map((d) => [refKey(d), d]));
    for (const [key, ref] of missing) this.documents.set(key, { ref, document: found.get(key) });
  }

  async document(ref: DocumentRef): Promise<StoredDocument | undefined> {
    const key = refKey(ref);
    if (!this.documents.has(key)) await this.prefetch([ref]);
    return this.documents.get(key)?.document;
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

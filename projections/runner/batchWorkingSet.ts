import type { GlobalPosition } from '../../eventstore/port';
import type { DocumentChange, DocumentRef, PositionedChange, StoredDocument } from '../store/documents';
import { refKey } from '../store/documents';
import type { ProjectionSlot } from '../store/generations';
import type { ReadModelStore } from '../store/readModelStore';

/**
 * The documents one batch reads and writes: loaded from the store once (in bulk where the
 * projection said what it needs), then read from here, so each event sees the changes of
 * the events before it in the batch. The changes are committed together at the end.
 */
export class BatchWorkingSet {
  private readonly documents = new Map<string, StoredDocument | undefined>();
  private readonly log: PositionedChange[] = [];

  constructor(
    private readonly store: ReadModelStore,
    private readonly slot: ProjectionSlot,
  ) {}

  async prefetch(refs: readonly DocumentRef[]): Promise<void> {
    const missing = [...new Map(refs.filter((r) => !this.documents.has(refKey(r))).map((r) => [refKey(r), r])).values()];
    if (missing.length === 0) return;
    const found = new Map((await this.store.loadDocuments(this.slot, missing)).map((d) => [refKey(d), d]));
    for (const ref of missing) this.documents.set(refKey(ref), found.get(refKey(ref)));
  }

  async document(ref: DocumentRef): Promise<StoredDocument | undefined> {
    const key = refKey(ref);
    if (!this.documents.has(key)) await this.prefetch([ref]);
    return this.documents.get(key);
  }

  apply(changes: readonly DocumentChange[], position: GlobalPosition): void {
    for (const change of changes) {
      this.log.push({ ...change, position });
      this.documents.set(
        refKey(change),
        change.kind === 'put' ? { collection: change.collection, id: change.id, keys: change.keys, body: change.body, lastPosition: position } : undefined,
      );
    }
  }

  get changes(): readonly PositionedChange[] {
    return this.log;
  }
}

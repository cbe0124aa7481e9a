import type { GlobalPosition } from '../../eventstore/port';
import type { DocumentChange, DocumentRef, PositionedChange, StoredDocument } from '../store/documents';
import { refKey } from '../store/documents';
import type { ProjectionSlot } from '../store/generations';
import type { ReadModelStore } from '../store/readModelStore';
import { ResidentDocuments } from './residentDocuments';

/** A document as the batch has it: as read, or as its last change in the batch left it. */
type Entry =
  | { readonly read: StoredDocument | undefined; readonly ref: DocumentRef }
  | { readonly written: DocumentChange; readonly position: GlobalPosition };

const documentOf = (entry: Entry): StoredDocument | undefined => {
  if ('ref' in entry) return entry.read;
  const change = entry.written;
  return change.kind === 'put' ? { collection: change.collection, id: change.id, keys: change.keys, body: change.body, lastPosition: entry.position } : undefined;
};

const positionOf = (entry: Entry | undefined): GlobalPosition | undefined => (entry === undefined ? undefined : 'ref' in entry ? entry.read?.lastPosition : entry.position);

/**
 * The documents one batch reads and writes: taken from the resident documents or loaded
 * from the store once, then read from here, so each event sees the changes of the events
 * before it in the batch. Only each document's last change is kept (an aggregate changes
 * at nearly every event), and committed at the end.
 */
export class BatchWorkingSet {
  private readonly documents = new Map<string, Entry>();
  /** While `tentatively` runs: each write's key and the entry it replaced. */
  private undoLog: [string, Entry | undefined][] | undefined;

  constructor(
    private readonly store: ReadModelStore,
    private readonly slot: ProjectionSlot,
    private readonly resident: ResidentDocuments = new ResidentDocuments(),
  ) {}

  async document(ref: DocumentRef): Promise<StoredDocument | undefined> {
    const key = refKey(ref);
    const entry = this.documents.get(key);
    if (entry !== undefined) return documentOf(entry);
    const read = this.resident.holds(ref) ? this.resident.get(ref) : (await this.store.loadDocuments(this.slot, [ref]))[0];
    this.documents.set(key, { read, ref });
    return read;
  }

  /**
   * A document keeps the latest position of the events that changed it. A rebuild that reads
   * the ledger stream by stream applies events out of global order; an aggregate (a sum,
   * whatever the order) then ends with the same position as when built in ledger order.
   */
  apply(changes: readonly DocumentChange[], position: GlobalPosition): void {
    for (const change of changes) {
      const key = refKey(change);
      const previous = this.documents.get(key);
      this.undoLog?.push([key, previous]);
      const earlier = positionOf(previous);
      this.documents.set(key, { written: change, position: earlier !== undefined && earlier > position ? earlier : position });
    }
  }

  /** Runs `work`; when it throws, every document it wrote is as it was before, and the error goes on. */
  async tentatively(work: () => Promise<void>): Promise<void> {
    const log: [string, Entry | undefined][] = [];
    this.undoLog = log;
    try {
      await work();
    } catch (error) {
      for (const [key, previous] of log.reverse()) {
        if (previous === undefined) this.documents.delete(key);
        else this.documents.set(key, previous);
      }
      throw error;
    } finally {
      this.undoLog = undefined;
    }
  }

  /** The last change of each document written, in the order the documents were first touched. */
  get changes(): PositionedChange[] {
    const changes: PositionedChange[] = [];
    for (const entry of this.documents.values()) if ('written' in entry) changes.push({ ...entry.written, position: entry.position });
    return changes;
  }

  /** Every document the batch read or wrote, as it stands at the end of the batch. */
  *finalDocuments(): Iterable<readonly [DocumentRef, StoredDocument | undefined]> {
    for (const entry of this.documents.values()) yield ['ref' in entry ? entry.ref : entry.written, documentOf(entry)];
  }
}

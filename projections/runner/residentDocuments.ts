import { LeastRecentlyUsed } from '../shared/leastRecentlyUsed';
import { WrittenIdFilter } from '../shared/writtenIdFilter';
import { refKey, type DocumentRef, type StoredDocument } from '../store/documents';

/** Aggregates of the busiest stretch of months and agencies: a few hundred kilobytes per thousand. */
const DEFAULT_CAPACITY = 20_000;

/**
 * Documents of the collections a projection keeps resident (aggregates: counters,
 * histograms, per-agency and per-month figures, read by nearly every batch), kept in
 * memory from one batch to the next so that a batch does not read them again. Bounded: the
 * least recently used are forgotten first, and read from the store when needed again.
 * Only what a committed batch left behind goes in, so the copy equals the store as long as
 * this writer alone moves the checkpoint; whoever sees the checkpoint move, or any failure,
 * forgets it all (`clear`) and reads from the store again.
 *
 * For a generation this writer starts empty (`startEmpty`), a filter of every id it keeps
 * tells which of those documents cannot exist: a rebuild does not ask the store for each new
 * per-agency or per-month figure, one round trip each.
 */
export class ResidentDocuments {
  private readonly collections: ReadonlySet<string>;
  /** undefined: known to be absent from the store. */
  private readonly documents: LeastRecentlyUsed<StoredDocument | undefined>;

  /** The generation was empty when this writer started it, and only this writer has filled it since. */
  private startedEmpty = false;
  /** Every id kept since then: made on the first one (a runner polling an empty ledger allocates nothing). */
  private kept: WrittenIdFilter | undefined;

  constructor(collections: readonly string[] = [], capacity = DEFAULT_CAPACITY) {
    this.collections = new Set(collections);
    this.documents = new LeastRecentlyUsed(capacity);
  }

  /** The generation holds nothing yet, and only this writer fills it. */
  startEmpty(): void {
    this.startedEmpty = true;
  }

  /** Whether `get` answers for the document (undefined: known absent). */
  holds(ref: DocumentRef): boolean {
    const key = refKey(ref);
    if (this.documents.has(key)) return true;
    return this.startedEmpty && this.collections.has(ref.collection) && !(this.kept?.mightHold(key) ?? false);
  }

  get(ref: DocumentRef): StoredDocument | undefined {
    return this.documents.get(refKey(ref));
  }

  /** After a commit: the batch's final state of each resident document it read or wrote. */
  absorb(documents: Iterable<readonly [DocumentRef, StoredDocument | undefined]>): void {
    for (const [ref, document] of documents) {
      if (!this.collections.has(ref.collection)) continue;
      const key = refKey(ref);
      this.documents.set(key, document);
      if (this.startedEmpty) (this.kept ??= new WrittenIdFilter()).add(key);
    }
  }

  clear(): void {
    this.documents.clear();
    this.startedEmpty = false;
    this.kept = undefined;
  }
}

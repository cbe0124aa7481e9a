import { LeastRecentlyUsed } from '../../shared/leastRecentlyUsed';
import type { MongoDocument } from './mongoDocument';
import type { DocumentWrite } from './batchWrites';
import type { WholeDocumentWrite } from './upsertAll';
import { WrittenIdFilter } from '../../shared/writtenIdFilter';

/**
 * What one generation's collections hold, as far as this writer knows, in memory that does
 * not grow with the generation: the documents it used last (tombstones included, and
 * `undefined` for ids found absent), and, for a generation this store created and first saw
 * empty (checkpoint '', nothing pending: `complete`), a filter of every id it wrote, so that
 * an id the filter never saw is known absent: a rebuild loads no new document and inserts it
 * without an upsert. FerretDB's SQLite backend looks nothing up by index but `_id`, and
 * `_id $in` not even that, so every load it is spared is a scan or a round trip saved.
 *
 * Valid while this writer alone moves the checkpoint (one writer per projection):
 * `checkpoint` is where this writer left it, and the store forgets the whole copy when the
 * stored checkpoint is elsewhere and on any failure.
 */
export class WrittenDocuments {
  /** Per generation, about 3 KB each in memory: a batch or two of documents. */
  static readonly RECENT_DOCUMENTS = 2_000;

  private readonly recent = new LeastRecentlyUsed<MongoDocument | undefined>(WrittenDocuments.RECENT_DOCUMENTS);
  private readonly written: WrittenIdFilter | undefined;

  constructor(
    /** Where this writer left the checkpoint. */
    public checkpoint: string,
    complete: boolean,
  ) {
    this.written = complete ? new WrittenIdFilter() : undefined;
  }

  /** The document, `undefined` when known absent, `'unknown'` when the server must be asked. */
  lookup(collection: string, _id: string): MongoDocument | undefined | 'unknown' {
    const key = keyOf(collection, _id);
    if (this.recent.has(key)) return this.recent.get(key);
    return this.written && !this.written.mightHold(key) ? undefined : 'unknown';
  }

  isKnownNew(write: WholeDocumentWrite): boolean {
    return this.lookup(write.collection, write.document._id) === undefined;
  }

  remember(collection: string, _id: string, document: MongoDocument | undefined): void {
    const key = keyOf(collection, _id);
    this.recent.set(key, document);
    if (document !== undefined) this.written?.add(key);
  }

  /** After a committed batch: its documents written, the checkpoint moved. */
  committed(checkpoint: string, writes: readonly DocumentWrite[]): void {
    for (const { collection, document } of writes) this.remember(collection, document._id, document);
    this.checkpoint = checkpoint;
  }
}

const keyOf = (collection: string, _id: string): string => `${collection}\u0001${_id}`;

import type { MongoDocument } from './mongoDocument';
import type { DocumentWrite } from './batchWrites';
import type { WholeDocumentWrite } from './upsertAll';

/**
 * What one generation's collections hold, as far as this writer knows: the documents it
 * loaded or wrote (tombstones included), and `undefined` for ids it found absent. A
 * generation this store created and first sees empty (checkpoint '', nothing pending) is `complete`: an id
 * not listed is absent, so a rebuild loads nothing and inserts its new documents without
 * an upsert. FerretDB's SQLite backend looks nothing up by index but `_id`, and `_id $in`
 * not even that, so every load it is spared is a scan saved.
 *
 * Valid while this writer alone moves the checkpoint (one writer per projection):
 * `checkpoint` is where this writer left it, and the store forgets the whole copy when the
 * stored checkpoint is elsewhere, on any failure, and past `MAX_DOCUMENTS` (memory stays
 * bounded; loads then go to the server again).
 */
export class WrittenDocuments {
  private readonly documents = new Map<string, MongoDocument | undefined>();

  constructor(
    /** Where this writer left the checkpoint. */
    public checkpoint: string,
    readonly complete: boolean,
  ) {}

  static readonly MAX_DOCUMENTS = 200_000;

  get overfull(): boolean {
    return this.documents.size > WrittenDocuments.MAX_DOCUMENTS;
  }

  /** The document, `undefined` when known absent, `'unknown'` when the server must be asked. */
  lookup(collection: string, _id: string): MongoDocument | undefined | 'unknown' {
    const key = keyOf(collection, _id);
    if (this.documents.has(key)) return this.documents.get(key);
    return this.complete ? undefined : 'unknown';
  }

  isKnownNew(write: WholeDocumentWrite): boolean {
    return this.lookup(write.collection, write.document._id) === undefined;
  }

  remember(collection: string, _id: string, document: MongoDocument | undefined): void {
    this.documents.set(keyOf(collection, _id), document);
  }

  /** After a committed batch: its documents written, the checkpoint moved. */
  committed(checkpoint: string, writes: readonly DocumentWrite[]): void {
    for (const { collection, document } of writes) this.remember(collection, document._id, document);
    this.checkpoint = checkpoint;
  }
}

const keyOf = (collection: string, _id: string): string => `${collection}\u0001${_id}`;

import type { DocumentQuery, Page } from './documentQuery';
import type { StoredDocument } from './documents';

/**
 * What the read API uses: documents of a projection's live generation only. A rebuild
 * switches every reader to the new generation at once.
 */
export interface ReadModelReader {
  getDocument<Body = unknown>(projection: string, collection: string, id: string): Promise<StoredDocument<Body> | undefined>;
  findDocuments<Body = unknown>(projection: string, query: DocumentQuery): Promise<Page<Body>>;
}

import type { DocumentQuery, Page } from './documentQuery';
import type { StoredDocument } from './documents';

/**
 * What the read API uses: documents of a projection's live generation only. A rebuild
 * switches every reader to the new generation at once.
 */
export interface ReadModelReader {
  getDocument<Body = unknown>(projection: string, collection: string, id: string): Promise<StoredDocument<Body> | undefined>;
  /**
   * A document's body as JSON text, unparsed: for a route that serves a body its projection
   * already validated, as it is. Key order and spacing are the store's own.
   */
  getDocumentJson(projection: string, collection: string, id: string): Promise<string | undefined>;
  /** Found documents carry their keys without the `strings` fields (search terms, for filters only). */
  findDocuments<Body = unknown>(projection: string, query: DocumentQuery): Promise<Page<Body>>;
}

import { LAST_POSITION } from '../store/collectionSpec';
import type { ReadModelReader } from '../store/readModelReader';
import { ATTACHMENT_READERS_PROJECTION, attachmentReadersCollection } from './attachmentReadersProjection';

/**
 * Whether some complaint in the ledger references the attachment, as the attachments read model
 * knows it: the admin's view shows every attachment of a complaint (its own, follow-ups' and
 * messages'), so each reference has a readers document. The model lags the ledger by the
 * projection's delay; the upload sweep asks only about files left untouched far longer.
 */
export const attachmentReferencedInReadModel =
  (reader: ReadModelReader) =>
  async (attachmentId: string): Promise<boolean> => {
    const page = await reader.findDocuments(ATTACHMENT_READERS_PROJECTION, {
      collection: attachmentReadersCollection.name,
      where: [{ field: 'attachmentId', op: 'eq', value: attachmentId }],
      orderBy: { field: LAST_POSITION, direction: 'asc' },
      limit: 1,
    });
    return page.items.length > 0;
  };

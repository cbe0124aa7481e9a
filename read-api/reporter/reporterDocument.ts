import { z } from 'zod';
import type { FindReceipt } from '../../commands/http/receipt';
import type { TrackingId } from '../../domain/trackingId';
import { REPORTER_PROJECTION, reporterComplaintsCollection } from '../../projections/reporter/reporterProjection';
import type { ReadModelReader } from '../../projections/store/readModelReader';
import { CaseViewSchema } from '../views/caseViewSchema';

/** The reporter read model's document: the view, and the hash that never leaves the server. */
export const ReporterDocument = z.object({ view: CaseViewSchema, accessCodeHash: z.string().nullable() });
export type ReporterDocument = z.infer<typeof ReporterDocument>;

/** A complaint as its reporter sees it, and the account that filed it ('' when none did). */
export async function findReporterDocument(
  reader: ReadModelReader,
  trackingId: TrackingId,
): Promise<{ readonly document: ReporterDocument; readonly accountId: string } | undefined> {
  const stored = await reader.getDocument(REPORTER_PROJECTION, reporterComplaintsCollection.name, trackingId);
  if (stored === undefined) return undefined;
  const { accountId } = stored.keys;
  return { document: ReporterDocument.parse(stored.body), accountId: typeof accountId === 'string' ? accountId : '' };
}

/** The receipt-holder routes of the command side find complaints here, as the reporter's GET does. */
export const reporterReceipts =
  (reader: ReadModelReader): FindReceipt =>
  async (trackingId) => {
    const found = await findReporterDocument(reader, trackingId);
    return found && { complaintId: found.document.view.complaintId, accessCodeHash: found.document.accessCodeHash };
  };

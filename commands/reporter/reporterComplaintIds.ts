import type { EventStore, GlobalPosition } from '../../eventstore/port';
import { START } from '../../eventstore/port';
import { REPORTER_PROJECTION, reporterComplaintsCollection, type ReporterComplaintDocument } from '../../projections/reporter/reporterProjection';
import type { ReadModelStore } from '../../projections/store/readModelStore';

/** The ids of every complaint an account submitted. */
export type ReporterComplaintIds = (accountId: string) => Promise<ReadonlySet<string>>;

const COMPLAINT_STREAM = /^complaint-(.+)$/;
const PAGE = 500;

/**
 * Read model first, ledger for the rest. The reporter read model indexes complaints by
 * account, so it answers without scanning the ledger; but it lags, and a complaint filed
 * a moment before the erasure may not be in it yet. So the live generation's checkpoint is
 * read BEFORE its documents (documents are then at least that fresh), and the ledger after
 * that checkpoint is scanned for submissions by the account: together they miss nothing
 * committed before the scan. Without a read model (or before one is live) the whole
 * ledger is scanned, which is exact but slow on a large ledger.
 */
export function reporterComplaintIds(deps: { readonly ledger: EventStore; readonly readModel?: ReadModelStore }): ReporterComplaintIds {
  return async (accountId) => {
    const ids = new Set<string>();
    let after: GlobalPosition = START;
    if (deps.readModel) {
      const live = (await deps.readModel.generations(REPORTER_PROJECTION)).find((generation) => generation.state === 'live');
      if (live) {
        after = live.checkpoint;
        let cursor: string | undefined;
        do {
          const page = await deps.readModel.findDocuments<ReporterComplaintDocument>(REPORTER_PROJECTION, {
            collection: reporterComplaintsCollection.name,
            where: [{ field: 'accountId', op: 'eq', value: accountId }],
            orderBy: { field: 'submittedAt', direction: 'asc' },
            limit: PAGE,
            ...(cursor === undefined ? {} : { cursor }),
          });
          for (const document of page.items) ids.add(document.body.view.complaintId);
          cursor = page.next;
        } while (cursor !== undefined);
      }
    }
    for (;;) {
      const batch = await deps.ledger.readAll({ after, maxCount: PAGE });
      for (const event of batch) {
        const complaintId = COMPLAINT_STREAM.exec(event.streamId)?.[1];
        const { actor } = event.metadata;
        if (complaintId && event.type === 'ComplaintSubmitted' && actor.role === 'reporter' && actor.id === accountId) ids.add(complaintId);
      }
      if (batch.length < PAGE) return ids;
      after = batch.at(-1)!.globalPosition;
    }
  };
}

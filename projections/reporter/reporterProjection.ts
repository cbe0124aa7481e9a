import { viewFor, type CaseView } from '../../domain/complaint';
import type { Projection } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import { sortableInstant } from '../shared/instants';
import type { RenderedDocument } from '../shared/renderedDocuments';
import { visibilityInputOf, type TrackedComplaint } from '../shared/trackedComplaint';

export const REPORTER_PROJECTION = 'reporter';

/**
 * A reporter's complaints, by tracking id, with the reporter's view (confidential content
 * included). The read side proves who asks before it answers: the account id must equal
 * `accountId`, or the receipt access code must match `accessCodeHash` (never sent out).
 */
export const reporterComplaintsCollection: CollectionSpec = {
  name: 'complaints',
  fields: { accountId: 'string', submittedAt: 'string' },
  indexes: [{ equals: ['accountId'], orderBy: 'submittedAt' }],
};

export interface ReporterComplaintDocument {
  readonly view: CaseView;
  readonly accessCodeHash: string | null;
}

function render(tracked: TrackedComplaint): RenderedDocument[] {
  const { complaint } = tracked;
  // The access-code proof sees exactly what the account proof sees; the read side checks either.
  const view = viewFor({ kind: 'reporter', proof: { by: 'access_code' } }, visibilityInputOf(tracked));
  if (view?.shape !== 'case') return [];
  const body: ReporterComplaintDocument = { view, accessCodeHash: complaint.accessCodeHash ?? null };
  const keys = { accountId: complaint.reporterAccountId ?? '', submittedAt: sortableInstant(view.submittedAt) };
  return [{ collection: reporterComplaintsCollection.name, id: view.trackingId, keys, body }];
}

export const reporterProjection: Projection = {
  name: REPORTER_PROJECTION,
  // 2: no private copy of each complaint's state (folded from the ledger for every projection).
  version: 2,
  collections: [reporterComplaintsCollection],
  render,
};

import { viewFor, type Complaint } from '../../domain/complaint';
import type { Projection } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import { LAST_POSITION } from '../store/collectionSpec';
import { sortableInstant } from '../shared/instants';
import type { RenderedDocument } from '../shared/renderedDocuments';
import { visibilityInputOf, type TrackedComplaint } from '../shared/trackedComplaint';

export const AGENCY_PROJECTION = 'agency';

/**
 * One document per agency and complaint it was ever involved in (`<agencyId>/<complaintId>`),
 * shaped by viewFor(agency). The queue is `inQueue` by due date; everything it handled, and
 * its incremental feed, are the same documents by lastPosition: a document moves only when
 * what this agency sees changed, and a rebuild gives every document the same position again.
 */
export const agencyCasesCollection: CollectionSpec = {
  name: 'cases',
  fields: { agencyId: 'string', inQueue: 'boolean', open: 'boolean', stage: 'string', dueAt: 'string', status: 'string' },
  indexes: [
    { equals: ['agencyId', 'inQueue'], orderBy: 'dueAt' },
    { equals: ['agencyId'], orderBy: LAST_POSITION },
  ],
};

/** The agency must act: it owns the complaint (or its unit does), or the complaint was raised to it. */
function needsActionFrom(complaint: Complaint, agencyId: string): boolean {
  if (complaint.status === 'closed') return false;
  const { owner } = complaint;
  const owns = owner.kind === 'agency' && (owner.agencyId === agencyId || owner.unitId === agencyId);
  return owns || complaint.escalations.some((e) => e.raisedToAgencyId === agencyId && owner.kind === 'agency');
}

function render(tracked: TrackedComplaint): RenderedDocument[] {
  const { complaint } = tracked;
  return complaint.agenciesInvolved.flatMap((agencyId) => {
    const view = viewFor({ kind: 'agency', agencyId }, visibilityInputOf(tracked));
    if (view?.shape !== 'case') return [];
    const keys = {
      agencyId,
      inQueue: needsActionFrom(complaint, agencyId),
      open: view.status !== 'closed',
      stage: view.deadline?.stage ?? '',
      dueAt: sortableInstant(view.deadline?.dueAt),
      status: view.status,
    };
    return [{ collection: agencyCasesCollection.name, id: `${agencyId}/${complaint.complaintId}`, keys, body: view }];
  });
}

export const agencyProjection: Projection = {
  name: AGENCY_PROJECTION,
  // 2: no private copy of each complaint's state (folded from the ledger for every projection).
  version: 2,
  collections: [agencyCasesCollection],
  render,
};

import { viewFor, type ComplaintEvent } from '../../domain/complaint';
import type { Projection, ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';
import { agenciesCollection, agencyMonthChanges, agencyMonthsCollection, agencyPerformanceChanges } from '../shared/agencyPerformance';
import { countChanges, countsCollection, type Tally } from '../shared/counters';
import { sortableInstant } from '../shared/instants';
import { milestonesOf } from '../shared/milestones';
import type { RenderedDocument } from '../shared/renderedDocuments';
import { visibilityInputOf, type ComplaintTransition, type TrackedComplaint } from '../shared/trackedComplaint';

export const OVERSIGHT_PROJECTION = 'oversight';

/**
 * Every complaint in full (viewFor(ombudsman)), by complaint id, with the keys the
 * Ombudsman's lists need: breaches (open, stage, dueAt before now), bouncing (declineCount
 * of two or more), unowned too long (in the admin queue since before a cut-off).
 */
export const oversightComplaintsCollection: CollectionSpec = {
  name: 'complaints',
  fields: {
    open: 'boolean',
    status: 'string',
    stage: 'string',
    dueAt: 'string',
    ownerKind: 'string',
    agencyId: 'string',
    ownedSince: 'string',
    declineCount: 'number',
    escalated: 'boolean',
    trackingId: 'string',
    submittedAt: 'string',
  },
  indexes: [
    { equals: ['open', 'stage'], orderBy: 'dueAt' },
    { equals: ['open', 'ownerKind'], orderBy: 'ownedSince' },
    { equals: [], orderBy: 'declineCount' },
    { equals: ['trackingId'], orderBy: 'submittedAt' },
    { equals: [], orderBy: 'submittedAt' },
  ],
};

function render(tracked: TrackedComplaint): RenderedDocument[] {
  const view = viewFor({ kind: 'ombudsman' }, visibilityInputOf(tracked));
  if (view?.shape !== 'case') return [];
  const { complaint } = tracked;
  const keys = {
    open: view.status !== 'closed',
    status: view.status,
    stage: view.deadline?.stage ?? '',
    dueAt: sortableInstant(view.deadline?.dueAt),
    ownerKind: view.owner.kind,
    agencyId: view.owner.kind === 'agency' ? view.owner.agencyId : '',
    ownedSince: sortableInstant(tracked.ownedSince),
    declineCount: complaint.declines.length,
    escalated: view.escalated,
    trackingId: view.trackingId,
    submittedAt: sortableInstant(view.submittedAt),
  };
  return [{ collection: oversightComplaintsCollection.name, id: complaint.complaintId, keys, body: view }];
}

/** Escalations counted by cause and by stage: breaches recorded, not only breaches running now. */
const escalationTallies = ({ complaint }: TrackedComplaint): Tally[] =>
  complaint.escalations.map((e) => ['escalation', `${e.cause}:${e.stage ?? 'none'}`] as const);

async function aggregate(event: ComplaintEvent, transition: ComplaintTransition, context: ProjectionContext): Promise<DocumentChange[]> {
  const milestones = milestonesOf(event, transition);
  return [
    ...(await countChanges(transition.before ? escalationTallies(transition.before) : [], escalationTallies(transition.after), context)),
    ...(await agencyPerformanceChanges(milestones, context)),
    ...(await agencyMonthChanges(milestones, context, event.data.at)),
  ];
}

export const oversightProjection: Projection = {
  name: OVERSIGHT_PROJECTION,
  // v2: agency compliance by month. v3: no private copy of each complaint's state.
  version: 3,
  collections: [oversightComplaintsCollection, countsCollection, agenciesCollection, agencyMonthsCollection],
  // Not the agency months: there is one per agency and Jakarta month (about 100k over the
  // ledger's years), so keeping them in memory grew the writer with the ledger; a batch reads
  // the few months its events fall in.
  residentCollections: [countsCollection.name, agenciesCollection.name, agencyMonthsCollection.name],
  render,
  aggregate,
};

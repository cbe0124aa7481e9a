import { viewFor } from '../../domain/complaint';
import type { Projection } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import { agenciesCollection } from '../shared/agencyPerformance';
import { countsCollection } from '../shared/counters';
import { sortableInstant } from '../shared/instants';
import type { RenderedDocument } from '../shared/renderedDocuments';
import { searchTerms } from '../shared/searchTerms';
import { visibilityInputOf, type TrackedComplaint } from '../shared/trackedComplaint';
import { PublicComplaintPage } from './publicComplaintPage';
import { publicStatisticsChanges, statisticsCollection } from './publicStatistics';

export const PUBLIC_PROJECTION = 'public';

/**
 * Public complaints, by tracking id. Listed ones carry the filter keys; a confidential one is
 * a status-only entry with no keys but `listed: false`, so no filter can find it and only its
 * tracking id reaches it. Keys are taken from the public view, never from the complaint.
 */
export const publicComplaintsCollection: CollectionSpec = {
  name: 'complaints',
  fields: {
    listed: 'boolean',
    status: 'string',
    category: 'string',
    province: 'string',
    region: 'string',
    agency: 'string',
    kind: 'string',
    submittedAt: 'string',
    terms: 'strings',
  },
  indexes: [
    { equals: ['listed'], orderBy: 'submittedAt' },
    { equals: ['listed', 'category'], orderBy: 'submittedAt' },
    { equals: ['listed', 'province'], orderBy: 'submittedAt' },
    { equals: ['listed', 'agency'], orderBy: 'submittedAt' },
    { equals: ['listed', 'status'], orderBy: 'submittedAt' },
    // Category within a province, the common pair on the public list: the index reads just the page.
    { equals: ['listed', 'category', 'province'], orderBy: 'submittedAt' },
    // The read API's regency/district filter is a range of region codes (32.73 up to 32.73/); the few it finds are sorted after.
    { equals: ['listed'], orderBy: 'region' },
  ],
};

function render(tracked: TrackedComplaint): RenderedDocument[] {
  const view = viewFor({ kind: 'public' }, visibilityInputOf(tracked));
  if (view === undefined) return [];
  const id = view.trackingId;
  if (view.shape === 'status_only') return [{ collection: publicComplaintsCollection.name, id, keys: { listed: false }, body: view }];
  const keys = {
    listed: true,
    status: view.status,
    category: view.category,
    province: view.regionCode.slice(0, 2),
    region: view.regionCode,
    agency: view.owner.kind === 'agency' ? view.owner.agencyId : 'admin_queue',
    kind: view.kind,
    submittedAt: sortableInstant(view.submittedAt),
    terms: searchTerms(view.title, view.chronology),
  };
  return [{ collection: publicComplaintsCollection.name, id, keys, body: view }];
}

/**
 * The leak guard of the complaint page, at write time: a body with a field outside the page's
 * schema fails here (the event is set aside as poison) and never reaches the store, which
 * the page then serves as it is.
 */
export function validatedPage(document: RenderedDocument): RenderedDocument {
  if (document.collection !== publicComplaintsCollection.name) return document;
  return { ...document, body: PublicComplaintPage.parse(document.body) };
}

export const publicProjection: Projection = {
  name: PUBLIC_PROJECTION,
  // 2: complaint bodies are validated when written (validatedPage); a rebuild puts every stored body through it.
  // 3: no private copy of each complaint's state (folded from the ledger for every projection).
  version: 3,
  collections: [publicComplaintsCollection, countsCollection, statisticsCollection, agenciesCollection],
  residentCollections: [countsCollection.name, statisticsCollection.name, agenciesCollection.name],
  render,
  aggregate: publicStatisticsChanges,
  checkWrite: validatedPage,
};

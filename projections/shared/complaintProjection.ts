import type { ComplaintEvent } from '../../domain/complaint';
import type { Projection, ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';
import { changedDocuments, type RenderedDocument } from './renderedDocuments';
import { complaintStateCollection, complaintStateRef, complaintTransitionFact, sharedTrackComplaint, type ComplaintTransition, type TrackedComplaint } from './trackedComplaint';

export interface ComplaintProjectionDefinition {
  readonly name: string;
  readonly version: number;
  readonly collections: readonly CollectionSpec[];
  /** Aggregate collections kept in memory between batches (Projection.residentCollections). */
  readonly residentCollections?: readonly string[];
  /** The audience documents of one complaint, shaped by the domain's viewFor. */
  render(tracked: TrackedComplaint): readonly RenderedDocument[];
  /** Aggregates (counters, histograms) the event moves. */
  aggregate?(event: ComplaintEvent, transition: ComplaintTransition, context: ProjectionContext): Promise<readonly DocumentChange[]>;
}

/**
 * The shape every read model here shares: track the complaint with the domain's evolve,
 * render the audience's documents before and after, write what changed, then aggregates.
 */
export function complaintProjection(definition: ComplaintProjectionDefinition): Projection {
  // By state object: an event's `before` is the previous event's `after` (rendered already).
  const renderedFrom = new WeakMap<TrackedComplaint, readonly RenderedDocument[]>();
  const render = (tracked: TrackedComplaint): readonly RenderedDocument[] => {
    let documents = renderedFrom.get(tracked);
    if (documents === undefined) {
      documents = definition.render(tracked);
      renderedFrom.set(tracked, documents);
    }
    return documents;
  };
  return {
    name: definition.name,
    version: definition.version,
    collections: [complaintStateCollection, ...definition.collections],
    residentCollections: definition.residentCollections ?? [],
    // A transition another projection computed needs no state read.
    prefetch: (event, facts) => (facts?.get(complaintTransitionFact, event) === undefined ? [complaintStateRef(event.complaintId)] : []),
    async handle(event, context) {
      const tracked = await sharedTrackComplaint(event, context);
      if (!tracked) return [];
      const { transition, change } = tracked;
      const rendered = changedDocuments(transition.before ? render(transition.before) : [], render(transition.after));
      const aggregates = definition.aggregate ? await definition.aggregate(event.event, transition, context) : [];
      return [change, ...rendered, ...aggregates];
    },
  };
}

import type { ComplaintEvent } from '../../domain/complaint';
import type { Projection, ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';
import { changedDocuments, type RenderedDocument } from './renderedDocuments';
import { complaintStateCollection, complaintStateRef, trackComplaint, type ComplaintTransition, type TrackedComplaint } from './trackedComplaint';

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
  return {
    name: definition.name,
    version: definition.version,
    collections: [complaintStateCollection, ...definition.collections],
    residentCollections: definition.residentCollections ?? [],
    prefetch: (event) => [complaintStateRef(event.complaintId)],
    async handle(event, context) {
      const tracked = await trackComplaint(event, context);
      if (!tracked) return [];
      const { transition, change } = tracked;
      const rendered = changedDocuments(transition.before ? definition.render(transition.before) : [], definition.render(transition.after));
      const aggregates = definition.aggregate ? await definition.aggregate(event.event, transition, context) : [];
      return [change, ...rendered, ...aggregates];
    },
  };
}

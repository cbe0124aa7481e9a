import type { ComplaintEvent } from '../../domain/complaint';
import type { Projection, ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';
import { changedDocuments, type RenderedDocument } from './renderedDocuments';
import type { ComplaintTransition, TrackedComplaint } from './trackedComplaint';

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
 * The shape every read model here shares: take the event's transition of the complaint (folded
 * once for all projections), render the audience's documents before and after, write what
 * changed, then aggregates.
 */
export function complaintProjection(definition: ComplaintProjectionDefinition): Projection {
  // One event's state after is the next one's state before (the same object): rendered once.
  const renderedStates = new WeakMap<TrackedComplaint, readonly RenderedDocument[]>();
  const renderOf = (tracked: TrackedComplaint): readonly RenderedDocument[] => {
    let rendered = renderedStates.get(tracked);
    if (rendered === undefined) {
      rendered = definition.render(tracked);
      renderedStates.set(tracked, rendered);
    }
    return rendered;
  };
  return {
    name: definition.name,
    version: definition.version,
    collections: definition.collections,
    residentCollections: definition.residentCollections ?? [],
    async handle(event, context) {
      const transition = context.complaintTransition(event);
      if (!transition) return [];
      const rendered = changedDocuments(transition.before ? renderOf(transition.before) : [], renderOf(transition.after));
      const aggregates = definition.aggregate ? await definition.aggregate(event.event, transition, context) : [];
      return [...rendered, ...aggregates];
    },
  };
}

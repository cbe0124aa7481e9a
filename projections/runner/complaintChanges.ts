import type { ProjectedEvent, Projection, ProjectionContext } from '../projection';
import { changedDocuments, runChangedDocuments, type RenderedDocument } from '../shared/renderedDocuments';
import type { ComplaintTransition, TrackedComplaint } from '../shared/trackedComplaint';
import type { DocumentChange } from '../store/documents';
import type { BatchWorkingSet } from './batchWorkingSet';

/**
 * Each projection's renders of the states it met: one event's state after is the next one's
 * state before (the same object, also across batches through ComplaintMemory), rendered once.
 */
const renderCaches = new WeakMap<Projection, WeakMap<TrackedComplaint, readonly RenderedDocument[]>>();

function renderOf(projection: Projection, tracked: TrackedComplaint | undefined): readonly RenderedDocument[] {
  if (tracked === undefined) return [];
  let cache = renderCaches.get(projection);
  if (cache === undefined) renderCaches.set(projection, (cache = new WeakMap()));
  let rendered = cache.get(tracked);
  if (rendered === undefined) {
    rendered = projection.render(tracked);
    cache.set(tracked, rendered);
  }
  return rendered;
}

const checked = (projection: Projection, change: DocumentChange): DocumentChange =>
  change.kind === 'put' && projection.checkWrite ? { kind: 'put', ...projection.checkWrite(change) } : change;

/**
 * One event's changes, on its own: the documents whose content it changed (every state it
 * passes through is rendered and checked), then its aggregates. Undefined transition: the
 * event leaves no complaint, and changes nothing.
 */
export async function eventChanges(projection: Projection, event: ProjectedEvent, transition: ComplaintTransition | undefined, context: ProjectionContext): Promise<DocumentChange[]> {
  if (!transition) return [];
  const rendered = changedDocuments(renderOf(projection, transition.before), renderOf(projection, transition.after)).map((change) => checked(projection, change));
  const aggregates = projection.aggregate ? await projection.aggregate(event.event, transition, context) : [];
  return [...rendered, ...aggregates];
}

/** One complaint's consecutive events in a batch, each with the transition the timeline folded. */
export interface ComplaintRun {
  readonly events: readonly ProjectedEvent[];
  readonly transitions: readonly (ComplaintTransition | undefined)[];
}

/**
 * Applies a run of one complaint's events at once: its aggregates event by event, and its
 * documents as eventChanges one after another would leave them (runChangedDocuments), from far
 * fewer renders. Only the states dating needs are rendered and only the documents written are
 * checked, so a render or check that would fail on a state in the middle of the run alone is
 * not met here. Throws on any failure, after which the caller undoes what was applied.
 */
export async function applyRun(projection: Projection, run: ComplaintRun, workingSet: BatchWorkingSet, context: ProjectionContext): Promise<void> {
  const states: (TrackedComplaint | undefined)[] = [run.transitions.find((t) => t !== undefined)?.before];
  for (const transition of run.transitions) states.push(transition?.after ?? states.at(-1));
  const documents = runChangedDocuments(run.events.length, (index) => renderOf(projection, states[index])).map(({ change, event }) => ({ change: checked(projection, change), event }));
  if (projection.aggregate) {
    for (const [index, transition] of run.transitions.entries()) {
      if (transition) workingSet.apply(await projection.aggregate(run.events[index]!.event, transition, context), run.events[index]!.position);
    }
  }
  for (const { change, event } of documents) workingSet.apply([change], run.events[event - 1]!.position);
}

import type { GlobalPosition } from '../../eventstore/port';
import { LeastRecentlyUsed } from '../shared/leastRecentlyUsed';
import type { TrackedComplaint } from '../shared/trackedComplaint';

/** Complaints remembered between batches: a complaint's events come days apart, so recent ones are asked for again soon. */
const DEFAULT_CAPACITY = 10_000;

/**
 * The tracked state of the complaints the last batches touched, as of the end of the last
 * batch, so that the next batch starts from memory instead of reading their streams again.
 * It holds only while batches follow one another: a batch read from anywhere else than where
 * the last one ended starts it afresh. Bounded: the least recently touched are forgotten first.
 */
export class ComplaintMemory {
  private readonly states: LeastRecentlyUsed<TrackedComplaint>;
  private through: GlobalPosition | undefined;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.states = new LeastRecentlyUsed(capacity);
  }

  /** Before folding the batch read after `after`: what is remembered holds only if the last batch ended there. */
  continueAfter(after: GlobalPosition): this {
    if (after !== this.through) this.states.clear();
    this.through = undefined;
    return this;
  }

  get(complaintId: string): TrackedComplaint | undefined {
    return this.states.get(complaintId);
  }

  remember(complaintId: string, state: TrackedComplaint): void {
    // A copy of its own identity: the projections' renderings, cached by state object, are then
    // not kept alive with it (five documents per complaint, several times the state's size).
    this.states.set(complaintId, { ...state });
  }

  forget(complaintId: string): void {
    this.states.delete(complaintId);
  }

  /** The batch is folded in full up to `position`. */
  coveredThrough(position: GlobalPosition): void {
    this.through = position;
  }
}

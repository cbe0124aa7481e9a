import { START, type GlobalPosition } from '../../eventstore/port';
import type { Projection } from '../projection';
import { CheckpointMoved, type ProjectionSlot } from '../store/generations';
import type { ComplaintMemory } from './complaintMemory';
import { activeGeneration } from './generations';
import type { BatchDependencies, BatchOutcome, ProjectionMemory } from './processBatch';
import { ResidentDocuments } from './residentDocuments';

export interface CatchUpProgress {
  readonly slot: ProjectionSlot;
  readonly eventsRead: number;
  readonly checkpoint: GlobalPosition;
  readonly outcome: BatchOutcome;
}

/** A projection and the generation it fills. */
export interface CatchUpMember {
  readonly projection: Projection;
  readonly slot: ProjectionSlot;
}

export interface CatchUpOptions {
  readonly batchSize: number;
  readonly onBatch?: (progress: CatchUpProgress) => void;
  readonly shouldStop?: () => boolean;
  /**
   * A member that fails is left out from then on and reported here while the others go
   * on; without it, the first failure ends the catch-up.
   */
  readonly onFailure?: (member: CatchUpMember, error: unknown) => void;
  /** Complaint states carried from batch to batch; a runner keeps one across its passes. Default: one for this catch-up. */
  readonly complaintMemory?: ComplaintMemory;
}

/** A member as a catch-up goes: where its generation stands, and what it carries between batches. */
export interface MemberState extends CatchUpMember, ProjectionMemory {
  checkpoint: GlobalPosition;
  /** See GenerationStatus.streamwiseHead. */
  streamwiseHead: GlobalPosition | undefined;
  /** No reader sees the generation (it is being built): it may be rebuilt stream by stream. */
  readonly unseen: boolean;
  eventsRead: number;
}

export async function memberState(dependencies: BatchDependencies, member: CatchUpMember): Promise<MemberState> {
  const generation = await activeGeneration(dependencies.store, member.slot);
  const resident = new ResidentDocuments(member.projection.residentCollections);
  // Nothing committed yet: a commit moves the checkpoint with the documents it writes.
  if (generation.checkpoint === START) resident.startEmpty();
  return { ...member, checkpoint: generation.checkpoint, streamwiseHead: generation.streamwiseHead, unseen: generation.state === 'building', eventsRead: 0, resident };
}

/** One member applies a batch. Resolves with whether it goes on (false: it failed and was reported). */
async function applyMember(dependencies: BatchDependencies, state: MemberState, options: CatchUpOptions, apply: (state: MemberState) => Promise<BatchOutcome>): Promise<boolean> {
  try {
    const outcome = await apply(state);
    if (outcome.read === 0 && outcome.checkpoint === state.checkpoint && outcome.streamwiseHead === state.streamwiseHead) return true;
    state.eventsRead += outcome.read;
    state.checkpoint = outcome.checkpoint;
    state.streamwiseHead = outcome.streamwiseHead;
    options.onBatch?.({ slot: state.slot, eventsRead: state.eventsRead, checkpoint: state.checkpoint, outcome });
    return true;
  } catch (error) {
    state.resident.clear();
    state.quarantined = undefined;
    try {
      if (!(error instanceof CheckpointMoved)) throw error;
      // Another writer moved the generation: this batch is void, and the member resumes from where that writer left it.
      const generation = await activeGeneration(dependencies.store, state.slot);
      state.checkpoint = generation.checkpoint;
      state.streamwiseHead = generation.streamwiseHead;
      return true;
    } catch (failure) {
      if (!options.onFailure) throw failure;
      options.onFailure(state, failure);
      return false;
    }
  }
}

/**
 * Members apply a batch side by side: one's commit runs in the store while node applies
 * the next one's events. Every member finishes before a failure without onFailure is raised.
 * Resolves with whether each goes on.
 */
export async function applyTogether(
  dependencies: BatchDependencies,
  members: readonly MemberState[],
  options: CatchUpOptions,
  apply: (state: MemberState) => Promise<BatchOutcome>,
): Promise<boolean[]> {
  const outcomes = await Promise.allSettled(members.map((state) => applyMember(dependencies, state, options, apply)));
  return outcomes.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
}

import { START, type GlobalPosition } from '../../eventstore/port';
import type { Projection } from '../projection';
import { CheckpointMoved, type ProjectionSlot } from '../store/generations';
import { checkpointOf } from './generations';
import { ComplaintMemory } from './complaintMemory';
import { readLedgerBatch, type LedgerBatch } from './ledgerBatch';
import { applyBatch, type BatchDependencies, type BatchOutcome, type ProjectionMemory } from './processBatch';
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

interface MemberState extends CatchUpMember, ProjectionMemory {
  checkpoint: GlobalPosition;
  eventsRead: number;
}

const earliest = (positions: readonly GlobalPosition[]): GlobalPosition => positions.reduce((a, b) => (b < a ? b : a));

/**
 * Runs batches until every member's generation reaches the head of the ledger. Each batch
 * of the ledger is read and decoded once, from the member furthest behind, and applied by
 * every member to the events after its own checkpoint, each committing on its own. If
 * another writer moves a member's checkpoint meanwhile, that member's batch is void
 * (nothing was written) and it resumes from where that writer left it.
 * Resolves with the ledger events each member read, by projection name.
 */
export async function catchUpTogether(dependencies: BatchDependencies, members: readonly CatchUpMember[], options: CatchUpOptions): Promise<Map<string, number>> {
  const states: MemberState[] = [];
  for (const member of members) {
    const checkpoint = await checkpointOf(dependencies.store, member.slot);
    const resident = new ResidentDocuments(member.projection.residentCollections);
    // Nothing committed yet: a commit moves the checkpoint with the documents it writes.
    if (checkpoint === START) resident.startEmpty();
    states.push({ ...member, checkpoint, eventsRead: 0, resident });
  }
  const memory = options.complaintMemory ?? new ComplaintMemory();
  const read = (after: GlobalPosition): Promise<LedgerBatch> => readLedgerBatch(dependencies.events, dependencies.personalData, after, options.batchSize, memory);
  let active = states;
  const start = earliest(active.map((s) => s.checkpoint));
  let next: ReadAhead = { from: start, batch: read(start), whileCommitting: false };
  try {
    while (active.length > 0 && !options.shouldStop?.()) {
      const batch = await next.batch;
      const last = batch.records.at(-1);
      if (!last) {
        // A read made while members committed may find nothing only because their open
        // transactions hold back what the gap-safe ledger read returns: only a read made
        // while nothing commits shows the head.
        if (!next.whileCommitting) break;
        next = { from: next.from, batch: read(next.from), whileCommitting: false };
        continue;
      }
      // The next batch is read and folded while this one is applied and committed.
      next = { from: last.globalPosition, batch: read(last.globalPosition), whileCommitting: true };
      const goesOn = await applyTogether(dependencies, active, batch, options);
      active = active.filter((_, index) => goesOn[index]);
      const from = active.length > 0 ? earliest(active.map((s) => s.checkpoint)) : next.from;
      // A member whose checkpoint another writer moved resumes elsewhere: read from there.
      if (from !== next.from) {
        // Settled first: its fold must be done with the complaint memory before another read starts.
        await next.batch.catch(() => undefined);
        next = { from, batch: read(from), whileCommitting: false };
      }
    }
  } finally {
    // A read ahead left unused (stopped, or every member failed) is settled before returning:
    // it folds into the complaint memory, which a runner's next pass uses, and may fail unobserved.
    await next.batch.catch(() => undefined);
  }
  return new Map(states.map((s) => [s.projection.name, s.eventsRead]));
}

/** A ledger batch being read (and folded) after `from`, and whether members were committing meanwhile. */
interface ReadAhead {
  readonly from: GlobalPosition;
  readonly batch: Promise<LedgerBatch>;
  readonly whileCommitting: boolean;
}

/**
 * Members apply the batch side by side: one's commit runs in the store while node applies
 * the next one's events. Every member finishes before a failure without onFailure is raised.
 */
async function applyTogether(dependencies: BatchDependencies, members: readonly MemberState[], batch: LedgerBatch, options: CatchUpOptions): Promise<boolean[]> {
  const outcomes = await Promise.allSettled(members.map((state) => applyMemberBatch(dependencies, state, batch, options)));
  return outcomes.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
}

/** One member applies the batch. Resolves with whether it goes on (false: it failed and was reported). */
async function applyMemberBatch(dependencies: BatchDependencies, state: MemberState, batch: LedgerBatch, options: CatchUpOptions): Promise<boolean> {
  try {
    const outcome = await applyBatch(dependencies.store, state.projection, state.slot, state.checkpoint, batch, state);
    if (outcome.read === 0) return true;
    state.eventsRead += outcome.read;
    state.checkpoint = outcome.checkpoint;
    options.onBatch?.({ slot: state.slot, eventsRead: state.eventsRead, checkpoint: state.checkpoint, outcome });
    return true;
  } catch (error) {
    state.resident.clear();
    state.quarantined = undefined;
    try {
      if (!(error instanceof CheckpointMoved)) throw error;
      state.checkpoint = await checkpointOf(dependencies.store, state.slot);
      return true;
    } catch (failure) {
      if (!options.onFailure) throw failure;
      options.onFailure(state, failure);
      return false;
    }
  }
}

/** catchUpTogether for one projection: resolves with the ledger events it read. */
export async function catchUp(
  dependencies: BatchDependencies,
  projection: Projection,
  slot: ProjectionSlot,
  options: Omit<CatchUpOptions, 'onFailure'>,
): Promise<number> {
  return (await catchUpTogether(dependencies, [{ projection, slot }], options)).get(projection.name) ?? 0;
}

import type { GlobalPosition } from '../../eventstore/port';
import type { Projection } from '../projection';
import { CheckpointMoved, type ProjectionSlot } from '../store/generations';
import { checkpointOf } from './generations';
import { readLedgerBatch } from './ledgerBatch';
import { applyBatch, type BatchDependencies, type BatchOutcome } from './processBatch';
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
}

interface MemberState extends CatchUpMember {
  checkpoint: GlobalPosition;
  eventsRead: number;
  readonly resident: ResidentDocuments;
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
    states.push({ ...member, checkpoint: await checkpointOf(dependencies.store, member.slot), eventsRead: 0, resident: new ResidentDocuments(member.projection.residentCollections) });
  }
  let active = states;
  while (active.length > 0 && !options.shouldStop?.()) {
    const batch = await readLedgerBatch(dependencies.events, dependencies.personalData, earliest(active.map((s) => s.checkpoint)), options.batchSize);
    if (batch.records.length === 0) break;
    const stillActive: MemberState[] = [];
    for (const state of active) {
      try {
        const outcome = await applyBatch(dependencies.store, state.projection, state.slot, state.checkpoint, batch, state);
        stillActive.push(state);
        if (outcome.read === 0) continue;
        state.eventsRead += outcome.read;
        state.checkpoint = outcome.checkpoint;
        options.onBatch?.({ slot: state.slot, eventsRead: state.eventsRead, checkpoint: state.checkpoint, outcome });
      } catch (error) {
        state.resident.clear();
        try {
          if (!(error instanceof CheckpointMoved)) throw error;
          state.checkpoint = await checkpointOf(dependencies.store, state.slot);
          stillActive.push(state);
        } catch (failure) {
          if (!options.onFailure) throw failure;
          options.onFailure(state, failure);
        }
      }
    }
    active = stillActive;
  }
  return new Map(states.map((s) => [s.projection.name, s.eventsRead]));
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

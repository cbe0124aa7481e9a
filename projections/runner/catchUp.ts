import type { GlobalPosition } from '../../eventstore/port';
import type { Projection } from '../projection';
import { CheckpointMoved, type ProjectionSlot } from '../store/generations';
import { checkpointOf } from './generations';
import { processBatch, type BatchDependencies, type BatchOutcome } from './processBatch';

export interface CatchUpProgress {
  readonly slot: ProjectionSlot;
  readonly eventsRead: number;
  readonly checkpoint: GlobalPosition;
  readonly outcome: BatchOutcome;
}

/**
 * Runs batches until the generation reaches the head of the ledger. If another writer moves
 * the checkpoint meanwhile, the batch is void (nothing was written) and reading resumes from
 * where that writer left it.
 */
export async function catchUp(
  dependencies: BatchDependencies,
  projection: Projection,
  slot: ProjectionSlot,
  options: { readonly batchSize: number; readonly onBatch?: (progress: CatchUpProgress) => void; readonly shouldStop?: () => boolean },
): Promise<number> {
  let checkpoint = await checkpointOf(dependencies.store, slot);
  let eventsRead = 0;
  while (!options.shouldStop?.()) {
    let outcome: BatchOutcome;
    try {
      outcome = await processBatch(dependencies, projection, slot, checkpoint, options.batchSize);
    } catch (error) {
      if (!(error instanceof CheckpointMoved)) throw error;
      checkpoint = await checkpointOf(dependencies.store, slot);
      continue;
    }
    if (outcome.read === 0) break;
    eventsRead += outcome.read;
    checkpoint = outcome.checkpoint;
    options.onBatch?.({ slot, eventsRead, checkpoint, outcome });
  }
  return eventsRead;
}

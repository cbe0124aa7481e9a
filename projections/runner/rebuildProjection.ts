import type { GlobalPosition } from '../../eventstore/port';
import type { Projection } from '../projection';
import type { ProjectionSlot } from '../store/generations';
import { catchUp } from './catchUp';
import { nextGenerationNumber, promoteAndClean } from './generations';
import type { BatchDependencies } from './processBatch';

export interface RebuildProgress {
  readonly generation: number;
  readonly eventsRead: number;
  readonly checkpoint: GlobalPosition;
  readonly eventsPerSecond: number;
}

export interface RebuildResult {
  readonly slot: ProjectionSlot;
  readonly eventsRead: number;
  readonly seconds: number;
}

/**
 * Rebuilds a projection from the start of the ledger into a new generation beside the live
 * one, which readers keep using (and a running runner keeps current) meanwhile; once the
 * new generation has caught up it is promoted, atomically for readers, and the old one dropped.
 */
export async function rebuildProjection(
  dependencies: BatchDependencies,
  projection: Projection,
  options: { readonly batchSize?: number; readonly onProgress?: (progress: RebuildProgress) => void; readonly promote?: boolean } = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const slot = { projection: projection.name, generation: nextGenerationNumber(await dependencies.store.generations(projection.name)) };
  await dependencies.store.beginGeneration(slot, projection.version);
  const eventsRead = await catchUp(dependencies, projection, slot, {
    batchSize: options.batchSize ?? 1000,
    onBatch: (progress) => {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      options.onProgress?.({ generation: slot.generation, eventsRead: progress.eventsRead, checkpoint: progress.checkpoint, eventsPerSecond: progress.eventsRead / seconds });
    },
  });
  if (options.promote ?? true) await promoteAndClean(dependencies.store, slot);
  return { slot, eventsRead, seconds: (Date.now() - started) / 1000 };
}

import type { GlobalPosition } from '../../eventstore/port';
import type { Projection } from '../projection';
import type { ProjectionSlot } from '../store/generations';
import { catchUpTogether } from './catchUp';
import { nextGenerationNumber, promoteAndClean } from './generations';
import type { BatchDependencies } from './processBatch';

export interface RebuildProgress {
  readonly projection: string;
  readonly generation: number;
  readonly eventsRead: number;
  readonly checkpoint: GlobalPosition;
  /** Still reading the ledger stream by stream, up to the head fixed at the start (then in ledger order). */
  readonly streamByStream: boolean;
  readonly eventsPerSecond: number;
}

export interface RebuildResult {
  readonly slot: ProjectionSlot;
  readonly eventsRead: number;
  readonly seconds: number;
}

export interface RebuildOptions {
  /** Default: the store's preferred batch size. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Called as a caught-up generation is promoted: its stores build its indexes then, which takes a while on a large ledger. */
  readonly onPromoting?: (slot: ProjectionSlot) => void;
  readonly promote?: boolean;
}

/**
 * Rebuilds projections from the start of the ledger, each into a new generation beside
 * its live one, which readers keep using (and a running runner keeps current) meanwhile;
 * the ledger is read once for all of them. Once the new generations have caught up they
 * are promoted, each atomically for readers, and the old ones dropped.
 */
export async function rebuildProjections(dependencies: BatchDependencies, projections: readonly Projection[], options: RebuildOptions = {}): Promise<RebuildResult[]> {
  const started = Date.now();
  const members = [];
  for (const projection of projections) {
    const slot = { projection: projection.name, generation: nextGenerationNumber(await dependencies.store.generations(projection.name)) };
    await dependencies.store.beginGeneration(slot, projection.version);
    members.push({ projection, slot });
  }
  const eventsRead = await catchUpTogether(dependencies, members, {
    batchSize: options.batchSize ?? dependencies.store.preferredBatchSize,
    onBatch: (progress) => {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const { projection, generation } = progress.slot;
      options.onProgress?.({
        projection,
        generation,
        eventsRead: progress.eventsRead,
        checkpoint: progress.checkpoint,
        streamByStream: progress.outcome.streamwiseHead !== undefined,
        eventsPerSecond: progress.eventsRead / seconds,
      });
    },
  });
  for (const { slot } of members) {
    if (!(options.promote ?? true)) continue;
    options.onPromoting?.(slot);
    await promoteAndClean(dependencies.store, slot);
  }
  const seconds = (Date.now() - started) / 1000;
  return members.map(({ slot }) => ({ slot, eventsRead: eventsRead.get(slot.projection) ?? 0, seconds }));
}

/** rebuildProjections for one projection. */
export async function rebuildProjection(dependencies: BatchDependencies, projection: Projection, options: RebuildOptions = {}): Promise<RebuildResult> {
  const [result] = await rebuildProjections(dependencies, [projection], options);
  return result!;
}

import type { Projection } from '../projection';
import type { GenerationStatus, ProjectionSlot } from '../store/generations';
import type { ReadModelStore } from '../store/readModelStore';

export const nextGenerationNumber = (generations: readonly GenerationStatus[]): number => Math.max(0, ...generations.map((g) => g.generation)) + 1;

/**
 * The generation this code version fills: the live one if it is of this version, else one
 * being built beside it (begun here if needed). On a first start there is nothing live, so
 * the new generation goes live at once and readers watch it fill.
 */
export async function workingGeneration(store: ReadModelStore, projection: Projection): Promise<GenerationStatus> {
  const find = (generations: readonly GenerationStatus[]): GenerationStatus | undefined =>
    generations.find((g) => g.version === projection.version && g.state === 'live') ??
    generations.find((g) => g.version === projection.version && g.state === 'building');
  const generations = await store.generations(projection.name);
  const existing = find(generations);
  if (existing) return existing;
  const slot = { projection: projection.name, generation: nextGenerationNumber(generations) };
  await store.beginGeneration(slot, projection.version);
  if (!generations.some((g) => g.state === 'live')) await store.promoteGeneration(slot).catch(() => undefined);
  const after = find(await store.generations(projection.name));
  if (!after) throw new Error(`${projection.name}: no working generation after beginning one`);
  return after;
}

/** The generation as it stands; throws if it is gone or retired. */
export async function activeGeneration(store: ReadModelStore, slot: ProjectionSlot): Promise<GenerationStatus> {
  const generation = (await store.generations(slot.projection)).find((g) => g.generation === slot.generation);
  if (!generation || generation.state === 'retired') throw new Error(`${slot.projection} generation ${slot.generation} is not active`);
  return generation;
}

/** Switches readers to `slot` and deletes every retired generation of the projection. */
export async function promoteAndClean(store: ReadModelStore, slot: ProjectionSlot): Promise<void> {
  await store.promoteGeneration(slot);
  for (const generation of await store.generations(slot.projection)) {
    if (generation.state === 'retired') await store.dropGeneration(generation);
  }
}

import type { Collection } from 'mongodb';
import { LivePointerShape, type LivePointerDocument } from './bookkeepingDocuments';

export async function liveGenerationOf(pointers: Collection<LivePointerDocument>, projection: string): Promise<number | undefined> {
  const stored = await pointers.findOne({ _id: projection });
  return stored ? LivePointerShape.parse(stored).generation : undefined;
}

const ATTEMPTS = 3;

/**
 * Runs a read on the live generation. Without transactions the pointer can move (and the
 * old generation be dropped) while the read runs; reading the pointer again afterwards and
 * retrying when it moved gives readers the old or the new generation, never a mix.
 * Undefined when the projection has no live generation yet.
 */
export async function readLiveGeneration<T>(
  pointers: Collection<LivePointerDocument>,
  projection: string,
  read: (generation: number) => Promise<T>,
): Promise<T | undefined> {
  let result: T | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const generation = await liveGenerationOf(pointers, projection);
    if (generation === undefined) return undefined;
    result = await read(generation);
    if ((await liveGenerationOf(pointers, projection)) === generation) return result;
  }
  return result;
}

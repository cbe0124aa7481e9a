import { z } from 'zod';
import type { GlobalPosition } from '../../../eventstore/port';
import type { GenerationStatus } from '../generations';
import type { PoisonRecord } from '../poison';
import { PendingShape } from './batchJournal';
import { generationKey } from './collectionNames';

/** A generation and its checkpoint, one document each in read_generations. */
export const GenerationShape = z.object({
  _id: z.string(),
  projection: z.string(),
  generation: z.number().int(),
  version: z.number().int(),
  state: z.enum(['building', 'live', 'retired']),
  checkpoint: z.string(),
  streamwiseHead: z.string().nullable().optional(),
  /** A batch committed to the journal but maybe not yet applied (see batchJournal). */
  pending: PendingShape.nullable().optional(),
});
export type GenerationDocument = z.infer<typeof GenerationShape>;

/** The live generation of a projection: the one document readers follow. */
export const LivePointerShape = z.object({ _id: z.string(), generation: z.number().int() });
export type LivePointerDocument = z.infer<typeof LivePointerShape>;

export const PoisonShape = z.object({
  _id: z.string(),
  projection: z.string(),
  generation: z.number().int(),
  position: z.string(),
  streamId: z.string(),
  eventType: z.string(),
  kind: z.enum(['poisoned', 'parked']),
  error: z.string(),
});
export type PoisonDocument = z.infer<typeof PoisonShape>;

/**
 * What a reader should believe: the pointer says which generation is live, even if a
 * promotion stopped before it had retired the previous one (no transactions on FerretDB).
 */
export function generationStatusOf(stored: GenerationDocument, liveGeneration: number | undefined): GenerationStatus {
  const state = stored.generation === liveGeneration ? 'live' : stored.state === 'live' ? 'retired' : stored.state;
  const status: GenerationStatus = { projection: stored.projection, generation: stored.generation, version: stored.version, state, checkpoint: stored.checkpoint as GlobalPosition };
  return stored.streamwiseHead == null ? status : { ...status, streamwiseHead: stored.streamwiseHead as GlobalPosition };
}

/** Diagnostics only: NUL is the one character FerretDB refuses in a string. */
const storableText = (text: string): string => text.replaceAll('\u0000', '\uFFFD');

export const poisonDocumentOf = (projection: string, generation: number, record: PoisonRecord): PoisonDocument => ({
  _id: `${generationKey(projection, generation)}:${record.position}`,
  projection,
  generation,
  position: record.position,
  streamId: storableText(record.streamId),
  eventType: storableText(record.eventType),
  kind: record.kind,
  error: storableText(record.error),
});

export const poisonRecordOf = (stored: PoisonDocument): PoisonRecord => ({
  position: stored.position as GlobalPosition,
  streamId: stored.streamId,
  eventType: stored.eventType,
  kind: stored.kind,
  error: stored.error,
});

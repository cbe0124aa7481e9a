import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, constants } from 'node:zlib';
import { Binary, type Db } from 'mongodb';
import { z } from 'zod';
import type { GlobalPosition } from '../../../eventstore/port';
import type { ProjectionSlot } from '../generations';
import { generationKey, JOURNAL_COLLECTION } from './collectionNames';
import { upsertAll, type WholeDocumentWrite } from './upsertAll';

/**
 * The redo journal that makes a batch all-or-nothing without transactions. A batch's final
 * writes go to the journal first; marking the generation `pending` (one single-document
 * update, atomic on every server) commits them; then they are applied and the checkpoint
 * moves. A crash before the mark leaves the documents untouched (the batch is simply read
 * again); after it, whoever writes next re-applies the journal, which ends exactly where
 * the batch would have. Without this, a crash mid-batch would leave counters ahead of the
 * complaint states they are derived from, and a replay would count twice.
 */
const ChunkShape = z.object({
  _id: z.string(),
  projection: z.string(),
  generation: z.number().int(),
  to: z.string(),
  index: z.number().int(),
  /**
   * The writes as deflated JSON text: FerretDB 1.24 (SQLite) spends its CPU per byte stored,
   * and most of all on nested documents; a batch's journal was half of all it stored.
   */
  writes: z.instanceof(Binary),
});
type JournalChunk = z.infer<typeof ChunkShape>;
const WritesShape = z.array(z.object({ collection: z.string(), document: z.looseObject({ _id: z.string() }) }));

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** `head`: the generation's streamwiseHead once the batch is applied (see GenerationStatus). */
export const PendingShape = z.object({ to: z.string(), chunks: z.number().int().min(1), head: z.string().nullable().optional() });
export type PendingBatch = z.infer<typeof PendingShape>;

/** JSON text per chunk before deflating: well under the 16 MiB document limit of MongoDB and FerretDB. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** The writes as JSON arrays of at most CHUNK_BYTES each (a single larger write gets a chunk of its own). */
function jsonChunksOf(writes: readonly WholeDocumentWrite[]): string[] {
  const chunks: string[][] = [[]];
  let bytes = 0;
  for (const write of writes) {
    const json = JSON.stringify(write);
    const size = Buffer.byteLength(json);
    if (bytes + size > CHUNK_BYTES && chunks.at(-1)!.length > 0) {
      chunks.push([]);
      bytes = 0;
    }
    chunks.at(-1)!.push(json);
    bytes += size + 1;
  }
  return chunks.map((chunk) => `[${chunk.join(',')}]`);
}

const journal = (db: Db) => db.collection<JournalChunk>(JOURNAL_COLLECTION);

/**
 * Writes the batch's journal (not yet committed). Chunk ids are fixed per generation and
 * index, so each batch overwrites the previous one's: nothing to delete afterwards.
 */
export async function writeJournal(db: Db, slot: ProjectionSlot, to: GlobalPosition, head: GlobalPosition | undefined, writes: readonly WholeDocumentWrite[]): Promise<PendingBatch> {
  const key = generationKey(slot.projection, slot.generation);
  const deflated = await Promise.all(jsonChunksOf(writes).map((json) => deflate(json, { level: constants.Z_BEST_SPEED })));
  const chunks = deflated.map((bytes, index): JournalChunk => ({ _id: `${key}:${index}`, ...slot, to, index, writes: new Binary(bytes) }));
  await journal(db).bulkWrite(
    chunks.map((chunk) => ({ replaceOne: { filter: { _id: chunk._id }, replacement: chunk, upsert: true } })),
    { ordered: false },
  );
  return { to, chunks: chunks.length, head: head ?? null };
}

/** Applies a committed journal again (idempotent: whole documents replaced by id). */
export async function replayJournal(db: Db, slot: ProjectionSlot, pending: PendingBatch): Promise<void> {
  const raw = await journal(db)
    .find({ projection: slot.projection, generation: slot.generation, to: pending.to, index: { $lt: pending.chunks } })
    .toArray();
  const chunks = raw.map((chunk) => ChunkShape.parse(chunk));
  if (new Set(chunks.map((chunk) => chunk.index)).size !== pending.chunks) {
    throw new Error(`${slot.projection} generation ${slot.generation}: the journal of the batch up to ${pending.to} is incomplete`);
  }
  const writes = await Promise.all(chunks.map(async (chunk) => WritesShape.parse(JSON.parse((await inflate(chunk.writes.buffer)).toString('utf8')))));
  await upsertAll(db, writes.flat());
}

export async function dropJournal(db: Db, slot: ProjectionSlot): Promise<void> {
  await journal(db).deleteMany({ projection: slot.projection, generation: slot.generation });
}

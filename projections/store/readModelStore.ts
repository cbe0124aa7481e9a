import type { GlobalPosition } from '../../eventstore/port';
import type { DocumentRef, PositionedChange, StoredDocument } from './documents';
import type { GenerationStatus, ProjectionSlot } from './generations';
import type { PoisonRecord } from './poison';
import type { ReadModelReader } from './readModelReader';

/** What a batch moves a generation from and to. */
export interface BatchRange {
  /** The checkpoint the batch was read from: a store refuses the batch if it moved. */
  readonly from: GlobalPosition;
  /** The position of the last event of the batch (stream by stream: the last position searched for streams begun). */
  readonly to: GlobalPosition;
  /** The generation's streamwiseHead before the batch (a store refuses the batch if it differs) and after it. */
  readonly fromHead?: GlobalPosition | undefined;
  readonly toHead?: GlobalPosition | undefined;
}

/** One batch of a projection's work, committed as a whole. */
export interface ProjectionBatch extends BatchRange {
  /** In event order; a document changed twice appears twice (the later wins). */
  readonly changes: readonly PositionedChange[];
  readonly poisoned: readonly PoisonRecord[];
}

/**
 * The read-model store port. PostgreSQL commits a batch's documents and its checkpoint in
 * one transaction; MongoDB goes through a redo journal (see batchJournal) that a crash at any
 * point leaves unwritten or lets the next commit finish: replaying a batch changes nothing.
 */
export interface ReadModelStore extends ReadModelReader {
  /** Ledger events per batch that suit this store for a rebuild, when nobody asks for another size. */
  readonly preferredBatchSize: number;
  generations(projection: string): Promise<GenerationStatus[]>;
  /** Adds a building generation (no-op if it exists). */
  beginGeneration(slot: ProjectionSlot, version: number): Promise<void>;
  /** Makes the generation live and retires the previous live one, atomically for readers. */
  promoteGeneration(slot: ProjectionSlot): Promise<void>;
  /** Deletes a retired or abandoned generation's documents, poison records and checkpoint. */
  dropGeneration(slot: ProjectionSlot): Promise<void>;

  loadDocuments(slot: ProjectionSlot, refs: readonly DocumentRef[]): Promise<StoredDocument[]>;
  /** @throws CheckpointMoved when another writer got there first; nothing is written then. */
  commitBatch(slot: ProjectionSlot, batch: ProjectionBatch): Promise<void>;
  poisonRecords(slot: ProjectionSlot): Promise<PoisonRecord[]>;

  /** Every document of a generation, ordered by collection and id (tests, verification). */
  dumpGeneration(slot: ProjectionSlot): Promise<StoredDocument[]>;
  close(): Promise<void>;
}

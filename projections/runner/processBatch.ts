import type { EventStore, GlobalPosition } from '../../eventstore/port';
import type { PersonalDataOpener, Projection, ProjectionContext } from '../projection';
import type { ProjectionSlot } from '../store/generations';
import type { PoisonRecord } from '../store/poison';
import type { BatchRange, ReadModelStore } from '../store/readModelStore';
import { BatchWorkingSet } from './batchWorkingSet';
import { guarded, InfrastructureFailure } from './infrastructureFailure';
import { poisonReason } from './poisonReason';
import { batchAfter, readLedgerBatch, type LedgerBatch } from './ledgerBatch';
import type { ResidentDocuments } from './residentDocuments';

export interface BatchDependencies {
  readonly events: EventStore;
  readonly store: ReadModelStore;
  readonly personalData: PersonalDataOpener;
}

export interface BatchOutcome {
  /** Ledger events read (and the checkpoint moved past). 0: the generation is at the head. */
  readonly read: number;
  readonly checkpoint: GlobalPosition;
  /** The generation's streamwiseHead after the batch. */
  readonly streamwiseHead?: GlobalPosition | undefined;
  readonly poisoned: readonly PoisonRecord[];
}

/** What a projection's batch carries over from the previous one (forgotten on any failure). */
export interface ProjectionMemory {
  readonly resident: ResidentDocuments;
  /** The generation's quarantined streams as of the last commit; undefined: read from the store. */
  quarantined?: ReadonlySet<string> | undefined;
}

/**
 * Reads one batch after the generation's checkpoint, applies it with the projection, and
 * commits the documents, the poison records and the new checkpoint together.
 */
export async function processBatch(
  dependencies: BatchDependencies,
  projection: Projection,
  slot: ProjectionSlot,
  from: GlobalPosition,
  batchSize: number,
): Promise<BatchOutcome> {
  const batch = await readLedgerBatch(dependencies.events, dependencies.personalData, from, batchSize);
  return applyBatch(dependencies.store, projection, slot, from, batch);
}

/** applyRange for the events of a ledger batch (in global order) after `from`: the checkpoint moves to the last of them. */
export async function applyBatch(
  store: ReadModelStore,
  projection: Projection,
  slot: ProjectionSlot,
  from: GlobalPosition,
  ledgerBatch: LedgerBatch,
  memory?: ProjectionMemory,
): Promise<BatchOutcome> {
  const part = batchAfter(ledgerBatch, from);
  const last = part.records.at(-1);
  if (!last) return { read: 0, checkpoint: from, poisoned: [] };
  return applyRange(store, projection, slot, { from, to: last.globalPosition }, part, memory);
}

/**
 * Applies every event of the batch with the projection, and commits the documents, the
 * poison records and the range's new checkpoint together.
 * Streams with a poisoned event are quarantined: their later events are parked.
 * With `memory`, resident documents and quarantined streams come from (and after the commit
 * go back to) memory; the caller forgets it when this throws.
 */
export async function applyRange(
  store: ReadModelStore,
  projection: Projection,
  slot: ProjectionSlot,
  range: BatchRange,
  { records, decoded, timeline }: LedgerBatch,
  memory?: ProjectionMemory,
): Promise<BatchOutcome> {
  const workingSet = new BatchWorkingSet(store, slot, memory?.resident);
  const quarantined = new Set(memory?.quarantined ?? (await store.poisonRecords(slot)).map((p) => p.streamId));
  const context: ProjectionContext = {
    document: guarded((ref) => workingSet.document(ref)),
    complaintTransition: (event) => timeline.transitionAt(event),
  };
  const poisoned: PoisonRecord[] = [];
  const poison = (index: number, kind: PoisonRecord['kind'], error: string): void => {
    const record = records[index]!;
    poisoned.push({ position: record.globalPosition, streamId: record.streamId, eventType: record.type, kind, error });
    quarantined.add(record.streamId);
  };
  for (const [index, item] of decoded.entries()) {
    if (item.kind === 'other') continue;
    const streamId = records[index]!.streamId;
    if (quarantined.has(streamId)) poison(index, 'parked', `stream ${streamId} is quarantined after an earlier poisoned event`);
    else if (item.kind === 'invalid') poison(index, 'poisoned', item.reason);
    else {
      try {
        workingSet.apply(await projection.handle(item.event, context), item.event.position);
      } catch (error) {
        if (error instanceof InfrastructureFailure) throw error;
        poison(index, 'poisoned', poisonReason(error));
      }
    }
  }
  await store.commitBatch(slot, { ...range, changes: workingSet.changes, poisoned });
  memory?.resident.absorb(workingSet.finalDocuments());
  if (memory) memory.quarantined = quarantined;
  return { read: records.length, checkpoint: range.to, streamwiseHead: range.toHead, poisoned };
}

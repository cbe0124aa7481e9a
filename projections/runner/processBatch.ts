import type { EventStore, GlobalPosition } from '../../eventstore/port';
import type { PersonalDataOpener, ProjectedEvent, Projection, ProjectionContext } from '../projection';
import type { ProjectionSlot } from '../store/generations';
import type { PoisonRecord } from '../store/poison';
import type { BatchRange, ReadModelStore } from '../store/readModelStore';
import { BatchWorkingSet } from './batchWorkingSet';
import { applyRun, eventChanges } from './complaintChanges';
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

/** The batch's complaint streams' events (unreadable ones included), stream by stream, each stream's in batch order. */
function streamGroups({ records, decoded }: LedgerBatch): number[][] {
  const groups = new Map<string, number[]>();
  decoded.forEach((item, index) => {
    if (item.kind === 'other') return;
    const streamId = records[index]!.streamId;
    const group = groups.get(streamId);
    if (group) group.push(index);
    else groups.set(streamId, [index]);
  });
  return [...groups.values()];
}

/**
 * Applies every event of the batch with the projection, and commits the documents, the
 * poison records and the range's new checkpoint together.
 * Each complaint's events are applied together (applyRun); when one of them fails, they are
 * applied again one by one, so that the failing event is poison and the stream is quarantined:
 * its later events are parked.
 * With `memory`, resident documents and quarantined streams come from (and after the commit
 * go back to) memory; the caller forgets it when this throws.
 */
export async function applyRange(store: ReadModelStore, projection: Projection, slot: ProjectionSlot, range: BatchRange, batch: LedgerBatch, memory?: ProjectionMemory): Promise<BatchOutcome> {
  const { records, decoded, timeline } = batch;
  const workingSet = new BatchWorkingSet(store, slot, memory?.resident);
  const quarantined = new Set(memory?.quarantined ?? (await store.poisonRecords(slot)).map((p) => p.streamId));
  const context: ProjectionContext = { document: guarded((ref) => workingSet.document(ref)) };
  const poisoned: PoisonRecord[] = [];
  const poison = (index: number, kind: PoisonRecord['kind'], error: string): void => {
    const record = records[index]!;
    poisoned.push({ position: record.globalPosition, streamId: record.streamId, eventType: record.type, kind, error });
    quarantined.add(record.streamId);
  };
  const applyEvent = async (index: number): Promise<void> => {
    const item = decoded[index]!;
    const streamId = records[index]!.streamId;
    if (quarantined.has(streamId)) poison(index, 'parked', `stream ${streamId} is quarantined after an earlier poisoned event`);
    else if (item.kind === 'invalid') poison(index, 'poisoned', item.reason);
    else if (item.kind === 'complaint') {
      try {
        workingSet.apply(await eventChanges(projection, item.event, timeline.transitionAt(item.event), context), item.event.position);
      } catch (error) {
        if (error instanceof InfrastructureFailure) throw error;
        poison(index, 'poisoned', poisonReason(error));
      }
    }
  };
  /** Whether the events applied together; when not, none of them is. */
  const appliedTogether = async (events: readonly ProjectedEvent[]): Promise<boolean> => {
    try {
      await workingSet.tentatively(() => applyRun(projection, { events, transitions: events.map((event) => timeline.transitionAt(event)) }, workingSet, context));
      return true;
    } catch (error) {
      if (error instanceof InfrastructureFailure) throw error;
      return false;
    }
  };
  for (const group of streamGroups(batch)) {
    const run: ProjectedEvent[] = [];
    for (const index of quarantined.has(records[group[0]!]!.streamId) ? [] : group) {
      const item = decoded[index]!;
      if (item.kind !== 'complaint') break;
      run.push(item.event);
    }
    const together = run.length > 0 && (await appliedTogether(run));
    for (const index of together ? group.slice(run.length) : group) await applyEvent(index);
  }
  // Found stream by stream: recorded in the ledger's order.
  poisoned.sort((a, b) => (a.position < b.position ? -1 : 1));
  await store.commitBatch(slot, { ...range, changes: workingSet.changes, poisoned });
  memory?.resident.absorb(workingSet.finalDocuments());
  if (memory) memory.quarantined = quarantined;
  return { read: records.length, checkpoint: range.to, streamwiseHead: range.toHead, poisoned };
}

import type { EventStore, GlobalPosition } from '../../eventstore/port';
import type { PersonalDataOpener, Projection, ProjectionContext } from '../projection';
import type { ProjectionSlot } from '../store/generations';
import type { PoisonRecord } from '../store/poison';
import type { ReadModelStore } from '../store/readModelStore';
import { BatchWorkingSet } from './batchWorkingSet';
import { decodeEvent, type DecodedEvent } from './decodeEvent';
import { cachedOpener } from './personalDataCache';

export interface BatchDependencies {
  readonly events: EventStore;
  readonly store: ReadModelStore;
  readonly personalData: PersonalDataOpener;
}

export interface BatchOutcome {
  /** Ledger events read (and the checkpoint moved past). 0: the generation is at the head. */
  readonly read: number;
  readonly checkpoint: GlobalPosition;
  readonly poisoned: readonly PoisonRecord[];
}

/**
 * A failure of the store or the vault while handling an event: the batch is abandoned and
 * retried, never blamed on the event (which would then be skipped as poison).
 */
export class InfrastructureFailure extends Error {
  override readonly name = 'InfrastructureFailure';
  constructor(readonly failure: unknown) {
    super(`read-model infrastructure failed: ${failure instanceof Error ? failure.message : String(failure)}`, { cause: failure });
  }
}

function guarded<A extends unknown[], R>(work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await work(...args);
    } catch (error) {
      throw new InfrastructureFailure(error);
    }
  };
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

/**
 * Reads one batch after the generation's checkpoint, applies it with the projection, and
 * commits the documents, the poison records and the new checkpoint together.
 * Streams with a poisoned event are quarantined: their later events are parked.
 */
export async function processBatch(
  dependencies: BatchDependencies,
  projection: Projection,
  slot: ProjectionSlot,
  from: GlobalPosition,
  batchSize: number,
): Promise<BatchOutcome> {
  const records = await dependencies.events.readAll({ after: from, maxCount: batchSize });
  const last = records.at(-1);
  if (!last) return { read: 0, checkpoint: from, poisoned: [] };
  const decoded: DecodedEvent[] = records.map(decodeEvent);
  const workingSet = new BatchWorkingSet(dependencies.store, slot);
  await workingSet.prefetch(decoded.flatMap((d) => (d.kind === 'complaint' ? projection.prefetch(d.event) : [])));
  const quarantined = new Set((await dependencies.store.poisonRecords(slot)).map((p) => p.streamId));
  const opener = cachedOpener(dependencies.personalData);
  const context: ProjectionContext = {
    document: guarded((ref) => workingSet.document(ref)),
    openPersonalData: guarded((sealed) => opener.open(sealed)),
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
        poison(index, 'poisoned', describe(error));
      }
    }
  }
  await dependencies.store.commitBatch(slot, { from, to: last.globalPosition, changes: workingSet.changes, poisoned });
  return { read: records.length, checkpoint: last.globalPosition, poisoned };
}

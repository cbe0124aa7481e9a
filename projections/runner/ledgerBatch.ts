import type { EventStore, GlobalPosition, RecordedEvent } from '../../eventstore/port';
import type { PersonalDataOpener } from '../projection';
import { sealedReporterOf } from '../shared/trackedComplaint';
import type { ComplaintMemory } from './complaintMemory';
import { ComplaintTimeline } from './complaintTimeline';
import { decodeEvent, type DecodedEvent } from './decodeEvent';
import { cachedOpener } from './personalDataCache';

/** A batch of the ledger, read and decoded once for every projection that applies it. */
export interface LedgerBatch {
  readonly records: readonly RecordedEvent[];
  readonly decoded: readonly DecodedEvent[];
  /** Each complaint event's transition, folded once for every projection. */
  readonly timeline: ComplaintTimeline;
}

/**
 * Reads up to `maxCount` events after `after` and folds each complaint's events into its
 * transitions. The reporters' envelopes the batch brings are opened all at once (one vault
 * read each, concurrently) before folding needs them. `memory` carries the complaints'
 * states from one batch to the next; without it, each complaint's start is read from the ledger.
 */
export async function readLedgerBatch(events: EventStore, personalData: PersonalDataOpener, after: GlobalPosition, maxCount: number, memory?: ComplaintMemory): Promise<LedgerBatch> {
  return ledgerBatchOf(events, personalData, after, await events.readAll({ after, maxCount }), memory);
}

/** Decodes and folds records read after `after` (in global order, or stream by stream). */
export async function ledgerBatchOf(events: EventStore, personalData: PersonalDataOpener, after: GlobalPosition, records: readonly RecordedEvent[], memory?: ComplaintMemory): Promise<LedgerBatch> {
  const decoded = records.map(decodeEvent);
  const opener = cachedOpener(personalData);
  for (const item of decoded) {
    const sealed = item.kind === 'complaint' ? sealedReporterOf(item.event.event) : undefined;
    // Started early, awaited by the fold: a failure surfaces there.
    if (sealed) opener.open(sealed).catch(() => undefined);
  }
  const timeline = await ComplaintTimeline.build({ events, opener, memory }, after, records, decoded);
  return { records, decoded, timeline };
}

/** The part of a batch after `from`: a projection that is already further along skips what it has applied. */
export function batchAfter(batch: LedgerBatch, from: GlobalPosition): LedgerBatch {
  const first = batch.records.findIndex((record) => record.globalPosition > from);
  if (first <= 0) return first === 0 ? batch : { ...batch, records: [], decoded: [] };
  return { ...batch, records: batch.records.slice(first), decoded: batch.decoded.slice(first) };
}

import type { EventStore, GlobalPosition, RecordedEvent } from '../../eventstore/port';
import type { PersonalDataOpener } from '../projection';
import { sealedReporterOf } from '../shared/trackedComplaint';
import { decodeEvent, type DecodedEvent } from './decodeEvent';
import { cachedOpener } from './personalDataCache';

/** A batch of the ledger, read and decoded once for every projection that applies it. */
export interface LedgerBatch {
  readonly records: readonly RecordedEvent[];
  readonly decoded: readonly DecodedEvent[];
  /** Opens each envelope once for the whole batch, whichever projection asks. */
  readonly opener: PersonalDataOpener;
}

/**
 * Reads up to `maxCount` events after `after` and starts opening the reporters' envelopes
 * they bring, all at once (one vault read each, concurrently) instead of one after the
 * other as each projection comes to them. A failure is not raised here: the projection
 * that asks for the envelope meets it.
 */
export async function readLedgerBatch(events: EventStore, personalData: PersonalDataOpener, after: GlobalPosition, maxCount: number): Promise<LedgerBatch> {
  const records = await events.readAll({ after, maxCount });
  const decoded = records.map(decodeEvent);
  const opener = cachedOpener(personalData);
  for (const item of decoded) {
    const sealed = item.kind === 'complaint' ? sealedReporterOf(item.event.event) : undefined;
    if (sealed) opener.open(sealed).catch(() => undefined);
  }
  return { records, decoded, opener };
}

/** The part of a batch after `from`: a projection that is already further along skips what it has applied. */
export function batchAfter(batch: LedgerBatch, from: GlobalPosition): LedgerBatch {
  const first = batch.records.findIndex((record) => record.globalPosition > from);
  if (first <= 0) return first === 0 ? batch : { ...batch, records: [], decoded: [] };
  return { ...batch, records: batch.records.slice(first), decoded: batch.decoded.slice(first) };
}

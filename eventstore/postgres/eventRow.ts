import { CorruptEvent } from '../errors';
import { EventMetadata } from '../metadata';
import type { RecordedEvent } from '../port';
import { encodeLedgerPosition, toBigInt } from './ledgerPosition';

/** A row of the events table as the adapter selects it (numbers cast to text in SQL). */
export interface EventRow {
  stream_id: string;
  stream_revision: string;
  transaction_id: string;
  global_position: string;
  event_type: string;
  data: unknown;
  metadata: unknown;
  hash: string;
  recorded_at: Date | string;
}

/** Checks the envelope read back; the event's data is checked by its consumer's registry. */
export function recordedEventFromRow(row: EventRow): RecordedEvent {
  const revision = Number(row.stream_revision);
  const metadata = EventMetadata.safeParse(row.metadata);
  if (!metadata.success) throw new CorruptEvent(row.stream_id, revision, `metadata: ${metadata.error.issues.map((i) => i.message).join('; ')}`);
  return {
    streamId: row.stream_id,
    streamRevision: revision,
    globalPosition: encodeLedgerPosition({ transactionId: toBigInt(row.transaction_id), globalPosition: toBigInt(row.global_position) }),
    type: row.event_type,
    data: row.data,
    metadata: metadata.data,
    hash: row.hash,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

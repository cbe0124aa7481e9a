import { complaintEventRegistry, type ComplaintEvent } from '../../domain/complaint';
import { readBackEvent } from '../../eventstore/eventRegistry';
import type { RecordedEvent } from '../../eventstore/port';
import type { ProjectedEvent } from '../projection';

const COMPLAINT_STREAM = /^complaint-(.+)$/;

export type DecodedEvent =
  | { readonly kind: 'complaint'; readonly event: ProjectedEvent }
  /** Not a complaint stream: no read model here looks at it. */
  | { readonly kind: 'other' }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Validates and upcasts a complaint event read back from the ledger. */
export function decodeEvent(recorded: RecordedEvent): DecodedEvent {
  const match = COMPLAINT_STREAM.exec(recorded.streamId);
  if (!match?.[1]) return { kind: 'other' };
  const result = readBackEvent(complaintEventRegistry, recorded.type, recorded.metadata.schemaVersion, recorded.data);
  if (!result.ok) return { kind: 'invalid', reason: result.reason };
  return {
    kind: 'complaint',
    event: {
      // The registry's schema for this type has just accepted the data.
      event: { type: recorded.type, data: result.data } as ComplaintEvent,
      complaintId: match[1],
      streamId: recorded.streamId,
      position: recorded.globalPosition,
      recordedAt: recorded.recordedAt,
      metadata: recorded.metadata,
    },
  };
}

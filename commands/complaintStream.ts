import { complaintEventRegistry, initialComplaintState, evolve, type ComplaintEvent, type ComplaintState } from '../domain/complaint';
import { CorruptEvent } from '../eventstore/errors';
import { readBackEvent } from '../eventstore/eventRegistry';
import type { EventStore, RecordedEvent } from '../eventstore/port';

export const complaintStreamId = (complaintId: string): string => `complaint-${complaintId}`;

export interface LoadedComplaint {
  readonly state: ComplaintState;
  /** Revision of the last event; undefined for a stream with none. */
  readonly revision: number | undefined;
  readonly recorded: readonly RecordedEvent[];
}

/** An event read back, upcast to the current version and checked against its schema. */
export function complaintEventOf(recorded: RecordedEvent): ComplaintEvent {
  const read = readBackEvent(complaintEventRegistry, recorded.type, recorded.metadata.schemaVersion, recorded.data);
  if (!read.ok) throw new CorruptEvent(recorded.streamId, recorded.streamRevision, read.reason);
  // The registry has just validated data against the schema of exactly this type.
  return { type: recorded.type, data: read.data } as ComplaintEvent;
}

/** What an absent stream loads as. */
export const noComplaintYet: LoadedComplaint = { state: initialComplaintState, revision: undefined, recorded: [] };

/** Reads a complaint's stream and folds it into its current state. */
export async function loadComplaint(store: EventStore, complaintId: string): Promise<LoadedComplaint> {
  const recorded = await store.readStream(complaintStreamId(complaintId));
  const state = recorded.reduce((current, event) => evolve(current, complaintEventOf(event)), initialComplaintState);
  return { state, revision: recorded.at(-1)?.streamRevision, recorded };
}

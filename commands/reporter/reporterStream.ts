import { evolveReporter, initialReporterState, reporterEventRegistry, type ReporterEvent, type ReporterState } from '../../domain/reporter';
import { CorruptEvent } from '../../eventstore/errors';
import { readBackEvent } from '../../eventstore/eventRegistry';
import type { EventStore, RecordedEvent } from '../../eventstore/port';

export const reporterStreamId = (reporterId: string): string => `reporter-${reporterId}`;

export interface LoadedReporter {
  readonly state: ReporterState;
  readonly revision: number | undefined;
  readonly recorded: readonly RecordedEvent[];
}

function reporterEventOf(recorded: RecordedEvent): ReporterEvent {
  const read = readBackEvent(reporterEventRegistry, recorded.type, recorded.metadata.schemaVersion, recorded.data);
  if (!read.ok) throw new CorruptEvent(recorded.streamId, recorded.streamRevision, read.reason);
  // The registry has just validated data against the schema of exactly this type.
  return { type: recorded.type, data: read.data } as ReporterEvent;
}

/** Reads a reporter's stream and folds it into its current state. */
export async function loadReporter(store: EventStore, reporterId: string): Promise<LoadedReporter> {
  const recorded = await store.readStream(reporterStreamId(reporterId));
  const state = recorded.reduce((current, event) => evolveReporter(current, reporterEventOf(event)), initialReporterState);
  return { state, revision: recorded.at(-1)?.streamRevision, recorded };
}

import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { CorruptEvent } from '../errors';
import type { RecordedEvent } from '../port';
import { encodeEsdbPosition } from './esdbPosition';
import { revisionFromClient } from './esdbRevision';
import { readBackMetadata } from './storedMetadata';

/** What a read or a subscription hands over: an event, or a link whose target was not resolved. */
export interface EsdbResolvedEvent {
  readonly event?: EsdbRecordedEvent;
}

/** EventStoreDB's own events ($stats, $metadata, links `$>`, ...) share $all with ours. */
export function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Maps one stored event, checking the envelope; the data is checked by its consumer's registry. */
export function recordedEventFromEsdb(event: EsdbRecordedEvent): RecordedEvent {
  const revision = revisionFromClient(event.revision);
  const corrupt = (reason: string): CorruptEvent => new CorruptEvent(event.streamId, revision, reason);
  if (!event.isJson) throw corrupt('stored as binary, not JSON');
  // Positions on stream reads arrive only from servers after 22.6.0.
  if (!event.position) throw corrupt('the server reported no log position (EventStoreDB 22.6 or later is required)');
  const metadata = readBackMetadata(event.metadata);
  if (!metadata.ok) throw corrupt(metadata.reason);
  return {
    streamId: event.streamId,
    streamRevision: revision,
    globalPosition: encodeEsdbPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: metadata.metadata,
    hash: metadata.chainHash,
    recordedAt: event.created.toISOString(),
  };
}

/** Our event, or undefined for system events and unresolved links, which callers skip. */
export function recordedEventFromResolved(resolved: EsdbResolvedEvent): RecordedEvent | undefined {
  if (!resolved.event || isSystemEvent(resolved.event)) return undefined;
  return recordedEventFromEsdb(resolved.event);
}

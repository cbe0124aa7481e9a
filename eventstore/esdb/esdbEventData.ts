import { jsonEvent, type EventData, type JSONType } from '@eventstore/db-client';
import { InvalidEvent } from '../errors';
import type { PreparedEvent } from '../preparedEvent';
import { storedMetadataOf } from './storedMetadata';

/** EventStoreDB's JSON events carry an object, an array or a string; refuse the rest before any I/O. */
export function jsonDataOf(event: PreparedEvent): JSONType {
  const data = event.data;
  if (typeof data === 'string' || Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null) return data as Record<string, unknown>;
  throw new InvalidEvent(event.type, [{ path: '', message: 'EventStoreDB stores event data as a JSON object, array or string' }]);
}

/** The event as the client writes it: our event id (so retries are recognised), metadata plus chain hash. */
export function esdbEventDataOf(event: PreparedEvent, chainHash: string): EventData {
  return jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: jsonDataOf(event),
    metadata: storedMetadataOf(event.metadata, chainHash),
  });
}

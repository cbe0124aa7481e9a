import type { JSONRecordedEvent, Position } from '@eventstore/db-client';
import type { NewEvent } from '../../../eventstore/port';

/** A JSON event as the client hands it over after a read, for tests that need no server. */
export function esdbRecordedEvent(event: NewEvent, overrides: Partial<JSONRecordedEvent> & { chainHash?: string } = {}): JSONRecordedEvent {
  const { chainHash = 'ab'.repeat(32), ...rest } = overrides;
  const position: Position = { commit: 4096n, prepare: 4096n };
  return {
    streamId: 'counter-1',
    id: event.metadata.eventId,
    isJson: true,
    revision: 0n,
    type: event.type,
    created: new Date('2026-11-28T01:00:00.000Z'),
    data: event.data as Record<string, unknown>,
    metadata: { ...event.metadata, chainHash },
    position,
    ...rest,
  };
}

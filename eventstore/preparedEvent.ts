import { InvalidEvent } from './errors';
import { checkNewEvent, type EventRegistry } from './eventRegistry';
import { canonicalJson } from './canonicalJson';
import { canonicalEventFormOf } from './hashChain';
import { EventMetadata } from './metadata';
import type { NewEvent } from './port';

/** An event checked against its schema, with the canonical form its hash is taken over. */
export interface PreparedEvent extends NewEvent {
  readonly canonicalForm: string;
  /** `data` and `metadata` in canonical JSON, the parts of `canonicalForm`: what a store writes, serialised once. */
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
}

/**
 * Validates a batch before anything reaches a store, for every adapter alike: metadata,
 * data against the type's current schema, and what PostgreSQL's jsonb cannot hold.
 */
export function prepareEvents(registry: EventRegistry, streamId: string, events: readonly NewEvent[]): PreparedEvent[] {
  if (events.length === 0) throw new InvalidEvent('(batch)', [{ path: '', message: 'an append needs at least one event' }]);
  const seen = new Set<string>();
  return events.map((event) => {
    const metadata = EventMetadata.safeParse(event.metadata);
    if (!metadata.success) {
      throw new InvalidEvent(event.type, metadata.error.issues.map((i) => ({ path: ['metadata', ...i.path.map(String)].join('.'), message: i.message })));
    }
    if (seen.has(metadata.data.eventId)) throw new InvalidEvent(event.type, [{ path: 'metadata.eventId', message: 'repeated within one append' }]);
    seen.add(metadata.data.eventId);
    checkNewEvent(registry, event.type, metadata.data.schemaVersion, event.data);
    const canonicalData = canonicalJson(event.data);
    const canonicalMetadata = canonicalJson(metadata.data);
    const canonicalForm = canonicalEventFormOf(streamId, event.type, canonicalData, canonicalMetadata);
    // jsonb rejects \u0000; refusing it here keeps the failure a clear validation error.
    if (canonicalForm.includes('\\u0000')) throw new InvalidEvent(event.type, [{ path: 'data', message: 'text must not contain NUL characters' }]);
    return { type: event.type, data: event.data, metadata: metadata.data, canonicalForm, canonicalData, canonicalMetadata };
  });
}

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import type { EventMetadata } from './metadata';

/** The hash that precedes a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * The canonical form that is hashed. The stream revision is not part of it: an event's
 * place in the chain fixes it. Personal data sits in `data` only as encrypted envelopes,
 * so erasing a reporter's key never changes what was hashed.
 */
export function canonicalEventForm(event: HashableEvent): string {
  return canonicalEventFormOf(event.streamId, event.type, canonicalJson(event.data), canonicalJson(event.metadata));
}

/**
 * The same form from data and metadata already in canonical JSON, so an append serialises
 * them once for the hash and the stored row alike. Keys in code-unit order: data, metadata, streamId, type.
 */
export const canonicalEventFormOf = (streamId: string, type: string, canonicalData: string, canonicalMetadata: string): string =>
  `{"data":${canonicalData},"metadata":${canonicalMetadata},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`;

/** SHA-256 over the previous hash (32 bytes) followed by the UTF-8 canonical form; hex. */
export function chainHash(previousHash: string, canonicalForm: string): string {
  return createHash('sha256').update(Buffer.from(previousHash, 'hex')).update(canonicalForm, 'utf8').digest('hex');
}

export type ChainVerification =
  | { readonly valid: true; readonly eventCount: number; readonly headHash: string }
  | { readonly valid: false; readonly eventCount: number; readonly firstBrokenRevision: number; readonly reason: string };

/** Verifies a whole stream read in revision order; names the first broken link. */
export function verifyChain(events: readonly (HashableEvent & { streamRevision: number; hash: string })[]): ChainVerification {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.streamRevision !== index) {
      return { valid: false, eventCount: events.length, firstBrokenRevision: index, reason: `revision ${index} is missing (found ${event.streamRevision})` };
    }
    const expected = chainHash(previous, canonicalEventForm(event));
    if (expected !== event.hash) {
      return { valid: false, eventCount: events.length, firstBrokenRevision: index, reason: `hash mismatch at revision ${index}: the event or an earlier one was altered` };
    }
    previous = event.hash;
  }
  return { valid: true, eventCount: events.length, headHash: previous };
}

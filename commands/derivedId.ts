import { hash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1) under a seed UUID: the same request
 * seed always yields the same event ids, so a re-executed request finds its own events.
 */
export function derivedUuid(seed: string, name: string): string {
  const namespace = Buffer.from(seed.replaceAll('-', ''), 'hex');
  if (namespace.length !== 16) throw new RangeError('the seed must be a UUID');
  // One-shot hash: no Hash object per id (event ids are derived on every append).
  const bytes = hash('sha1', Buffer.concat([namespace, Buffer.from(name, 'utf8')]), 'buffer');
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the n-th event a request appends. */
export const eventIdFor = (requestSeed: string, index: number): string => derivedUuid(requestSeed, `event/${index}`);

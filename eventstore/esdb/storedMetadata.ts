import { z } from 'zod';
import { EventMetadata } from '../metadata';

/** Hex SHA-256, as chainHash writes it. */
const ChainHash = z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256 hash');

/**
 * What the adapter keeps in an EventStoreDB event's metadata: our metadata plus the
 * event's link in the per-stream hash chain (EventStoreDB has no column for it).
 */
export const StoredMetadata = EventMetadata.extend({ chainHash: ChainHash }).strict();
export type StoredMetadata = z.infer<typeof StoredMetadata>;

export function storedMetadataOf(metadata: EventMetadata, chainHash: string): StoredMetadata {
  return { ...metadata, chainHash };
}

export type ReadBackMetadata = { ok: true; metadata: EventMetadata; chainHash: string } | { ok: false; reason: string };

/** Validates metadata read back from the server and splits the chain hash off again. */
export function readBackMetadata(raw: unknown): ReadBackMetadata {
  const parsed = StoredMetadata.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: `metadata: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}` };
  }
  const { chainHash, ...metadata } = parsed.data;
  return { ok: true, metadata, chainHash };
}

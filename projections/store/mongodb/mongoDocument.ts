import { z } from 'zod';
import type { GlobalPosition } from '../../../eventstore/port';
import type { DocumentKeys, PositionedChange, StoredDocument } from '../documents';
import { checkFieldName } from '../queryRules';
import { decodeBody, encodeBody, isStorableText } from './bodyCodec';
import { documentKey } from './collectionNames';

/**
 * A read-model document as MongoDB holds it. A delete leaves a tombstone (`deleted: true`)
 * that keeps its lastPosition, so a replay of an older batch cannot bring the document back.
 */
const MongoDocumentShape = z.object({
  _id: z.string(),
  generation: z.number().int(),
  id: z.string(),
  keys: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).readonly()])),
  body: z.unknown().optional(),
  bodyJson: z.string().optional(),
  lastPosition: z.string(),
  deleted: z.boolean(),
});
export type MongoDocument = z.infer<typeof MongoDocumentShape>;

/** Keys are queried, so they cannot fall back to JSON text: refuse what FerretDB would. */
function checkedKeys(keys: DocumentKeys): DocumentKeys {
  for (const [field, value] of Object.entries(keys)) {
    checkFieldName(field);
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    if (!texts.every(isStorableText)) throw new Error(`key ${field} holds text MongoDB cannot index (NUL or a lone surrogate)`);
  }
  return keys;
}

export function mongoDocumentOf(generation: number, change: PositionedChange): MongoDocument {
  const common = { _id: documentKey(generation, change.id), generation, id: change.id, lastPosition: change.position };
  if (change.kind === 'delete') return { ...common, keys: {}, deleted: true };
  return { ...common, keys: checkedKeys(change.keys), ...encodeBody(change.body), deleted: false };
}

/** A document read back, checked; undefined for a tombstone. */
export const storedDocumentOf = <Body>(collection: string, raw: unknown): StoredDocument<Body> | undefined =>
  storedDocumentFromOwn(collection, MongoDocumentShape.parse(raw));

/** A document this process wrote or already checked; undefined for a tombstone. */
export function storedDocumentFromOwn<Body>(collection: string, stored: MongoDocument): StoredDocument<Body> | undefined {
  if (stored.deleted) return undefined;
  return { collection, id: stored.id, keys: stored.keys, body: decodeBody(stored) as Body, lastPosition: stored.lastPosition as GlobalPosition };
}

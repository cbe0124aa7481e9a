import { createHash } from 'node:crypto';
import { MongoServerError, type Collection, type Document, type IndexDescription } from 'mongodb';
import type { CollectionSpec } from '../collectionSpec';
import { fieldPath } from './mongoQuery';

const named = (key: Record<string, 1>): IndexDescription => ({
  key,
  // Named by their definition: createIndex is then idempotent, and names stay short.
  name: `read_${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16)}`,
});

/**
 * The indexes a collection spec asks for, led by the generation (every query names one):
 * each declared index as (equals..., orderBy, id), a multikey index per `strings` field,
 * and (generation, id) for dumps.
 */
export function mongoIndexesOf(spec: CollectionSpec): IndexDescription[] {
  const indexes = [named({ generation: 1, id: 1 })];
  for (const index of spec.indexes) {
    const key: Record<string, 1> = { generation: 1, deleted: 1 };
    for (const field of [...index.equals, index.orderBy]) key[fieldPath(field)] = 1;
    indexes.push(named({ ...key, id: 1 }));
  }
  for (const [field, type] of Object.entries(spec.fields)) {
    if (type === 'strings') indexes.push(named({ generation: 1, [fieldPath(field)]: 1 }));
  }
  return indexes;
}

const NAMESPACE_NOT_FOUND = 26;

/** The server's answer about a collection that does not exist (yet). */
export const isNamespaceNotFound = (error: unknown): boolean => error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND;

/**
 * Creates the indexes a collection lacks. Asking for existing ones is a no-op on MongoDB,
 * but FerretDB 1.24 can panic on it (seen with a multikey index on a filled collection),
 * and indexes are named by their definition, so comparing names is enough.
 */
export async function ensureIndexes(collection: Collection<Document>, wanted: readonly IndexDescription[]): Promise<void> {
  const listed = await collection
    .listIndexes()
    .toArray()
    .catch((error: unknown) => {
      if (isNamespaceNotFound(error)) return [];
      throw error;
    });
  const existing = new Set(listed.map((index) => String(index.name)));
  const missing = wanted.filter((index) => !existing.has(index.name ?? ''));
  if (missing.length > 0) await collection.createIndexes(missing);
}

import { createHash } from 'node:crypto';
import type { IndexDescription } from 'mongodb';
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

import { z } from 'zod';
import type { ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';

/**
 * Counts kept as documents by the projection (one per dimension and value), not computed by
 * the database: FerretDB 1.x aggregates little, and a count read is then one small query.
 */
export const countsCollection: CollectionSpec = {
  name: 'counts',
  fields: { dimension: 'string', value: 'string' },
  indexes: [{ equals: ['dimension'], orderBy: 'value' }],
};

export interface CountDocument {
  readonly dimension: string;
  readonly value: string;
  readonly count: number;
}

const CountBody = z.object({ dimension: z.string(), value: z.string(), count: z.number().int() });

/** A (dimension, value) pair a complaint counts towards, e.g. ['status', 'resolved']. */
export type Tally = readonly [dimension: string, value: string];

const tallyKey = ([dimension, value]: Tally): string => `${dimension}:${value}`;

const sameTallies = (a: readonly Tally[], b: readonly Tally[]): boolean =>
  a.length === b.length && a.every(([dimension, value], index) => b[index]![0] === dimension && b[index]![1] === value);

/** Moves the counts from the tallies a complaint had to those it has now. */
export async function countChanges(before: readonly Tally[], after: readonly Tally[], context: ProjectionContext): Promise<DocumentChange[]> {
  // Most events move no tally: the same pairs in the same order need no deltas.
  if (sameTallies(before, after)) return [];
  const deltas = new Map<string, { tally: Tally; delta: number }>();
  const add = (tally: Tally, delta: number): void => {
    const key = tallyKey(tally);
    const entry = deltas.get(key) ?? { tally, delta: 0 };
    deltas.set(key, { tally, delta: entry.delta + delta });
  };
  before.forEach((t) => add(t, -1));
  after.forEach((t) => add(t, +1));
  const changes: DocumentChange[] = [];
  for (const [id, { tally, delta }] of deltas) {
    if (delta === 0) continue;
    const stored = await context.document({ collection: countsCollection.name, id });
    const count = (stored ? CountBody.parse(stored.body).count : 0) + delta;
    const [dimension, value] = tally;
    const body: CountDocument = { dimension, value, count };
    changes.push({ kind: 'put', collection: countsCollection.name, id, keys: { dimension, value }, body });
  }
  return changes;
}

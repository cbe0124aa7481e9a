/**
 * Where things live in the MongoDB database: one collection of documents per
 * (projection, collection), so that each gets exactly the indexes its spec declares, and
 * four bookkeeping collections.
 */
export const GENERATIONS_COLLECTION = 'read_generations';
/** One pointer per projection: switching it is the single-document write that promotes. */
export const LIVE_COLLECTION = 'read_live';
export const POISON_COLLECTION = 'read_poison';
/** Each generation's last batch, written before its documents (see batchJournal). */
export const JOURNAL_COLLECTION = 'read_journal';

const checkName = (kind: string, name: string): string => {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid read-model ${kind} name for MongoDB: ${name}`);
  return name;
};

export const documentsCollectionName = (projection: string, collection: string): string =>
  `read.${checkName('projection', projection)}.${checkName('collection', collection)}`;

/** Generations share a collection: the generation prefixes the id. */
export const documentKey = (generation: number, id: string): string => `${generation}:${id}`;

export const generationKey = (projection: string, generation: number): string => `${projection}:${generation}`;

/**
 * Where things live in the MongoDB database: one collection of documents per (projection,
 * collection, generation), so that each gets exactly the indexes its spec declares, built
 * when the generation is promoted (a rebuild writes none of them document by document) and
 * dropped with it; and four bookkeeping collections.
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

export const documentsCollectionName = (projection: string, collection: string, generation: number): string =>
  `${sharedCollectionName(projection, collection)}.${Math.trunc(generation)}`;

/** Before generations had collections of their own, they shared this one (see legacyLayout). */
export const sharedCollectionName = (projection: string, collection: string): string =>
  `read.${checkName('projection', projection)}.${checkName('collection', collection)}`;

/** Documents keep their generation in the id, as when generations shared a collection. */
export const documentKey = (generation: number, id: string): string => `${generation}:${id}`;

export const generationKey = (projection: string, generation: number): string => `${projection}:${generation}`;

import { MongoBulkWriteError, type AnyBulkWriteOperation, type Db } from 'mongodb';

/** A whole document for one collection, replacing whatever has its _id. */
export interface WholeDocumentWrite {
  readonly collection: string;
  readonly document: { readonly _id: string } & Readonly<Record<string, unknown>>;
}

type WholeDocument = WholeDocumentWrite['document'];

/**
 * Statements per update command. FerretDB 1.24 (SQLite) keeps one pooled connection per
 * statement of an update command until the command ends, out of 100 per database: a command
 * of 100 replaceOne statements waits for a connection forever (the server hangs on that
 * database), and so do two of 50 at once. Commands are therefore small and sent one at a
 * time in this process (`oneUpdateAtATime`: projections commit side by side).
 */
const REPLACES_PER_COMMAND = 50;

/** Inserts and deletes hold no connection per document: larger commands are fine (checked up to 1,000 on FerretDB 1.24). */
const INSERTS_PER_COMMAND = 1000;
const DELETES_PER_COMMAND = 1000;

/** The last update command sent by this process; each waits for the one before it. */
let updatesInFlight: Promise<unknown> = Promise.resolve();

function oneUpdateAtATime<T>(send: () => Promise<T>): Promise<T> {
  const sent = updatesInFlight.then(send);
  updatesInFlight = sent.catch(() => undefined);
  return sent;
}

const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoBulkWriteError && error.writeErrors instanceof Array && error.writeErrors.some((e) => e.code === 11000);

function byCollection(writes: readonly WholeDocumentWrite[]): Map<string, WholeDocument[]> {
  const groups = new Map<string, WholeDocument[]>();
  for (const { collection, document } of writes) {
    const documents = groups.get(collection);
    if (documents) documents.push(document);
    else groups.set(collection, [document]);
  }
  return groups;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** One statement per document, `perCommand` to a command, the commands sent in turn with every other update of this process. */
async function writeInTurn(db: Db, collection: string, documents: readonly WholeDocument[], perCommand: number, statementOf: (document: WholeDocument) => AnyBulkWriteOperation<{ _id: string }>): Promise<void> {
  for (const chunk of chunks(documents, perCommand)) {
    await oneUpdateAtATime(() => db.collection<{ _id: string }>(collection).bulkWrite(chunk.map(statementOf), { ordered: false }));
  }
}

const replaceAll = (db: Db, collection: string, documents: readonly WholeDocument[]): Promise<void> =>
  writeInTurn(db, collection, documents, REPLACES_PER_COMMAND, (document) => ({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } }));

/** Deletes by _id, one statement each: FerretDB 1.24 scans the whole collection for `_id: {$in}`. */
const deleteAll = (db: Db, collection: string, documents: readonly WholeDocument[]): Promise<void> =>
  writeInTurn(db, collection, documents, DELETES_PER_COMMAND, (document) => ({ deleteOne: { filter: { _id: document._id } } }));

async function insertAll(db: Db, collection: string, documents: readonly WholeDocument[]): Promise<void> {
  for (const chunk of chunks(documents, INSERTS_PER_COMMAND)) await db.collection<{ _id: string }>(collection).insertMany(chunk, { ordered: false });
}

export interface WholeDocumentOptions {
  /** Documents the caller knows to be new (absent from the store). */
  readonly isKnownNew: (write: WholeDocumentWrite) => boolean;
  /**
   * No reader sees the documents yet (a generation being built): existing ones may be
   * deleted and inserted again, which costs FerretDB 1.24 about a third less than an upsert
   * each, though they are missing in between.
   */
  readonly unseen: boolean;
}

/**
 * Replaces (or inserts) every document by _id: no read before writing. Documents the
 * caller knows to be new are inserted (an insert is one statement; an upsert is a lookup
 * and then a write); if one of them exists after all, that collection's documents are
 * upserted instead. Repeating it changes nothing.
 */
export async function writeWholeDocuments(db: Db, writes: readonly WholeDocumentWrite[], options: WholeDocumentOptions): Promise<void> {
  const fresh = byCollection(writes.filter(options.isKnownNew));
  const existing = byCollection(writes.filter((write) => !options.isKnownNew(write)));
  for (const [collection, documents] of fresh) {
    try {
      await insertAll(db, collection, documents);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await replaceAll(db, collection, documents);
    }
  }
  for (const [collection, documents] of existing) {
    if (!options.unseen) await replaceAll(db, collection, documents);
    else {
      await deleteAll(db, collection, documents);
      await insertAll(db, collection, documents);
    }
  }
}

/** writeWholeDocuments knowing nothing to be new (replaying a journal). */
export const upsertAll = (db: Db, writes: readonly WholeDocumentWrite[]): Promise<void> => writeWholeDocuments(db, writes, { isKnownNew: () => false, unseen: false });

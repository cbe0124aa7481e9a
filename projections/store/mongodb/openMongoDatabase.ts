import { MongoClient, type Db } from 'mongodb';

/** The host part of a MongoDB URL, for messages: never the credentials. */
const hostOf = (url: string): string => /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(url)?.[1] ?? 'an unparsable URL';

/**
 * Connects and pings, so that a wrong READ_STORE_URL stops start-up with one clear line.
 * `ignoreUndefined`: undefined-valued keys are dropped, as JSON (and so PostgreSQL) drops them.
 */
export async function openMongoDatabase(url: string, database: string, timeoutMs = 10_000): Promise<{ client: MongoClient; db: Db }> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs, ignoreUndefined: true });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`read-model store: no MongoDB server answers at ${hostOf(url)} (${reason})`);
  }
  return { client, db: client.db(database, { ignoreUndefined: true }) };
}

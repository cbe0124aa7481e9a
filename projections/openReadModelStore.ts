import type { SqlClient } from '../eventstore/postgres/sqlClient';
import { collectionCatalog } from './catalog';
import { databaseNameOf } from './store/mongodb/databaseNameOf';
import { MongoReadModelStore } from './store/mongodb/mongoReadModelStore';
import type { ReadModelStore } from './store/readModelStore';
import { PostgresReadModelStore } from './store/postgres/postgresReadModelStore';

export interface ReadModelStoreSettings {
  /** READ_STORE_URL: postgres:// (in `sql`), mongodb://, or undefined for the ledger's own SQL database. */
  readonly readStoreUrl: string | undefined;
  readonly sql: SqlClient;
  readonly schema: string;
}

/**
 * The read models' store as configured. PostgreSQL/PGlite: the SQL database the ledger
 * composition opened (app/ledger.ts picks READ_STORE_URL when the ledger is not PostgreSQL).
 * MongoDB: the database the URL names, else one named like the schema; one projection
 * worker per projection (see MongoReadModelStore).
 */
export async function openReadModelStore(settings: ReadModelStoreSettings): Promise<ReadModelStore> {
  if (settings.readStoreUrl !== undefined && /^mongodb(\+srv)?:\/\//.test(settings.readStoreUrl)) {
    const url = settings.readStoreUrl;
    return MongoReadModelStore.open({ url, database: databaseNameOf(url, settings.schema), catalog: collectionCatalog });
  }
  return PostgresReadModelStore.open({ client: settings.sql, schema: settings.schema, catalog: collectionCatalog });
}

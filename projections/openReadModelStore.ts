import type { SqlClient } from '../eventstore/postgres/sqlClient';
import { collectionCatalog } from './catalog';
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
 */
export async function openReadModelStore(settings: ReadModelStoreSettings): Promise<ReadModelStore> {
  if (settings.readStoreUrl !== undefined && /^mongodb(\+srv)?:\/\//.test(settings.readStoreUrl)) {
    throw new Error('READ_STORE_URL=mongodb://: the MongoDB read-model store is not built yet (projections milestone 2)');
  }
  return PostgresReadModelStore.open({ client: settings.sql, schema: settings.schema, catalog: collectionCatalog });
}

/**
 * The shared projection suite with the ledger on PGlite and the read models on a MongoDB
 * wire-protocol server: FerretDB 1.24.2 in CI (`.ci/ferretdb-start`), or any MongoDB at
 * MONGODB_URL. An unreachable server FAILS the suite (it does not skip): CI starts FerretDB.
 */
import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { collectionCatalogOf } from '../../projections/catalog';
import { openMongoDatabase } from '../../projections/store/mongodb/openMongoDatabase';
import { MongoReadModelStore } from '../../projections/store/mongodb/mongoReadModelStore';
import type { ReadModelStore } from '../../projections/store/readModelStore';
import { projectionSuite } from './projectionSuite';
import { openSqlLedger, type SqlLedger } from './suiteSetup';

const MONGODB_URL = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/?directConnection=true&retryWrites=false';
const database = `lapor_projections_${process.pid}_${Date.now()}`;

let client: SqlClient;
let ledger: SqlLedger;
const stores: ReadModelStore[] = [];

beforeAll(async () => {
  // Fail first, and clearly, when there is no server.
  const probe = await openMongoDatabase(MONGODB_URL, database, 5000).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}. Start FerretDB with \`.ci/ferretdb-start\` or set MONGODB_URL.`);
  });
  await probe.client.close();
  client = createPGliteSqlClient(await openPGlite());
  ledger = await openSqlLedger(client, 'lapor');
});

afterAll(async () => {
  if (stores.length > 0) {
    const cleanup = await openMongoDatabase(MONGODB_URL, database, 5000);
    await cleanup.db.dropDatabase();
    await cleanup.client.close();
  }
  for (const store of stores) await store.close();
  await ledger?.close();
  await client?.close();
});

projectionSuite('FerretDB', () => ({
  ...ledger,
  async openStore(projections) {
    const store = await MongoReadModelStore.open({ url: MONGODB_URL, database, catalog: collectionCatalogOf(projections) });
    stores.push(store);
    return store;
  },
}));

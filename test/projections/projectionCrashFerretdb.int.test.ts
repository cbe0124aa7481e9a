/**
 * The crash test with the read models on FerretDB (MONGODB_URL, `.ci/ferretdb-start`): no
 * transactions there, so this is what shows the batch journal at work. The ledger stays on
 * PostgreSQL, in a schema the child shares; the MongoDB database is named like the schema.
 */
import { collectionCatalog } from '../../projections/catalog';
import { MongoReadModelStore } from '../../projections/store/mongodb/mongoReadModelStore';
import { openMongoDatabase } from '../../projections/store/mongodb/openMongoDatabase';
import { crashSafetyTest, type CrashStoreSetup } from './crashSafetyTest';

const MONGODB_URL = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/?directConnection=true&retryWrites=false';

const ferretdb: CrashStoreSetup = {
  readStoreUrl: MONGODB_URL,
  openStore: (_ledger, schema) => MongoReadModelStore.open({ url: MONGODB_URL, database: schema, catalog: collectionCatalog }),
  async cleanUp(schema) {
    const { client, db } = await openMongoDatabase(MONGODB_URL, schema, 5000);
    await db.dropDatabase();
    await client.close();
  },
};
crashSafetyTest('FerretDB', ferretdb, 'catch-up');
crashSafetyTest('FerretDB', ferretdb, 'rebuild');

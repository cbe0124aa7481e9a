import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { eventStoreContract } from '../eventStoreContract';
import { ledgerSafetyContract } from './ledgerSafetyContract';
import { personalDataVaultContract } from '../vault/personalDataVaultContract';
import { testEventRegistry } from '../testEvents';
import { connect, dropSchema, uniqueSchema } from './testDatabase';

const schema = uniqueSchema('contract');
let client: SqlClient;
let store: PostgresEventStore;

beforeAll(async () => {
  client = connect();
  store = await PostgresEventStore.open({ client, schema, registry: testEventRegistry, pollIntervalMs: 50 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(client, schema);
  await client.close();
});

eventStoreContract('PostgreSQL', () => ({ store, concurrentWriters: 16 }));
ledgerSafetyContract('PostgreSQL', () => ({ store, client, schema }));
personalDataVaultContract('PostgreSQL', () => ({ store, client, schema }));

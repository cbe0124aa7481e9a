import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPGliteSqlClient, openPGlite } from '../../../eventstore/postgres/pgliteSqlClient';
import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { eventStoreContract } from '../eventStoreContract';
import { counterIncremented, testEventRegistry, uniqueStreamId } from '../testEvents';
import { ledgerSafetyContract } from './ledgerSafetyContract';
import { streamwiseReadContract } from './streamwiseReadContract';
import { personalDataVaultContract } from '../vault/personalDataVaultContract';

// One PGlite per file: an instance takes seconds to start.
const dataDir = mkdtempSync(join(tmpdir(), 'lapor-pglite-'));
const schema = 'lapor';
let client: SqlClient;
let store: PostgresEventStore;

beforeAll(async () => {
  client = createPGliteSqlClient(await openPGlite(dataDir));
  store = await PostgresEventStore.open({ client, schema, registry: testEventRegistry, pollIntervalMs: 50 });
});

afterAll(async () => {
  await store.close();
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// PGlite serialises transactions: a handful of writers still exercises the revision checks.
eventStoreContract('PGlite', () => ({ store, concurrentWriters: 4 }));
ledgerSafetyContract('PGlite', () => ({ store, client, schema }));
streamwiseReadContract('PGlite', () => ({ store }));
personalDataVaultContract('PGlite', () => ({ store, client, schema }));

test('PGlite keeps the ledger in its data folder across a restart, and migrations run once', async () => {
  const streamId = uniqueStreamId();
  await store.appendToStream(streamId, 'no_stream', [counterIncremented(7)]);
  await store.close();
  await client.close();
  client = createPGliteSqlClient(await openPGlite(dataDir));
  store = await PostgresEventStore.open({ client, schema, registry: testEventRegistry });
  expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ by: 7 }]);
  const migrations = await client.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations WHERE component = 'ledger'`);
  expect(migrations.map((m) => m.version)).toEqual([1, 2, 3]);
});

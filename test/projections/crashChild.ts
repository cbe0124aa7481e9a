/**
 * A projection worker for the crash test: catches every projection up in small batches and
 * exits. The parent kills it with SIGKILL at random moments.
 */
import { complaintEventRegistry } from '../../domain/complaint';
import { createPgSqlClient } from '../../eventstore/postgres/pgSqlClient';
import { PostgresEventStore } from '../../eventstore/postgres/postgresEventStore';
import { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { allProjections } from '../../projections/catalog';
import { ProjectionRunner } from '../../projections/runner/projectionRunner';
import { openReadModelStore } from '../../projections/openReadModelStore';

async function main(): Promise<void> {
  const { CRASH_DATABASE_URL, CRASH_SCHEMA, CRASH_MASTER_KEY, CRASH_BATCH_SIZE, CRASH_READ_STORE_URL } = process.env;
  if (!CRASH_DATABASE_URL || !CRASH_SCHEMA || !CRASH_MASTER_KEY) throw new Error('crash child: missing environment');
  const client = createPgSqlClient({ connectionString: CRASH_DATABASE_URL, maxConnections: 4 });
  const events = await PostgresEventStore.open({ client, schema: CRASH_SCHEMA, registry: complaintEventRegistry });
  const vault = await PersonalDataVault.open(client, CRASH_SCHEMA, Buffer.from(CRASH_MASTER_KEY, 'base64'));
  // The read models in the ledger's schema, or on MongoDB when CRASH_READ_STORE_URL says so (database named like the schema).
  const store = await openReadModelStore({ readStoreUrl: CRASH_READ_STORE_URL, sql: client, schema: CRASH_SCHEMA });
  const runner = new ProjectionRunner(
    { events, store, personalData: vault },
    { projections: allProjections, batchSize: Number(CRASH_BATCH_SIZE ?? 3), log: (line) => process.stderr.write(`${line}\n`) },
  );
  process.send?.('ready');
  await runner.catchUp();
  const failed = runner.health().filter((h) => h.lastError !== undefined);
  await events.close();
  await store.close();
  await client.close();
  process.exit(failed.length === 0 ? 0 : 2);
}

main().catch((error: unknown) => {
  process.stderr.write(`crash child failed: ${String(error)}\n`);
  process.exit(1);
});

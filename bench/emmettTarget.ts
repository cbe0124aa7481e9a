import { Pool } from 'pg';
import type { BenchAppender } from './appendWorkload';
import type { BenchTarget } from './ledgerTargets';
import type { ScratchSchemas } from './scratchSchemas';

type EmmettPostgres = typeof import('@event-driven-io/emmett-postgresql');

/**
 * Loads Emmett's PostgreSQL event store. A dynamic import, so that the bench still runs
 * (printing ratio_to_emmett=n/a) when the devDependency is missing or fails to load; the
 * package ships ESM and CJS builds, and this also works if a release turns ESM-only.
 */
export async function loadEmmett(): Promise<EmmettPostgres> {
  return import('@event-driven-io/emmett-postgresql');
}

/** Emmett's SQL names its tables and functions without a schema, and checks `pg_proc` across all schemas. */
async function refuseForeignEmmettSchema(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ nspname: string }>(
      `SELECT DISTINCT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proname = 'emt_append_to_stream'`,
    );
    if (rows.length > 0) {
      throw new Error(
        `Emmett functions already exist in schema(s) ${rows.map((r) => r.nspname).join(', ')}; Emmett only creates them when no schema has them, ` +
          `so its tables in a fresh schema would lack them (drop that schema to run this phase)`,
      );
    }
  } finally {
    await pool.end();
  }
}

/**
 * Emmett's store in a fresh schema of the same database, through its public API only:
 * getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } }) and appendToStream.
 * The schema is chosen with `search_path` on every connection (URL and pool alike).
 */
export async function openEmmettTarget(emmett: EmmettPostgres, databaseUrl: string, schemas: ScratchSchemas, poolSize: number): Promise<BenchTarget> {
  await refuseForeignEmmettSchema(databaseUrl);
  const schema = schemas.name('emmett');
  await schemas.run(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const connectionString = url.toString();
  // Same pool size as our ledger gets: Emmett's default pool would be pg's 10 connections.
  const pool = new Pool({ connectionString, max: poolSize, application_name: 'lapor-bench-emmett' });
  const store = emmett.getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  // Migrate before timing: Emmett otherwise migrates lazily inside the first append.
  await store.schema.migrate();

  const appender: BenchAppender = {
    async append(streamId, expected, event) {
      // Emmett counts versions from 1 (version = number of events); 0n is "no stream yet".
      const expectedStreamVersion = expected === 'no_stream' ? emmett.PostgreSQLEventStoreDefaultStreamVersion : BigInt(expected + 1);
      await store.appendToStream(streamId, [{ type: event.type, data: event.data as Record<string, unknown>, metadata: { ...event.metadata } }], {
        expectedStreamVersion,
      });
    },
  };
  return {
    appender,
    async close() {
      await store.close().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await schemas.drop(schema);
    },
  };
}

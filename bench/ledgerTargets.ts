import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpectedRevision } from '../eventstore/port';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import { createPGliteSqlClient, openPGlite } from '../eventstore/postgres/pgliteSqlClient';
import { PostgresEventStore } from '../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import type { BenchAppender } from './appendWorkload';
import { benchEventRegistry } from './benchEvents';
import type { ScratchSchemas } from './scratchSchemas';

/** A store ready to take appends, and how to put everything back afterwards. */
export interface BenchTarget {
  readonly appender: BenchAppender;
  close(): Promise<void>;
}

async function ledgerTarget(client: SqlClient, schema: string, cleanup: () => Promise<void>): Promise<BenchTarget> {
  const store = await PostgresEventStore.open({ client, schema, registry: benchEventRegistry });
  return {
    appender: {
      async append(streamId, expected, event) {
        const revision: ExpectedRevision = expected;
        await store.appendToStream(streamId, revision, [event]);
      },
    },
    async close() {
      await store.close();
      await client.close();
      await cleanup();
    },
  };
}

/** Our ledger on the machine's PostgreSQL, in a fresh schema that is dropped on close. */
export async function openPostgresLedger(databaseUrl: string, schemas: ScratchSchemas, phase: string, poolSize: number): Promise<BenchTarget> {
  const schema = schemas.name(phase);
  const client = createPgSqlClient({ connectionString: databaseUrl, maxConnections: poolSize, applicationName: 'lapor-bench' });
  return ledgerTarget(client, schema, () => schemas.drop(schema));
}

/** Our ledger on PGlite with its data in a temporary folder that is removed on close. */
export async function openPGliteLedger(): Promise<BenchTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'lapor-bench-pglite-'));
  const db = await openPGlite(dir);
  return ledgerTarget(createPGliteSqlClient(db), 'lapor', () => rm(dir, { recursive: true, force: true }));
}

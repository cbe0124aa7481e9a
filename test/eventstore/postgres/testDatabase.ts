import { randomBytes } from 'node:crypto';
import { createPgSqlClient } from '../../../eventstore/postgres/pgSqlClient';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';

/** The machine's real PostgreSQL (CI sets DATABASE_URL; trust auth on loopback otherwise). */
export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name of its own per test file, so files can run in parallel on one database. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export function connect(maxConnections = 40): SqlClient {
  return createPgSqlClient({ connectionString: databaseUrl, maxConnections });
}

export async function dropSchema(client: SqlClient, schema: string): Promise<void> {
  await client.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

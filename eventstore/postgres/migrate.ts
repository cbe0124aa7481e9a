import { checkSchemaName, type SqlClient } from './sqlClient';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL with `$S` for the schema name. */
  readonly sql: string;
}

/**
 * Applies the migrations of one component (`ledger`, a read model...) that are not yet
 * applied, each in its own transaction, under an advisory lock so that several nodes
 * starting at once apply each migration exactly once.
 */
export async function migrate(client: SqlClient, schema: string, component: string, migrations: readonly Migration[]): Promise<number[]> {
  checkSchemaName(schema);
  await client.exec(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
      component text NOT NULL,
      version int NOT NULL,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (component, version)
    );`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const didApply = await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.${component}`]);
      const done = await tx.query(`SELECT 1 FROM ${schema}.schema_migrations WHERE component = $1 AND version = $2`, [component, migration.version]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql.replaceAll('$S', schema));
      await tx.query(`INSERT INTO ${schema}.schema_migrations (component, version, name) VALUES ($1, $2, $3)`, [component, migration.version, migration.name]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  return applied;
}

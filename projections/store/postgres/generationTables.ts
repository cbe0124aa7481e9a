import type { SqlQueryable } from '../../../eventstore/postgres/sqlClient';
import type { CollectionCatalog } from '../collectionSpec';
import type { ProjectionSlot } from '../generations';
import { indexStatementsOn } from './collectionIndexes';

const checkProjectionName = (projection: string): string => {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(projection)) throw new Error(`invalid projection name for a PostgreSQL table: ${projection}`);
  return projection;
};

/**
 * Where a generation's documents live: `read_documents` is partitioned by projection, and
 * each projection's table by generation, one table per generation (Marten's way of
 * rebuilding beside the live data). A new generation's table starts alone, with its primary
 * key only: a rebuild then writes no secondary index row by row. Promotion builds the indexes
 * in one pass each and attaches the table, so readers (who query `read_documents` for the
 * live generation) see it with all its indexes; dropping a generation drops its table.
 */
export const projectionTable = (schema: string, projection: string): string => `${schema}.read_docs_${checkProjectionName(projection)}`;

export const generationTable = (schema: string, slot: ProjectionSlot): string => `${projectionTable(schema, slot.projection)}_${Math.trunc(slot.generation)}`;

/** The projection's partition of `read_documents`, itself partitioned by generation. */
export async function ensureProjectionTable(tx: SqlQueryable, schema: string, projection: string): Promise<void> {
  await tx.exec(
    `CREATE TABLE IF NOT EXISTS ${projectionTable(schema, projection)} PARTITION OF ${schema}.read_documents
       FOR VALUES IN ('${checkProjectionName(projection)}') PARTITION BY LIST (generation)`,
  );
}

/** A generation's table, detached, with the primary key and the check that lets ATTACH skip its scan. */
export async function createGenerationTable(tx: SqlQueryable, schema: string, slot: ProjectionSlot): Promise<void> {
  await ensureProjectionTable(tx, schema, slot.projection);
  const table = generationTable(schema, slot);
  const [existing] = await tx.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [table]);
  if (existing?.oid) return;
  await tx.exec(`
    CREATE TABLE ${table} (LIKE ${schema}.read_documents INCLUDING DEFAULTS INCLUDING COMPRESSION);
    ALTER TABLE ${table} ADD PRIMARY KEY (projection, generation, collection, id),
      ADD CHECK (projection = '${slot.projection}' AND generation = ${Math.trunc(slot.generation)});`);
}

/** Builds the declared indexes on a detached generation's table and attaches it (no-op once attached). */
export async function attachGenerationTable(tx: SqlQueryable, schema: string, catalog: CollectionCatalog, slot: ProjectionSlot): Promise<void> {
  const table = generationTable(schema, slot);
  const [attached] = await tx.query<{ attached: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = $1::regclass) AS attached`, [table]);
  if (attached?.attached) return;
  // Defined as on the projection's table: ATTACH then adopts them instead of building its own.
  for (const statement of indexStatementsOn(table, slot.projection, catalog[slot.projection] ?? [])) await tx.exec(statement);
  // Readers' plans need its statistics from the first query, not after autovacuum comes by.
  await tx.exec(`ANALYZE ${table}`);
  await tx.exec(`ALTER TABLE ${projectionTable(schema, slot.projection)} ATTACH PARTITION ${table} FOR VALUES IN (${Math.trunc(slot.generation)})`);
}

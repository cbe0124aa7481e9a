import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { collectionCatalog } from '../../projections/catalog';
import { PUBLIC_PROJECTION, publicComplaintsCollection } from '../../projections/public/publicProjection';
import { findSql } from '../../projections/store/postgres/findSql';
import { PostgresReadModelStore } from '../../projections/store/postgres/postgresReadModelStore';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';

const schema = uniqueSchema('generic_plan');
let client: SqlClient;

beforeAll(async () => {
  client = connect(2);
  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  const live = { projection: PUBLIC_PROJECTION, generation: 1 };
  await store.beginGeneration(live, 1);
  await store.promoteGeneration(live);
});

afterAll(async () => {
  await dropSchema(client, schema);
  await client.close();
});

/** The index names a plan scans, wherever they sit in the plan tree. */
function scannedIndexes(plan: unknown): string[] {
  if (typeof plan !== 'object' || plan === null) return [];
  const node = plan as Record<string, unknown>;
  const own = typeof node['Index Name'] === 'string' ? [node['Index Name']] : [];
  return [...own, ...Object.values(node).flatMap((value) => (Array.isArray(value) ? value.flatMap(scannedIndexes) : scannedIndexes(value)))];
}

test('a reused (generic) plan of the category-and-province list scans the live generation\'s copy of the partial index declared for it', async () => {
  const sql = findSql(schema, PUBLIC_PROJECTION, publicComplaintsCollection, {
    collection: publicComplaintsCollection.name,
    where: [
      { field: 'listed', op: 'eq', value: true },
      { field: 'category', op: 'eq', value: 'kesehatan' },
      { field: 'province', op: 'eq', value: '31' },
    ],
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: 20,
  });
  // Declared on the projection's table; the live generation's table holds its attached copy.
  const [declared] = await client.query<{ indexname: string }>(
    `SELECT c.relname AS indexname FROM pg_indexes i
       JOIN pg_inherits h ON h.inhparent = format('%I.%I', i.schemaname, i.indexname)::regclass
       JOIN pg_class c ON c.oid = h.inhrelid
      WHERE i.schemaname = $1 AND i.indexdef LIKE '%''category''%''province''%''submittedAt''%'`,
    [schema],
  );
  const plan = await client.transaction(async (tx) => {
    // A generic plan is what a prepared statement reuses; no sequential scan to hide behind on an empty table.
    await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off');
    await tx.exec(`PREPARE category_province_list AS ${sql.text}`);
    const params = sql.params.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(', ');
    const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE category_province_list(${params})`);
    await tx.exec('DEALLOCATE category_province_list');
    return row?.['QUERY PLAN'];
  });
  expect(declared?.indexname).toBeDefined();
  expect(scannedIndexes(plan)).toContain(declared?.indexname);
});

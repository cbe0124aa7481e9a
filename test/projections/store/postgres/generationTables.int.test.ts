import { migrate } from '../../../../eventstore/postgres/migrate';
import { START } from '../../../../eventstore/port';
import type { SqlClient } from '../../../../eventstore/postgres/sqlClient';
import { collectionCatalog } from '../../../../projections/catalog';
import { PUBLIC_PROJECTION } from '../../../../projections/public/publicProjection';
import type { ProjectionSlot } from '../../../../projections/store/generations';
import { PostgresReadModelStore } from '../../../../projections/store/postgres/postgresReadModelStore';
import { readModelMigrations } from '../../../../projections/store/postgres/readModelMigrations';
import { connect, dropSchema, uniqueSchema } from '../../../eventstore/postgres/testDatabase';
import { at, listedComplaint, listedComplaints } from '../generationFixtures';

let client: SqlClient;
const schemas: string[] = [];

beforeAll(() => {
  client = connect(4);
});

afterAll(async () => {
  for (const schema of schemas) await dropSchema(client, schema);
  await client.close();
});

const freshSchema = (): string => {
  const schema = uniqueSchema('generation_tables');
  schemas.push(schema);
  return schema;
};



/** Index names on a table, and for each the partitioned index it is attached to (null: its own). */
async function indexesOf(schema: string, table: string): Promise<{ name: string; parent: string | null }[]> {
  return client.query(
    `SELECT c.relname AS name, p.relname AS parent
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       LEFT JOIN pg_inherits h ON h.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = h.inhparent
      WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [`${schema}.${table}`],
  );
}

const tableExists = async (schema: string, table: string): Promise<boolean> => {
  const [row] = await client.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [`${schema}.${table}`]);
  return row?.oid !== null && row?.oid !== undefined;
};


test('a generation being built has its primary key only; promoting it builds every declared index on it, attaches it, and readers then see it', async () => {
  const schema = freshSchema();
  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  const slot: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 1 };
  await store.beginGeneration(slot, 1);
  await store.commitBatch(slot, { from: START, to: at(2), changes: [listedComplaint('LPR-1', at(1)), listedComplaint('LPR-2', at(2))], poisoned: [] });

  expect(await indexesOf(schema, 'read_docs_public_1')).toEqual([{ name: 'read_docs_public_1_pkey', parent: null }]);
  expect((await listedComplaints(store)).items).toEqual([]);

  await store.promoteGeneration(slot);

  const declared = (await indexesOf(schema, 'read_docs_public')).map((index) => index.name);
  expect(declared.length).toBeGreaterThan(5);
  const built = await indexesOf(schema, 'read_docs_public_1');
  expect(built.map((index) => index.parent).sort()).toEqual(declared.sort());
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-1', 'LPR-2']);
});

test('dropping a retired generation drops its table; the live one stays', async () => {
  const schema = freshSchema();
  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  const first: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 1 };
  const second: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 2 };
  for (const slot of [first, second]) {
    await store.beginGeneration(slot, 1);
    await store.promoteGeneration(slot);
  }
  await store.dropGeneration(first);
  expect(await tableExists(schema, 'read_docs_public_1')).toBe(false);
  expect(await tableExists(schema, 'read_docs_public_2')).toBe(true);
  await expect(store.dropGeneration(second)).rejects.toThrow(/is live/);
});

test('a read-model schema of version 1 keeps its live documents and its building generation through the move to a table per generation', async () => {
  const schema = freshSchema();
  await migrate(client, schema, 'read-models', readModelMigrations.filter((m) => m.version === 1));
  await client.exec(`
    INSERT INTO ${schema}.read_generations (projection, generation, version, state, checkpoint) VALUES
      ('public', 3, 1, 'live', '${at(5)}'), ('public', 4, 1, 'building', '${at(1)}'), ('agency', 1, 1, 'live', '');
    INSERT INTO ${schema}.read_documents (projection, generation, collection, id, keys, body, last_position) VALUES
      ('public', 3, 'complaints', 'LPR-OLD', '{"listed": true, "submittedAt": "2026-01-01T00:00:00.000Z"}', '{"trackingId": "LPR-OLD"}', '${at(5)}'),
      ('public', 4, 'complaints', 'LPR-NEW', '{"listed": true, "submittedAt": "2026-01-01T00:00:00.000Z"}', '{"trackingId": "LPR-NEW"}', '${at(1)}');`);

  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });

  expect((await store.getDocument(PUBLIC_PROJECTION, 'complaints', 'LPR-OLD'))?.body).toEqual({ trackingId: 'LPR-OLD' });
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-OLD']);
  const building: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 4 };
  await store.commitBatch(building, { from: at(1), to: at(6), changes: [listedComplaint('LPR-6', at(6))], poisoned: [] });
  expect((await store.dumpGeneration(building)).map((d) => d.id)).toEqual(['LPR-6', 'LPR-NEW']);
  await store.promoteGeneration(building);
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-6', 'LPR-NEW']);
  expect(await tableExists(schema, 'read_docs_agency_1')).toBe(true);
  expect(await tableExists(schema, 'read_documents_v1')).toBe(false);
});

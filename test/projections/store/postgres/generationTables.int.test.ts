import { migrate } from '../../../../eventstore/postgres/migrate';
import { START } from '../../../../eventstore/port';
import type { SqlClient } from '../../../../eventstore/postgres/sqlClient';
import { collectionCatalog } from '../../../../projections/catalog';
import { PUBLIC_PROJECTION } from '../../../../projections/public/publicProjection';
import type { ProjectionSlot } from '../../../../projections/store/generations';
import { PostgresReadModelStore } from '../../../../projections/store/postgres/postgresReadModelStore';
import { readModelMigrations } from '../../../../projections/store/postgres/readModelMigrations';
import { connect, dropSchema, uniqueSchema } from '../../../eventstore/postgres/testDatabase';
import { at, listedComplaint, listedComplaints, listedKeys } from '../generationFixtures';

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

test('a read-model schema of version 3 keeps its live and its building documents through the move of bodies to JSON text; new generations take text too, lz4-compressed where the server has lz4', async () => {
  const schema = freshSchema();
  await migrate(client, schema, 'read-models', readModelMigrations.filter((m) => m.version <= 3));
  const live: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 1 };
  const building: ProjectionSlot = { projection: PUBLIC_PROJECTION, generation: 2 };
  const body = { trackingId: 'LPR-OLD', chronology: [{ at: '2026-01-01T00:00:00.000Z', text: 'Jalan "rusak" \\ berlubang' }] };
  await client.exec(`
    INSERT INTO ${schema}.read_generations (projection, generation, version, state, checkpoint) VALUES ('public', 1, 1, 'live', '${at(5)}'), ('public', 2, 1, 'building', '${at(1)}');
    CREATE TABLE ${schema}.read_docs_public PARTITION OF ${schema}.read_documents FOR VALUES IN ('public') PARTITION BY LIST (generation);
    CREATE TABLE ${schema}.read_docs_public_1 PARTITION OF ${schema}.read_docs_public FOR VALUES IN (1);
    CREATE TABLE ${schema}.read_docs_public_2 (LIKE ${schema}.read_documents INCLUDING DEFAULTS);
    ALTER TABLE ${schema}.read_docs_public_2 ADD PRIMARY KEY (projection, generation, collection, id), ADD CHECK (projection = 'public' AND generation = 2);`);
  for (const slot of [live, building]) {
    await client.query(
      `INSERT INTO ${schema}.read_docs_public_${slot.generation} (projection, generation, collection, id, keys, body, last_position) VALUES ('public', $1, 'complaints', $2, $3, $4, $5)`,
      [slot.generation, `LPR-${slot.generation}`, JSON.stringify(listedKeys), JSON.stringify(body), at(1)],
    );
  }

  const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  await store.beginGeneration({ projection: PUBLIC_PROJECTION, generation: 3 }, 1);

  // Tables holding rows, and read_documents, whose column a new generation's table copies.
  const bodyColumns = await client.query<{ table: string; type: string; compression: string }>(
    `SELECT c.relname AS table, format_type(a.atttypid, a.atttypmod) AS type, a.attcompression::text AS compression
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = $1::regnamespace AND (c.relname = 'read_documents' OR c.relname LIKE 'read_docs_%' AND c.relkind = 'r') AND a.attname = 'body' ORDER BY c.relname`,
    [schema],
  );
  const [offered] = await client.query<{ lz4: boolean }>(`SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
  expect(bodyColumns.map((c) => c.table)).toEqual(['read_docs_public_1', 'read_docs_public_2', 'read_docs_public_3', 'read_documents']);
  for (const column of bodyColumns) expect(column).toMatchObject({ type: 'text', compression: offered?.lz4 ? 'l' : '' });

  expect((await store.getDocument(PUBLIC_PROJECTION, 'complaints', 'LPR-1'))?.body).toEqual(body);
  expect(JSON.parse((await store.getDocumentJson(PUBLIC_PROJECTION, 'complaints', 'LPR-1')) ?? 'null')).toEqual(body);
  await store.commitBatch(building, { from: at(1), to: at(6), changes: [listedComplaint('LPR-6', at(6))], poisoned: [] });
  expect((await store.dumpGeneration(building)).map((d) => [d.id, d.body])).toEqual([
    ['LPR-2', body],
    ['LPR-6', { trackingId: 'LPR-6' }],
  ]);
  await store.promoteGeneration(building);
  expect((await listedComplaints(store)).items.map((d) => d.id)).toEqual(['LPR-2', 'LPR-6']);
});

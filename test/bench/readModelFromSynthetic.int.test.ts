import { randomBytes } from 'node:crypto';
import { writeSyntheticLedger } from '../../app/tools/syntheticLedger/writeSyntheticLedger';
import { projectSyntheticLedger } from '../../bench/readModelFromSynthetic';
import { complaintEventRegistry } from '../../domain/complaint';
import { PostgresEventStore } from '../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { collectionCatalog } from '../../projections/catalog';
import { publicProjection } from '../../projections/public/publicProjection';
import { rebuildProjection } from '../../projections/runner/rebuildProjection';
import { PostgresReadModelStore } from '../../projections/store/postgres/postgresReadModelStore';
import { untilEventCountVisible } from '../eventstore/postgres/ledgerVisibility';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';

const ledgerSchema = uniqueSchema('bench_ledger');
const directSchema = uniqueSchema('bench_direct');
const SYNTHETIC = { complaints: 300, seed: 7 };
let sql: SqlClient;

beforeAll(() => {
  sql = connect(8);
});

afterAll(async () => {
  await dropSchema(sql, ledgerSchema);
  await dropSchema(sql, directSchema);
  await sql.close();
});

async function liveDocuments(store: PostgresReadModelStore) {
  const live = (await store.generations(publicProjection.name)).find((g) => g.state === 'live');
  if (!live) throw new Error('no live generation');
  // Positions differ by construction (no ledger was written); everything the readers see must not.
  return (await store.dumpGeneration(live)).map(({ lastPosition: _position, ...document }) => document);
}

test("bench:read's in-memory build gives the public read model a rebuild from the written ledger gives", async () => {
  const masterKey = randomBytes(32);
  const events = await PostgresEventStore.open({ client: sql, schema: ledgerSchema, registry: complaintEventRegistry });
  const vault = await PersonalDataVault.open(sql, ledgerSchema, masterKey);
  const written = await writeSyntheticLedger(SYNTHETIC, { client: sql, schema: ledgerSchema, masterKey });
  // The gap-safe ledger read holds rows back while another test file's transaction is open.
  await untilEventCountVisible(events, written.events);
  const rebuiltStore = await PostgresReadModelStore.open({ client: sql, schema: ledgerSchema, catalog: collectionCatalog });
  await rebuildProjection({ events, store: rebuiltStore, personalData: vault }, publicProjection);
  await events.close();

  const directStore = await PostgresReadModelStore.open({ client: sql, schema: directSchema, catalog: collectionCatalog });
  const built = await projectSyntheticLedger(directStore, publicProjection, SYNTHETIC);

  const rebuilt = await liveDocuments(rebuiltStore);
  expect(built.complaints).toBe(SYNTHETIC.complaints);
  expect(rebuilt.filter((d) => d.collection === 'complaints')).toHaveLength(SYNTHETIC.complaints);
  expect(rebuilt.some((d) => d.collection === 'counts')).toBe(true);
  expect(await liveDocuments(directStore)).toEqual(rebuilt);
});

import { createPGliteSqlClient, openPGlite } from '../../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { openApiHarness, type ApiHarness } from './apiHarness';
import { commandRoutesSuite } from './commandRoutesSuite';
import { concurrencySuite } from './concurrencySuite';
import { idempotencySuite } from './idempotencySuite';

// One in-memory PGlite for the whole file: an instance takes seconds to start.
let sql: SqlClient;
let harness: ApiHarness;

beforeAll(async () => {
  sql = createPGliteSqlClient(await openPGlite());
  harness = await openApiHarness(sql, 'lapor');
});

afterAll(async () => {
  await harness.close();
  await sql.close();
});

commandRoutesSuite('PGlite', () => harness);
idempotencySuite('PGlite', () => harness);
concurrencySuite('PGlite', () => harness);

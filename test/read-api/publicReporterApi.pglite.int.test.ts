import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { publicReporterSuite } from './publicReporterSuite';
import { openReadApiHarness, type ReadApiHarness } from './readApiHarness';

// One in-memory PGlite for the file: an instance takes seconds to start.
let sql: SqlClient;
let harness: ReadApiHarness;

beforeAll(async () => {
  sql = createPGliteSqlClient(await openPGlite());
  harness = await openReadApiHarness(sql, 'lapor');
});

afterAll(async () => {
  await harness.close();
  await sql.close();
});

publicReporterSuite('PGlite', () => harness);

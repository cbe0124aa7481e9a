import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { openReadApiHarness, type ReadApiHarness } from './readApiHarness';
import { staffApiSuite } from './staffApiSuite';
import { READ_NOW } from './staffFixture';

// One in-memory PGlite for the file: an instance takes seconds to start.
let sql: SqlClient;
let harness: ReadApiHarness;

beforeAll(async () => {
  sql = createPGliteSqlClient(await openPGlite());
  harness = await openReadApiHarness(sql, 'lapor', { readNow: READ_NOW });
});

afterAll(async () => {
  await harness.close();
  await sql.close();
});

staffApiSuite('PGlite', () => harness);

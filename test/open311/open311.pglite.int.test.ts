import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { openReadApiHarness, type ReadApiHarness } from '../read-api/readApiHarness';
import { open311Suite } from './open311Suite';

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

open311Suite('PGlite', () => harness);

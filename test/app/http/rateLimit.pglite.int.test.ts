import { createPGliteSqlClient, openPGlite } from '../../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { rateLimitSuite } from './rateLimitSuite';

let sql: SqlClient;

beforeAll(async () => {
  sql = createPGliteSqlClient(await openPGlite());
});

afterAll(async () => {
  await sql.close();
});

rateLimitSuite('PGlite', () => ({ sql, schema: 'lapor' }));

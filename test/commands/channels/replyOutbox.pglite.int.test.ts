import { createPGliteSqlClient, openPGlite } from '../../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { replyOutboxSuite } from './replyOutboxSuite';

let sql: SqlClient;

beforeAll(async () => {
  sql = createPGliteSqlClient(await openPGlite());
});

afterAll(() => sql.close());

// One PGlite is one connection: the two dispatchers share it, as two tasks of one process do.
replyOutboxSuite('PGlite', () => ({ sql, otherSql: sql, schema: 'lapor' }));

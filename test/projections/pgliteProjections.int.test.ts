import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { projectionSuite } from './projectionSuite';
import { openSqlLedger, type SqlLedger } from './suiteSetup';

// One in-memory PGlite for the file: an instance takes seconds to start.
let client: SqlClient;
let ledger: SqlLedger;

beforeAll(async () => {
  client = createPGliteSqlClient(await openPGlite());
  ledger = await openSqlLedger(client, 'lapor');
});

afterAll(async () => {
  await ledger.close();
  await client.close();
});

projectionSuite('PGlite', () => ledger);

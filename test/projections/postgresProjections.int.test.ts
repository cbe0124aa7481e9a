import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { projectionSuite } from './projectionSuite';
import { openSqlLedger, type SqlLedger } from './suiteSetup';

const schema = uniqueSchema('projections');
let client: SqlClient;
let ledger: SqlLedger;

beforeAll(async () => {
  client = connect(10);
  ledger = await openSqlLedger(client, schema);
});

afterAll(async () => {
  await ledger.close();
  await dropSchema(client, schema);
  await client.close();
});

projectionSuite('PostgreSQL', () => ledger);

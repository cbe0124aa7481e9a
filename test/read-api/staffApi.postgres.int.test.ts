import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { openReadApiHarness, type ReadApiHarness } from './readApiHarness';
import { staffApiSuite } from './staffApiSuite';
import { READ_NOW } from './staffFixture';

const schema = uniqueSchema('staff_api');
let sql: SqlClient;
let harness: ReadApiHarness;

beforeAll(async () => {
  sql = connect();
  harness = await openReadApiHarness(sql, schema, { readNow: READ_NOW });
});

afterAll(async () => {
  await harness.close();
  await dropSchema(sql, schema);
  await sql.close();
});

staffApiSuite('PostgreSQL', () => harness);

import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { publicReporterSuite } from './publicReporterSuite';
import { openReadApiHarness, type ReadApiHarness } from './readApiHarness';

const schema = uniqueSchema('read_api');
let sql: SqlClient;
let harness: ReadApiHarness;

beforeAll(async () => {
  sql = connect();
  harness = await openReadApiHarness(sql, schema);
});

afterAll(async () => {
  await harness.close();
  await dropSchema(sql, schema);
  await sql.close();
});

publicReporterSuite('PostgreSQL', () => harness);

import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';
import { openApiHarness, type ApiHarness } from './apiHarness';
import { commandRoutesSuite } from './commandRoutesSuite';
import { concurrencySuite } from './concurrencySuite';
import { idempotencySuite } from './idempotencySuite';

const schema = uniqueSchema('commands');
let sql: SqlClient;
let harness: ApiHarness;

beforeAll(async () => {
  sql = connect();
  harness = await openApiHarness(sql, schema);
});

afterAll(async () => {
  await harness.close();
  await dropSchema(sql, schema);
  await sql.close();
});

commandRoutesSuite('PostgreSQL', () => harness);
idempotencySuite('PostgreSQL', () => harness);
concurrencySuite('PostgreSQL', () => harness);

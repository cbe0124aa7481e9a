import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { openReadApiHarness, type ReadApiHarness } from '../read-api/readApiHarness';
import { open311Suite } from './open311Suite';

const schema = uniqueSchema('open311');
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

open311Suite('PostgreSQL', () => harness);

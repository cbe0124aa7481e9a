import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';
import { rateLimitSuite } from './rateLimitSuite';

const schema = uniqueSchema('rate_limits');
let sql: SqlClient;

beforeAll(() => {
  sql = connect();
});

afterAll(async () => {
  await dropSchema(sql, schema);
  await sql.close();
});

rateLimitSuite('PostgreSQL', () => ({ sql, schema }));

import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';
import { replyOutboxSuite } from './replyOutboxSuite';

const schema = uniqueSchema('replies');
let sql: SqlClient;
let otherSql: SqlClient;

beforeAll(() => {
  sql = connect();
  otherSql = connect();
});

afterAll(async () => {
  await dropSchema(sql, schema);
  await Promise.all([sql.close(), otherSql.close()]);
});

replyOutboxSuite('PostgreSQL', () => ({ sql, otherSql, schema }));
